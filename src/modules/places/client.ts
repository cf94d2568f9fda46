// Client-safe entry of the places module: only what may run in the browser.
export { HoursField } from "./hours/ui/hours-field";

// Public entry of the contributions module. No other module imports it yet: when one needs something, export it here
// (other modules and the composition layer import from "@/modules/contributions" only; lint: boundaries in eslint.config.mjs).
export { workspaceTabs } from "./manifest";

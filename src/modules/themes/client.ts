// Client-safe entry of the themes module (pure data): for "use client" files of other modules.
export { themeIds, themeLabel, themes } from "./themes";

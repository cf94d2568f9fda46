// Public entry of the themes module: the recurring themes of the field (DOMAIN.md).
// Pure data, safe on both sides; "use client" files still import "@/modules/themes/client".
export { themeIds, themeLabel, themes, type ThemeId } from "./themes";

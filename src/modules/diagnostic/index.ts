// Public entry of the diagnostic module: the territory's diagnostic: coverage, portrait, map, settings, reports.
// Other modules and the composition layer import from "@/modules/diagnostic" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { SERVICES } from "./coverage";
export { NO_VALUE, choroplethSvg, classify } from "./map";
export { diagnosticPolicy } from "./policy";
export { territoryPortrait } from "./portrait";
export { keyMessages, servicesNoPlaceOffers } from "./key-messages";
export type { IndicatorDef, Portrait } from "./portrait";
export type { KeyCommune, KeyMessagesInput } from "./key-messages";
export { diagnosticReports } from "./schema";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";

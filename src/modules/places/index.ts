// Public entry of the places module: places of digital mediation: the shared registry, the national standard, opening hours, imports.
// Other modules and the composition layer import from "@/modules/places" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { communeOf, row } from "./commands";
export { shortLabel } from "./filters";
export { EXAMPLE_HOURS, openAt, statusText, validate } from "./hours";
export { fromParisWallDate } from "./hours/paris-time";
export { readProducerFile } from "./mapping/read";
export { findPlace, placesVersion } from "./queries";
export { places } from "./schema";
export { standardRow } from "./standard/export";
export { normalizeRecord } from "./standard/normalize";
export { PIVOT_PLACEHOLDER, charLength, enumValues, fieldNames, listSeparator } from "./standard/schema";
export type { EnumValue, FieldName, NormalizedPlace } from "./standard/schema";
export { checkEmail, checkPhone, checkUrl } from "./standard/values";
export { weeklyTable } from "./hours";
export { workspaceTabs } from "./manifest";
export { dropUpload } from "./uploads";
export { keepUpload } from "./uploads";
export { requireUpload } from "./uploads";
export { FRENCH_EXAMPLE, gridToSchedule, gridUsed, readGrid, scheduleToOsm, understandHours } from "./hours";
export { CHECK_HOURS } from "./hours/check-step";
export { hoursChecked } from "./hours/check-step";
export { journeyOf } from "./journey";
export { registerPlaceMergeStep, type PlaceMergeStep } from "./duplicates";

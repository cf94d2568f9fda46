// Public entry of the geo module: shared reference data: communes, EPCI, départements, régions, perimeters, outlines.
// Other modules and the composition layer import from "@/modules/geo" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { cachedOutline, pointInCommune } from "./outline";
export type { PointCheck } from "./point-in-polygon";
export type { Outline } from "./outline";
export { communesOfPerimeter, findPerimeter, resolveCommuneCodes, searchPerimeters } from "./queries";
export { communes, departements, epcis, referenceMeta, regions } from "./schema";
export { editDistance, matchCommunes, MAX_CHOICES } from "./match";
export type { CommuneMatch, MatchableCommune } from "./match";
export { communeLabels, explainPostcodeAndCommune, resolveWritten, splitWritten, writtenCommuneTable } from "./written";
export type { WrittenCommuneRow, WrittenOptions, WrittenResult } from "./written";

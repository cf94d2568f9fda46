// Public entry of the geo module: shared reference data: communes, EPCI, départements, régions, perimeters, outlines.
// Other modules and the composition layer import from "@/modules/geo" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { cachedOutline } from "./outline";
export type { Outline } from "./outline";
export { communesOfPerimeter, findPerimeter, resolveCommuneCodes, searchPerimeters } from "./queries";
export { communes, departements, referenceMeta } from "./schema";

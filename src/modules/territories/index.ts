// Public entry of the territories module: territories, their perimeter, members and roles, policies.
// Other modules and the composition layer import from "@/modules/territories" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { communeNames, inPerimeter } from "./communes";
export { isVerified, platformPolicy, territoryPolicy } from "./policy";
export type { TerritoryAbilities, TerritoryRef, TerritoryStatus } from "./policy";
export { territoryCommuneCodes } from "./queries";
export type { Territory } from "./queries";
export { memberships, territories, territoryCommunes } from "./schema";
export { splitCodes } from "./validation";
export { resolveCommunesAsWritten } from "./communes";
export { workspaceTabs } from "./manifest";
export type { TerritoryContext } from "./web";
export { territoryAction } from "./web";
export { territoryOfForm } from "./web";
export { territoryPage } from "./web";
export { territoryPlainAction } from "./web";
export { inPerimeterOf, perimeterAmong, perimeterCodes, perimeterJoin, requireTerritoryId } from "./tenancy";

// Public entry of the findings module: findings of the diagnostic (strengths and questions) and the diagnostic settings row.
// Other modules and the composition layer import from "@/modules/findings" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { listFindings } from "./queries";
export { createFinding } from "./commands";
export { diagnosticSettings, findings } from "./schema";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";

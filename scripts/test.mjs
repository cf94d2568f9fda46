#!/usr/bin/env node
// `npm test`: unit and integration tests (PGlite, or PostgreSQL when DATABASE_URL is set),
// then the end-to-end suite when Chromium is available.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
process.env.NEXT_TELEMETRY_DISABLED = "1";
const run = (file, args) => spawnSync(process.execPath, [file, ...args], { stdio: "inherit" }).status ?? 1;

const unit = run(path.join("node_modules", "vitest", "vitest.mjs"), ["run"]);
const e2e = run(path.join("scripts", "e2e.mjs"), []);
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);

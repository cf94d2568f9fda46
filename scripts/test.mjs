#!/usr/bin/env node
// `npm test`: unit and integration tests (PGlite, or PostgreSQL when DATABASE_URL is set),
// then the end-to-end suite when Chromium is available.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
process.env.NEXT_TELEMETRY_DISABLED = "1";
const run = (file, args) => spawnSync(process.execPath, [file, ...args], { stdio: "inherit" }).status ?? 1;

// CI asks for machine-readable counts (TEST_REPORT_DIR) beside the usual output.
const report = (name) =>
  process.env.TEST_REPORT_DIR ? ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(process.env.TEST_REPORT_DIR, `${name}.json`)}`] : [];
const unit = run(path.join("node_modules", "vitest", "vitest.mjs"), ["run", ...report(process.env.DATABASE_URL ? "integration-postgres" : "unit-pglite")]);
const e2e = process.env.E2E === "0" ? (console.warn("Tests de bout en bout ignorés : E2E=0."), 0) : run(path.join("scripts", "e2e.mjs"), report("e2e"));
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);

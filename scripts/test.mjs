#!/usr/bin/env node
// `npm test`: unit and integration tests (PGlite, or PostgreSQL when DATABASE_URL is set),
// then the end-to-end suite when Chromium is available. Exits non-zero when any suite does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseTestFiles, unitTestFiles } from "./lib/database-tests.mjs";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
process.env.NEXT_TELEMETRY_DISABLED = "1";
const reportDir = process.env.TEST_REPORT_DIR;

// CI asks for machine-readable counts (TEST_REPORT_DIR) beside the usual output, and for each suite's
// exit status (<name>.exit, empty when the process died of a signal): CI trusts neither one alone
// (scripts/lib/count-report.mjs).
function run(name, file, args) {
  const report = reportDir ? ["--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reportDir, `${name}.json`)}`] : [];
  const result = spawnSync(process.execPath, [file, ...args, ...report], { stdio: "inherit" });
  if (reportDir) fs.writeFileSync(path.join(reportDir, `${name}.exit`), result.status === null ? "" : String(result.status));
  if (result.status === null) console.error(`Suite ${name} interrompue (${result.signal ?? result.error?.message ?? "cause inconnue"}).`);
  return result.status ?? 1;
}

// On PostgreSQL (DATABASE_URL set) only the tests that reach a database run: the others do the same work on
// either engine and already ran on PGlite (scripts/lib/database-tests.mjs says how a file is classed).
const vitest = path.join("node_modules", "vitest", "vitest.mjs");
const unit = process.env.DATABASE_URL
  ? run("integration-postgres", vitest, ["run", ...databaseTestFiles(process.cwd(), unitTestFiles(process.cwd()))])
  : run("unit-pglite", vitest, ["run"]);
const e2e = process.env.E2E === "0" ? (console.warn("Tests de bout en bout ignorés : E2E=0."), 0) : run("e2e", path.join("scripts", "e2e.mjs"), []);
process.exit(unit !== 0 || e2e !== 0 ? 1 : 0);

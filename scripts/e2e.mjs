#!/usr/bin/env node
// End-to-end suite: needs Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH).
// Without it the suite is skipped with a message, unless E2E_REQUIRED=1 (CI), where it fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  const why = `Chromium introuvable (${chromium}) : installez le paquet Debian « chromium » ou définissez CHROMIUM_PATH.`;
  if (process.env.E2E_REQUIRED === "1") {
    console.error(`Tests de bout en bout obligatoires, mais ${why}`);
    process.exit(1);
  }
  console.warn(`Tests de bout en bout ignorés : ${why}`);
  process.exit(0);
}
const args = ["run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)];
// The whole suite (no file named) also checks that every server action was called over HTTP (e2e/global-setup.ts).
if (!process.argv.slice(2).some((a) => !a.startsWith("-"))) process.env.E2E_ACTIONS_INVENTORY = "1";
const result = spawnSync(process.execPath, [path.join("node_modules", "vitest", "vitest.mjs"), ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);

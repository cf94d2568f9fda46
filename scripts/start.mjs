#!/usr/bin/env node
// `npm start`: builds the app when the sources changed since the last build, then serves it.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);

function hashTree(hash, dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (!/\.test\.tsx?$/.test(entry.name)) hash.update(full).update(fs.readFileSync(full));
  }
}

function sourceHash() {
  const hash = createHash("sha256");
  for (const f of ["package-lock.json", "next.config.ts", "tsconfig.json"]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  hashTree(hash, "src");
  hashTree(hash, "public");
  return hash.digest("hex");
}

const stamp = path.join(".next", "maillage-source-hash");
const current = sourceHash();
const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === current;
if (!built) {
  console.info("Maillage : construction de l'application (première fois ou sources modifiées, 1 à 3 minutes)…");
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, current);
}

const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port, ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

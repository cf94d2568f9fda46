// Builds the Next.js app only when its sources changed since the last build (shared by start and e2e).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

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

/** Returns true when a build ran. Exits the process if the build fails. */
export function ensureBuilt({ force = false } = {}) {
  const stamp = path.join(".next", "maillage-source-hash");
  const current = sourceHash();
  const upToDate = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === current;
  if (upToDate && !force) return false;
  console.info(force ? "Maillage : construction de l'application (une à trois minutes)…" : "Maillage : construction de l'application (première fois ou sources modifiées, une à trois minutes)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stamp, current);
  return true;
}

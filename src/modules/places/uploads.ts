import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// A file checked in a dry run is kept briefly so that the commit imports exactly what was checked.
const TTL_MS = 60 * 60 * 1000;

function dir(dataDir: string): string {
  const d = path.join(dataDir, "uploads");
  fs.mkdirSync(d, { recursive: true });
  return d;
}

export function keepUpload(dataDir: string, bytes: Uint8Array, filename: string): string {
  const token = randomBytes(18).toString("base64url");
  const d = dir(dataDir);
  for (const f of fs.readdirSync(d)) {
    const full = path.join(d, f);
    if (Date.now() - fs.statSync(full).mtimeMs > TTL_MS) fs.rmSync(full, { force: true });
  }
  fs.writeFileSync(path.join(d, `${token}.bin`), bytes, { mode: 0o600 });
  fs.writeFileSync(path.join(d, `${token}.name`), filename.slice(0, 200), { mode: 0o600 });
  return token;
}

export function takeUpload(dataDir: string, token: string): { bytes: Uint8Array; filename: string } | undefined {
  if (!/^[A-Za-z0-9_-]{24}$/.test(token)) return undefined;
  const d = dir(dataDir);
  const file = path.join(d, `${token}.bin`);
  if (!fs.existsSync(file) || Date.now() - fs.statSync(file).mtimeMs > TTL_MS) return undefined;
  return { bytes: new Uint8Array(fs.readFileSync(file)), filename: fs.readFileSync(path.join(d, `${token}.name`), "utf8") };
}

export function dropUpload(dataDir: string, token: string): void {
  const d = dir(dataDir);
  fs.rmSync(path.join(d, `${token}.bin`), { force: true });
  fs.rmSync(path.join(d, `${token}.name`), { force: true });
}

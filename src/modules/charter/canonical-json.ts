import { createHash } from "node:crypto";

/**
 * The canonical JSON of a value (decision 026, contract with the signatures): object keys sorted by code point, no
 * whitespace, UTF-8; arrays keep their order; `undefined` members are left out (as JSON.stringify does). The same
 * content gives the same bytes on every machine and every PostgreSQL (jsonb reorders keys: the hash is never taken
 * from jsonb's text, always from this).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonicalJson: a number that JSON cannot write");
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 (hex) of the canonical JSON's UTF-8 bytes. */
export function contentSha256(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}

import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CurrentCommune } from "./cog";

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

export type TableValue = string | number | null;

/** `{...meta, columns, rows}` with one row per line: compact, yet readable in a diff. */
export function tableJson(meta: Record<string, unknown>, columns: readonly string[], rows: readonly TableValue[][]): string {
  const head = JSON.stringify({ ...meta, columns });
  return `${head.slice(0, -1)},"rows":[\n${rows.map((row) => JSON.stringify(row)).join(",\n")}\n]}\n`;
}

export function writeOutput(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export function sumPopulation(communes: readonly CurrentCommune[]): number | null {
  const known = communes.filter((c) => c.population !== null);
  return known.length ? known.reduce((sum, c) => sum + (c.population ?? 0), 0) : null;
}

export function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name);
    return total + (entry.isDirectory() ? folderSize(full) : statSync(full).size);
  }, 0);
}

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Compact reference files built by `npm run data:build` and committed under data/. */
export type Table = { columns: string[]; rows: unknown[][]; millesime?: string };

export function dataPath(...parts: string[]): string {
  return path.join(process.cwd(), "data", ...parts);
}

export function readTable(file: string): Table {
  return JSON.parse(fs.readFileSync(dataPath(file), "utf8")) as Table;
}

/** Turns `{columns, rows}` into objects, keyed by column name. */
export function records(table: Table): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
}

export const referenceFiles = ["communes.json", "epci.json", "departements.json", "regions.json"] as const;

/** Content hash of the reference files: the database reloads them when it changes. */
export function referenceVersion(): string {
  const hash = createHash("sha256");
  for (const f of referenceFiles) hash.update(fs.readFileSync(dataPath(f)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * `npx maillage places validate FILE`: checks a places file against the national standard (v1.0.2,
 * v0.1 data migrated) and prints one JSON object on stdout, for people and scripts alike.
 * Needs no database. Exit code 0 when the file could be read, even if places were rejected;
 * 2 when it could not be read (missing file, or content that is neither CSV nor JSON of places).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { contourCheck } from "@/modules/places/standard/contour-check";
import { validateFile } from "@/modules/places/standard/normalize";
import type { Issue } from "@/modules/places/standard/schema";

type Output = { records: number; accepted: number; warned: number; rejected: number; issues: Issue[] };

function print(output: Output): void {
  // Issue objects are rebuilt so that the output keeps exactly the documented keys, in this order.
  const issues = output.issues.map(({ line, id, field, level, message }) => ({ line, id, field, level, message }));
  process.stdout.write(`${JSON.stringify({ ...output, issues })}\n`);
}

export async function placesValidate(file: string): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const reason = e instanceof Error && "code" in e && e.code === "ENOENT" ? "il n'existe pas" : e instanceof Error ? e.message : String(e);
    const message = `Impossible de lire le fichier « ${file} » : ${reason}.`;
    print({ records: 0, accepted: 0, warned: 0, rejected: 0, issues: [{ line: 0, id: "", field: "", level: "error", message }] });
    console.error(message);
    return 2;
  }
  const report = validateFile(bytes, path.basename(file), { check: contourCheck });
  const { records, accepted, warned, rejected, issues } = report;
  print({ records, accepted, warned, rejected, issues });
  // A file-level error means no place could be read out of the file at all.
  const unreadable = issues.some((i) => i.line === 0 && i.level === "error");
  if (unreadable) console.error(issues.find((i) => i.line === 0 && i.level === "error")?.message);
  return unreadable ? 2 : 0;
}

/**
 * Test-only: the rules of ../shared/data/standard-mediation-numerique/schema.json compiled straight
 * from that file, so that tests check our output against the schema itself and not against our own
 * generated copy of it. Never import this from application code (the app does not read ../shared).
 */
import fs from "node:fs";

type Field = { name: string; type: string; constraints?: { required?: boolean; pattern?: string; maxLength?: number } };
export const schemaFields = (
  JSON.parse(fs.readFileSync("../shared/data/standard-mediation-numerique/schema.json", "utf8")) as { fields: Field[] }
).fields;

/** Broken rules of one CSV row (Table Schema: a pattern must match the whole value). */
export function schemaErrors(row: Record<string, string>): string[] {
  const errors: string[] = [];
  for (const f of schemaFields) {
    const cell = row[f.name];
    if (cell === undefined) errors.push(`${f.name}: colonne absente`);
    else if (cell === "") {
      if (f.constraints?.required) errors.push(`${f.name}: obligatoire`);
    } else {
      const pattern = f.constraints?.pattern;
      if (pattern && !new RegExp(`^(?:${pattern})$`, "u").test(cell)) errors.push(`${f.name}: ${cell}`);
      const max = f.constraints?.maxLength;
      if (max !== undefined && Array.from(cell).length > max) errors.push(`${f.name}: plus de ${max} caractères`);
      if (f.type === "number" && !Number.isFinite(Number(cell))) errors.push(`${f.name}: pas un nombre`);
      if (f.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(cell)) errors.push(`${f.name}: pas une date`);
    }
  }
  return errors;
}

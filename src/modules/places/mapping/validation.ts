import { z } from "zod";
import { fieldNames, type FieldName } from "../standard/schema";
import type { ColumnMapping } from "./schema";

// Shared by the mapping form (server action) and the commands: one set of rules, French messages.

export const MAX_COLUMN_NAME = 300;
export const MAX_CONSTANT = 1000;

const fieldName = z.enum(fieldNames as [FieldName, ...FieldName[]]);

/** A mapping as stored: standard field → column, standard field → fixed value (never for `id`). */
export const columnMappingSchema = z
  .object({
    fields: z.partialRecord(fieldName, z.string().trim().min(1).max(MAX_COLUMN_NAME, "Nom de colonne trop long.")),
    constants: z.partialRecord(fieldName, z.string().trim().max(MAX_CONSTANT, `Une valeur fixe compte ${MAX_CONSTANT} caractères au plus.`)).optional(),
  })
  .transform((m): ColumnMapping => {
    const constants = Object.fromEntries(Object.entries(m.constants ?? {}).filter(([k, v]) => k !== "id" && v !== ""));
    return Object.keys(constants).length > 0 ? { fields: m.fields, constants } : { fields: m.fields };
  });

export const mappingNameSchema = z
  .string({ error: "Donnez un nom à la correspondance." })
  .trim()
  .min(1, "Donnez un nom à la correspondance, par exemple « Export du réseau départemental ».")
  .max(100, "Le nom compte 100 caractères au plus.");

export const saveMappingSchema = z.object({ name: mappingNameSchema, mapping: columnMappingSchema });
export type SaveMappingInput = z.input<typeof saveMappingSchema>;

/** Form names of the mapping form: one select and one fixed value per standard field. */
export const columnInput = (f: FieldName) => `colonne_${f}`;
export const constantInput = (f: FieldName) => `fixe_${f}`;

/**
 * The mapping posted by the form. Columns must exist in the file (else an error on that select);
 * empty selects and empty fixed values are "not mapped".
 */
export function mappingFromForm(form: Record<string, unknown>, columns: readonly string[]): { mapping: ColumnMapping; fieldErrors: Record<string, string[]> } {
  const fields: Record<string, string> = {};
  const constants: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  const known = new Set(columns);
  for (const f of fieldNames) {
    const column = form[columnInput(f)];
    if (typeof column === "string" && column !== "") {
      if (known.has(column)) fields[f] = column;
      else fieldErrors[columnInput(f)] = [`La colonne « ${column.slice(0, 80)} » n'existe pas dans ce fichier.`];
    }
    const fixed = form[constantInput(f)];
    if (f !== "id" && typeof fixed === "string" && fixed.trim() !== "") {
      if (fixed.length > MAX_CONSTANT) fieldErrors[constantInput(f)] = [`Une valeur fixe compte ${MAX_CONSTANT} caractères au plus.`];
      else constants[f] = fixed.trim();
    }
  }
  return { mapping: Object.keys(constants).length > 0 ? { fields, constants } : { fields }, fieldErrors };
}

/** Fields the standard requires that have neither a column nor a fixed value nor a completion by apply.ts. */
export const requiredWithoutDefault: readonly FieldName[] = ["nom", "commune", "code_postal", "adresse"];

export function missingRequired(mapping: ColumnMapping): FieldName[] {
  return requiredWithoutDefault.filter((f) => mapping.fields[f] === undefined && (mapping.constants?.[f] ?? "") === "");
}

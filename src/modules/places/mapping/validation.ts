import { z } from "zod";
import { jsonDepthExceeds } from "@/platform/files/json";
import { enumValues, fieldNames, freeTextFields, isEnumField, schemaVersion, type EnumFieldName, type FieldName } from "../standard/schema";
import type { ColumnMapping, Composition, ValueTranslation } from "./schema";
import { isProjectionCode, projections, type ProjectionCode } from "./normalize/projections";
import {
  CONCAT_COLUMNS,
  MAX_CONCAT_COLUMNS,
  MAX_CONCAT_ROWS,
  columnInput,
  composeSectionInput,
  concatColumnInput,
  concatColumnsInput,
  concatFieldInput,
  concatRowsInput,
  concatSeparatorInput,
  concatShownInput,
  constantInput,
  dayInput,
  projectionInput,
} from "./form-names";

// Shared by the mapping form (server action) and the commands: one set of rules, French messages.

export const MAX_COLUMN_NAME = 300;
export const MAX_CONSTANT = 1000;

const fieldName = z.enum(fieldNames as [FieldName, ...FieldName[]]);

const column = z.string().trim().min(1, "Nom de colonne vide.").max(MAX_COLUMN_NAME, "Nom de colonne trop long.");
const term = z.string().trim().min(1, "Terme vide.").max(MAX_CONSTANT, `Un terme compte ${MAX_CONSTANT} caractères au plus.`);

const enumFieldNames = fieldNames.filter(isEnumField);
const enumFieldName = z.enum(enumFieldNames as [EnumFieldName, ...EnumFieldName[]], { error: "Ce champ du standard n'a pas de liste de valeurs : pas de traduction possible." });

const translationSchema = z
  .object({
    columns: z.array(column).max(20, "20 colonnes au plus.").optional(),
    rules: z.array(z.object({ terms: z.array(term).min(1, "Une règle a au moins un terme.").max(200), values: z.array(z.string()).max(20) }).strict()).max(2000).optional(),
    exclude: z.array(term).max(2000).optional(),
  })
  .strict();

const compositionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("concat"), columns: z.array(column).min(2, "Une concaténation a au moins deux colonnes.").max(10), separator: z.string().max(10, "Le séparateur compte 10 caractères au plus.") }).strict(),
  z.object({ kind: z.literal("hours_by_day"), days: z.array(z.union([column, z.literal("")])).length(7, "Sept colonnes, du lundi au dimanche (\"\" pour un jour sans colonne).") }).strict(),
]);

/** Every rule's values must belong to the field's vocabulary (said with the field and the value). */
function checkValues(translations: Partial<Record<EnumFieldName, z.infer<typeof translationSchema>>> | undefined, ctx: z.RefinementCtx): void {
  for (const [field, t] of Object.entries(translations ?? {}) as [EnumFieldName, z.infer<typeof translationSchema>][]) {
    const allowed = new Set<string>(enumValues(field));
    (t.rules ?? []).forEach((rule, i) => {
      for (const v of rule.values) {
        if (!allowed.has(v)) ctx.addIssue({ code: "custom", path: ["translations", field, "rules", i, "values"], message: `« ${v.slice(0, 80)} » n'est pas une valeur du champ ${field}. Valeurs possibles : ${enumValues(field).join(" ; ")}.` });
      }
    });
  }
}

const mappingShape = {
  fields: z.partialRecord(fieldName, column),
  constants: z.partialRecord(fieldName, z.string().trim().max(MAX_CONSTANT, `Une valeur fixe compte ${MAX_CONSTANT} caractères au plus.`)).optional(),
  translations: z.partialRecord(enumFieldName, translationSchema).optional(),
  compose: z.partialRecord(fieldName, compositionSchema).optional(),
  projection: z
    .string()
    .refine((c): c is ProjectionCode => isProjectionCode(c), { error: `Projection inconnue. Projections possibles : ${projections.map((p) => p.code).join(" ; ")}.` })
    .optional(),
};

/** Drops what means nothing (empty constants, a constant for `id`, empty translations) so equal mappings store equal. */
function tidy(m: {
  fields: Record<string, string>;
  constants?: Record<string, string> | undefined;
  translations?: Record<string, z.infer<typeof translationSchema>> | undefined;
  compose?: Record<string, Composition> | undefined;
  projection?: string | undefined;
}): ColumnMapping {
  const constants = Object.fromEntries(Object.entries(m.constants ?? {}).filter(([k, v]) => k !== "id" && v !== ""));
  const translations = Object.fromEntries(
    Object.entries(m.translations ?? {}).flatMap(([f, t]) => {
      const kept: ValueTranslation = {
        ...(t.columns?.length ? { columns: t.columns } : {}),
        ...(t.rules?.length ? { rules: t.rules } : {}),
        ...(t.exclude?.length ? { exclude: t.exclude } : {}),
      };
      return Object.keys(kept).length > 0 ? [[f, kept]] : [];
    }),
  );
  const compose = Object.fromEntries(Object.entries(m.compose ?? {}).filter(([f]) => f !== "id"));
  return {
    fields: m.fields,
    ...(Object.keys(constants).length > 0 ? { constants } : {}),
    ...(Object.keys(translations).length > 0 ? { translations } : {}),
    ...(Object.keys(compose).length > 0 ? { compose } : {}),
    ...(m.projection !== undefined && isProjectionCode(m.projection) ? { projection: m.projection } : {}),
  };
}

/**
 * A mapping as stored: standard field → column, standard field → fixed value (never for `id`),
 * translations of terms and composed fields. Mappings saved before translations existed
 * (`fields` and `constants` only) read as they are.
 */
export const columnMappingSchema = z
  .object(mappingShape)
  .superRefine((m, ctx) => checkValues(m.translations, ctx))
  .transform(tidy);

// ── the mapping file (decision 014, docs/mapping.schema.json) ───────────────────────────────────

export const MAPPING_FILE_FORMAT = "maillage-correspondance";
export const MAPPING_FILE_VERSION = 1;
export const MAPPING_FILE_MAX_BYTES = 1_000_000;

export type MappingFile = {
  format: typeof MAPPING_FILE_FORMAT;
  version: typeof MAPPING_FILE_VERSION;
  name?: string;
  standard: string;
} & ColumnMapping;

const mappingFileSchema = z
  .object({
    $schema: z.string().max(500).optional(),
    format: z.literal(MAPPING_FILE_FORMAT, { error: `Ce fichier n'est pas une correspondance Maillage (« format » doit valoir « ${MAPPING_FILE_FORMAT} »).` }),
    version: z.literal(MAPPING_FILE_VERSION, { error: `Version de correspondance non prise en charge : seule la version ${MAPPING_FILE_VERSION} est lue.` }),
    name: z.string().trim().max(100, "Le nom compte 100 caractères au plus.").optional(),
    standard: z.string().max(20).optional(),
    ...mappingShape,
  })
  .strict()
  .superRefine((m, ctx) => checkValues(m.translations, ctx));

/** The file of a mapping: the stored mapping with its format, version, name and the standard's version. */
export function mappingFile(mapping: ColumnMapping, name?: string): MappingFile {
  return { format: MAPPING_FILE_FORMAT, version: MAPPING_FILE_VERSION, ...(name ? { name } : {}), standard: schemaVersion, ...mapping };
}

/** The file as people read it and as it is compared byte for byte: two-space indented, final new line. */
export function mappingFileText(mapping: ColumnMapping, name?: string): string {
  return `${JSON.stringify(mappingFile(mapping, name), null, 2)}\n`;
}

const where = (path: PropertyKey[]) => (path.length > 0 ? `${path.map(String).join(".")} : ` : "");

/** Reads a mapping file; every problem is said in French with where it is (« fields.nom : … »). */
export function readMappingFile(text: string): { ok: true; mapping: ColumnMapping; name?: string } | { ok: false; errors: string[] } {
  if (text.length > MAPPING_FILE_MAX_BYTES) return { ok: false, errors: ["Le fichier de correspondance dépasse 1 Mo."] };
  if (jsonDepthExceeds(text)) return { ok: false, errors: ["Le fichier de correspondance est imbriqué trop profondément."] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, errors: ["Le fichier de correspondance n'est pas du JSON lisible."] };
  }
  const parsed = mappingFileSchema.safeParse(data, { error: z.locales.fr().localeError });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.slice(0, 20).map((i) => `${where(i.path)}${i.message}`) };
  const { $schema: _s, format: _f, version: _v, standard: _st, name, ...rest } = parsed.data;
  return { ok: true, mapping: tidy(rest), ...(name ? { name } : {}) };
}

export const mappingNameSchema = z
  .string({ error: "Donnez un nom à la correspondance." })
  .trim()
  .min(1, "Donnez un nom à la correspondance, par exemple « Export du réseau départemental ».")
  .max(100, "Le nom compte 100 caractères au plus.");

export const saveMappingSchema = z.object({ name: mappingNameSchema, mapping: columnMappingSchema });
export type SaveMappingInput = z.input<typeof saveMappingSchema>;

// The form's input names live in form-names.ts only (the page imports them there without zod): import them from there.


/** Text fields a concatenation may fill (not the identifier, not the hours: those have their own rules). */
export const concatFields: readonly FieldName[] = freeTextFields.filter((f) => f !== "id" && f !== "horaires");

export type ConcatRow = { field: FieldName; columns: string[]; separator: string };

/**
 * The concatenations the section shows, one row each, in the mapping's own order (the rows keep their
 * place from post to post); all of them: none travels unseen.
 */
export function concatRows(compose: ColumnMapping["compose"]): ConcatRow[] {
  const allowed = new Set<string>(concatFields);
  return Object.entries(compose ?? {}).flatMap(([f, c]) => (c?.kind === "concat" && allowed.has(f) ? [{ field: f as FieldName, columns: c.columns, separator: c.separator }] : []));
}

/** Column selects of a row: at least CONCAT_COLUMNS, and one spare after the columns chosen (up to the schema's 10). */
export const concatSelects = (columns: number) => Math.min(MAX_CONCAT_COLUMNS, Math.max(CONCAT_COLUMNS, columns + 1));

const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * The composed fields posted by the section, over those carried by the page: each concatenation a row
 * showed and the hours by day are replaced by what the selects say (emptied = removed); others are kept.
 */
export function compositionsFromForm(
  form: Record<string, unknown>,
  columns: readonly string[],
  carried: ColumnMapping["compose"] = {},
): { compose: Record<string, Composition>; fieldErrors: Record<string, string[]> } {
  const compose: Record<string, Composition> = { ...carried };
  const fieldErrors: Record<string, string[]> = {};
  if (form[composeSectionInput] === undefined) return { compose, fieldErrors };
  const known = new Set(columns);
  const unknown = (c: string) => `La colonne « ${c.slice(0, 80)} » n'existe pas dans ce fichier.`;

  const count = (v: unknown, max: number) => Math.min(max, Math.max(0, Number.parseInt(text(v), 10) || 0));
  const rows = count(form[concatRowsInput], MAX_CONCAT_ROWS);
  // Every concatenation a row showed is replaced by what the row says now (emptied: removed).
  for (let k = 1; k <= rows; k++) {
    const shown = text(form[concatShownInput(k)]);
    if (compose[shown]?.kind === "concat") delete compose[shown];
  }
  const composedHere = new Set<string>();
  for (let k = 1; k <= rows; k++) {
    const field = text(form[concatFieldInput(k)]);
    const chosen: string[] = [];
    const selects = count(form[concatColumnsInput(k)], MAX_CONCAT_COLUMNS) || CONCAT_COLUMNS;
    for (let n = 1; n <= selects; n++) {
      const c = text(form[concatColumnInput(k, n)]);
      if (c === "") continue;
      if (known.has(c)) chosen.push(c);
      else fieldErrors[concatColumnInput(k, n)] = [unknown(c)];
    }
    const separator = text(form[concatSeparatorInput(k)]);
    if (field === "") {
      // « Aucun » on a row that showed a concatenation removes it; on a new row, columns without a field are a slip.
      if (chosen.length > 0 && text(form[concatShownInput(k)]) === "") fieldErrors[concatFieldInput(k)] = ["Choisissez le champ que ces colonnes composent."];
    } else if (!(concatFields as readonly string[]).includes(field)) {
      fieldErrors[concatFieldInput(k)] = ["Ce champ ne peut pas être composé de plusieurs colonnes."];
    } else if (composedHere.has(field)) {
      fieldErrors[concatFieldInput(k)] = ["Ce champ est déjà composé plus haut : un champ n'a qu'une composition."];
    } else if (chosen.length < 2 && !fieldErrors[concatColumnInput(k, 1)]) {
      fieldErrors[concatColumnInput(k, 1)] = ["Choisissez au moins deux colonnes à mettre bout à bout."];
    } else if (separator.length > 10) {
      fieldErrors[concatSeparatorInput(k)] = ["Le séparateur compte 10 caractères au plus."];
    } else {
      composedHere.add(field);
      compose[field] = { kind: "concat", columns: chosen, separator };
    }
  }

  if (compose.horaires?.kind === "hours_by_day") delete compose.horaires;
  const days = Array.from({ length: 7 }, (_, d) => {
    const c = text(form[dayInput(d)]);
    if (c !== "" && !known.has(c)) {
      fieldErrors[dayInput(d)] = [unknown(c)];
      return "";
    }
    return c;
  });
  if (days.some((c) => c !== "")) compose.horaires = { kind: "hours_by_day", days };
  return { compose, fieldErrors };
}

/**
 * The mapping posted by the form. Columns must exist in the file (else an error on that select);
 * empty selects and empty fixed values are "not mapped". `carried`: the composed fields kept by the
 * page, which the « Champs composés » section edits; the projection select: "" = detected at each import.
 */
export function mappingFromForm(form: Record<string, unknown>, columns: readonly string[], carried?: ColumnMapping["compose"]): { mapping: ColumnMapping; fieldErrors: Record<string, string[]> } {
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
  const projection = text(form[projectionInput]);
  if (projection !== "" && !isProjectionCode(projection)) fieldErrors[projectionInput] = ["Projection inconnue : choisissez-en une dans la liste."];
  const composed = compositionsFromForm(form, columns, carried);
  Object.assign(fieldErrors, composed.fieldErrors);
  return {
    mapping: {
      fields,
      ...(Object.keys(constants).length > 0 ? { constants } : {}),
      ...(Object.keys(composed.compose).length > 0 ? { compose: composed.compose } : {}),
      ...(isProjectionCode(projection) ? { projection } : {}),
    },
    fieldErrors,
  };
}

/** Fields the standard requires that have neither a column nor a fixed value nor a completion by apply.ts. */
export const requiredWithoutDefault: readonly FieldName[] = ["nom", "commune", "code_postal", "adresse"];

export function missingRequired(mapping: ColumnMapping): FieldName[] {
  return requiredWithoutDefault.filter((f) => mapping.fields[f] === undefined && (mapping.constants?.[f] ?? "") === "");
}

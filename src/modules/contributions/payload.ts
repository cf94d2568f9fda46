/**
 * The fields a person may propose for a place, as the form carries them (text, one value per field,
 * lists written "a, b"), their validation with French messages per field, and the comparison of a
 * proposal with the place's current record. Shared by the public forms and the moderation form.
 */
import { z } from "zod";
import { charLength, checkEmail, checkPhone, checkUrl, enumValues, gridToSchedule, gridUsed, type NormalizedPlace, readGrid, scheduleToOsm, understandHours as validateHours } from "@/modules/places";
import { maxLengths } from "./limits";

export const textFields = ["nom", "adresse", "code_postal", "commune", "telephone", "courriel", "site_web", "horaires", "presentation_resume"] as const;
export type TextField = (typeof textFields)[number];
export type PlaceFields = Record<TextField, string> & { services: string[] };
export type ProposedField = TextField | "services";
/** Stored as jsonb: every field for a new place; for a correction, only the changed ones (and a message). */
export type ProposalPayload = Partial<PlaceFields> & { message?: string };

export const fieldLabels: Record<ProposedField, string> = {
  nom: "Nom du lieu",
  adresse: "Adresse",
  code_postal: "Code postal",
  commune: "Commune",
  telephone: "Téléphone",
  courriel: "Courriel",
  site_web: "Site web",
  horaires: "Horaires",
  services: "Services",
  presentation_resume: "Présentation courte",
};

export const serviceValues: readonly string[] = enumValues("services");
export const RESUME_MAX = maxLengths.presentation_resume;

const tooLong = (label: string, max: number) => `${label} ne doit pas dépasser ${max.toLocaleString("fr-FR")} caractères.`;
const optionalText = (field: TextField, label: string) => z.string({ error: `${label} : valeur invalide.` }).trim().max(maxLengths[field], tooLong(label, maxLengths[field])).default("");
const requiredText = (field: TextField, label: string, missing: string) => z.string({ error: missing }).trim().min(1, missing).max(maxLengths[field], tooLong(label, maxLengths[field]));

// The same separators as the standard's reader (normalize.ts), so that what we accept it reads back.
const splitEmails = (text: string) => text.split(/[|;,\s]+/).filter(Boolean);
const splitUrls = (text: string) => text.split(/[|;\s]+|,(?=\s*(?:https?:\/\/|www\.))/i).map((s) => s.replace(/,$/, "")).filter(Boolean);

const services = z
  .union([z.string(), z.array(z.string())], { error: "Choisissez les services dans la liste proposée." })
  .optional()
  .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])])
  .refine((list) => list.length <= serviceValues.length && list.every((s) => serviceValues.includes(s)), "Choisissez les services dans la liste proposée.");

const phoneMessage = "Le numéro de téléphone n'est pas valide : 10 chiffres (05 45 00 00 00) ou format international (+33545000000).";
// French as people write it (or OSM) → the OSM value; a grid the person filled wrongly arrives as { gridError } (withGridHours).
const hoursSchema = z
  .union([optionalText("horaires", "Les horaires"), z.object({ gridError: z.string() })])
  .superRefine((v, ctx) => {
    if (typeof v !== "string") return void ctx.addIssue({ code: "custom", message: v.gridError, input: v });
    const checked = v ? validateHours(v) : undefined;
    if (checked && !checked.ok) ctx.addIssue({ code: "custom", message: checked.message, input: v });
  })
  .transform((v) => (typeof v === "string" ? v : ""));

const checkedFields = {
  nom: requiredText("nom", "Le nom", "Indiquez le nom du lieu."),
  adresse: requiredText("adresse", "L'adresse", "Indiquez l'adresse du lieu (numéro et voie)."),
  code_postal: z.string({ error: "Indiquez le code postal." }).trim().regex(/^\d{5}$/, "Le code postal doit comporter 5 chiffres (par exemple 16000)."),
  commune: requiredText("commune", "La commune", "Indiquez la commune."),
  telephone: optionalText("telephone", "Le téléphone").refine((v) => v === "" || checkPhone(v, undefined).ok, phoneMessage),
  courriel: optionalText("courriel", "Le courriel").refine((v) => splitEmails(v).every((e) => checkEmail(e).ok), "L'adresse électronique n'est pas valide (exemple : contact@mediatheque.fr)."),
  site_web: optionalText("site_web", "Le site web").refine((v) => splitUrls(v).every((u) => checkUrl(u).ok), "L'adresse du site n'est pas valide (exemple : https://www.mediatheque.fr)."),
  horaires: hoursSchema,
  presentation_resume: z.string().trim().default("").refine((t) => charLength(t) <= RESUME_MAX, tooLong("La présentation courte", RESUME_MAX)),
} satisfies Record<TextField, z.ZodType>;

/**
 * Fields of a place, checked field by field (every mistake is reported at once), then written in the
 * standard's form: phone +33…, hours as OpenStreetMap prettifies them, lists "a, b". Fields in `kept`
 * are a correction's unchanged, already published values: taken as they are, so that an imported
 * place whose hours our stricter check refuses can still be corrected on its other fields.
 */
export function placeFieldsSchema(kept: ReadonlySet<TextField> = new Set()) {
  const pick = (f: TextField): z.ZodType<string> => (kept.has(f) ? z.string().trim().default("") : checkedFields[f]);
  const shape = { nom: pick("nom"), adresse: pick("adresse"), code_postal: pick("code_postal"), commune: pick("commune"), telephone: pick("telephone") };
  const more = { courriel: pick("courriel"), site_web: pick("site_web"), horaires: pick("horaires"), presentation_resume: pick("presentation_resume") };
  return z.object({ ...shape, ...more, services }).transform((v): PlaceFields => {
    // Every check passed: these only rewrite values into their standard form.
    const value = <T>(c: { ok: true; value: T } | { ok: false }, fallback: T) => (c.ok ? c.value : fallback);
    const rewrite = (f: TextField, fn: (text: string) => string) => (kept.has(f) ? v[f] : fn(v[f]));
    return {
      ...v,
      telephone: rewrite("telephone", (t) => (t ? value(checkPhone(t, v.code_postal), t) : "")),
      courriel: rewrite("courriel", (t) => splitEmails(t).map((e) => value(checkEmail(e), e)).join(", ")),
      site_web: rewrite("site_web", (t) => splitUrls(t).map((u) => value(checkUrl(u), u)).join(", ")),
      horaires: rewrite("horaires", (t) => {
        const hours = validateHours(t);
        return hours.ok ? hours.normalized : t;
      }),
    };
  });
}

/** The day-by-day grid, when used, is the hours: its OSM value replaces the text (which mirrors it with JavaScript only). */
export function withGridHours(raw: Record<string, unknown>): Record<string, unknown> {
  const grid = readGrid(raw);
  if (!gridUsed(grid)) return raw;
  const read = gridToSchedule(grid);
  return { ...raw, horaires: read.ok ? scheduleToOsm(read.schedule) : { gridError: read.message } };
}

/** Browsers send a textarea's line breaks as CRLF: as LF, like the standard's reader, before anything else. */
export function withUnixBreaks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v]));
}

/** The text fields that a correction's form sends back exactly as they are published now. */
export function unchangedFields(current: PlaceFields, raw: Record<string, unknown>): Set<TextField> {
  return new Set(textFields.filter((f) => typeof raw[f] === "string" && raw[f].trim() === current[f]));
}

/** A place's current record, in the form's encoding (to prefill the correction form and compare). */
export function fieldsOf(place: NormalizedPlace): PlaceFields {
  return {
    nom: place.nom,
    adresse: place.adresse,
    code_postal: place.code_postal,
    commune: place.commune,
    telephone: place.telephone ?? "",
    courriel: (place.courriels ?? []).join(", "),
    site_web: (place.site_web ?? []).join(", "),
    horaires: place.horaires ?? "",
    services: [...(place.services ?? [])],
    presentation_resume: place.presentation_resume ?? "",
  };
}

const sameServices = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

/** The fields of `proposed` that differ from `current` (what a correction actually changes). */
export function changedFields(current: PlaceFields, proposed: Partial<PlaceFields>): Partial<PlaceFields> {
  const out: Partial<PlaceFields> = {};
  for (const f of textFields) {
    const value = proposed[f];
    if (value !== undefined && value !== current[f]) out[f] = value;
  }
  if (proposed.services && !sameServices(proposed.services, current.services)) out.services = proposed.services;
  return out;
}

export type DiffLine = { field: ProposedField; label: string; current: string; proposed: string };

const shown = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : (v ?? ""));

/** Current value → proposed value, per changed field (for the moderators). */
export function diffLines(current: PlaceFields, proposed: ProposalPayload): DiffLine[] {
  const changed = changedFields(current, proposed);
  return (Object.keys(fieldLabels) as ProposedField[])
    .filter((f) => changed[f] !== undefined)
    .map((f) => ({ field: f, label: fieldLabels[f], current: shown(current[f]), proposed: shown(changed[f]) }));
}

/** The proposed fields of a new place, for display. */
export function proposedLines(payload: ProposalPayload): DiffLine[] {
  return (Object.keys(fieldLabels) as ProposedField[])
    .filter((f) => shown(payload[f]) !== "")
    .map((f) => ({ field: f, label: fieldLabels[f], current: "", proposed: shown(payload[f]) }));
}

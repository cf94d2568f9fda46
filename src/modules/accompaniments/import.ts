import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { readCsvRecords } from "@/platform/files/csv";
import { MAX_INDICATORS_BYTES, INDICATORS_LIMIT_LABEL, type UploadSpec } from "@/platform/files/limits";
import { normalizeSearch } from "@/platform/text";
import { fieldErrorsOf } from "@/platform/validation";
import type { TerritoryRef } from "@/modules/territories";
import { speakerIdsOf } from "@/modules/actors";
import { insertRecordsIn } from "./commands";
import { accompanimentPolicy } from "./policy";
import { orientationChoices } from "./queries";
import { equipmentChoices, recordSchema, themeChoices, type RecordInput } from "./validation";
import { inArray } from "drizzle-orm";
import { places } from "@/modules/places";

/** The accompaniments CSV: a small file (one line per accompaniment, a year of a place is a few thousand lines). */
export const ACCOMPANIMENTS_FILE: UploadSpec = { maxBytes: MAX_INDICATORS_BYTES, limitLabel: INDICATORS_LIMIT_LABEL, accept: ".csv,text/csv", missing: "Choisissez un fichier CSV." };

/** Lines one file may carry. */
export const MAX_IMPORT_LINES = 20_000;

/** The template's columns, in order, with what each one takes (the downloadable template and the guide say the same). */
export const importColumns = [
  { name: "date", help: "jour de l'accompagnement, AAAA-MM-JJ ou JJ/MM/AAAA, jamais dans le futur" },
  { name: "lieu", help: "nom exact du lieu (tel que dans la cartographie) ou son identifiant" },
  { name: "type", help: "individuel ou collectif" },
  { name: "personnes", help: "nombre de personnes accompagnées (1 à 3 en individuel)" },
  { name: "duree_minutes", help: "durée en minutes (5 à 600)" },
  { name: "thematiques", help: "une ou plusieurs thématiques séparées par « | » (clé ou libellé)" },
  { name: "materiel", help: "facultatif : matériel utilisé, séparé par « | »" },
  { name: "modalite", help: "lieu, domicile ou distance (vide : lieu)" },
  { name: "autonomie", help: "facultatif : entierement, partiellement ou pas_autonome" },
  { name: "orientation", help: "facultatif : lieu vers lequel la personne a été orientée (nom exact ou identifiant)" },
  { name: "titre", help: "ateliers collectifs : le sujet (jamais un nom de personne)" },
  { name: "niveau", help: "ateliers collectifs, facultatif : debutant, intermediaire ou avance" },
] as const;

/** The template to download: the header, then two example lines (to delete before importing). */
export function importTemplate(examplePlace = "Nom exact du lieu"): string {
  const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    importColumns.map((c) => c.name),
    ["2026-01-15", examplePlace, "individuel", "1", "30", "demarches_administratives|demarche_social_sante", "ordinateur", "lieu", "partiellement", "", "", ""],
    ["2026-01-16", examplePlace, "collectif", "8", "120", "outils_quotidien", "tablette|smartphone", "lieu", "", "", "Prendre en main sa tablette", "debutant"],
  ];
  return "\uFEFF" + lines.map((l) => l.map(quote).join(";")).join("\r\n") + "\r\n";
}

export type ImportLineError = { line: number; messages: string[] };
export type ImportReport = { lines: number; imported: number; errors: ImportLineError[]; fileError?: string };

const FIELD_COLUMN: Record<string, string> = {
  occurredOn: "date",
  placeId: "lieu",
  kind: "type",
  people: "personnes",
  durationMinutes: "duree_minutes",
  themes: "thematiques",
  equipment: "materiel",
  setting: "modalite",
  autonomy: "autonomie",
  orientedToPlaceId: "orientation",
  title: "titre",
  level: "niveau",
};

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // A spreadsheet saved "CSV" on Windows: its code page, rather than a refusal.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** "15/01/2026" as a spreadsheet writes it → "2026-01-15"; anything else as written. */
function isoDay(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}` : text.trim();
}

/** A list cell ("a|b"): each item by key or by label, case and accents aside; unknown items kept as written (refused by the schema). */
function keysOf(cell: string, choices: readonly { key: string; label: string }[]): string[] {
  const byText = new Map<string, string>();
  for (const c of choices) {
    byText.set(normalizeSearch(c.key), c.key);
    byText.set(normalizeSearch(c.label), c.key);
  }
  return cell
    .split(/[|,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => byText.get(normalizeSearch(s)) ?? s);
}

/**
 * Imports a CSV of accompaniments: every line is checked (values, dates, places, themes, personal data in the
 * title, the right to record for the place); one refused line and NOTHING is written, the report lists every
 * refused line with its reasons. Otherwise every line is written in one transaction, with the statistics.
 */
export async function importAccompaniments(db: Db, principal: Principal, territory: TerritoryRef, bytes: Uint8Array, options: { today?: string } = {}): Promise<ImportReport> {
  authorize(accompanimentPolicy.import(principal, territory));
  const today = options.today ?? parisToday();
  const read = readCsvRecords(decode(bytes));
  if (!read.ok) return { lines: 0, imported: 0, errors: [], fileError: read.error };
  const [header, ...body] = read.records;
  if (!header) return { lines: 0, imported: 0, errors: [], fileError: "Le fichier est vide." };
  const columns = header.cells.map((c) => normalizeSearch(c).replace(/\s+/g, "_"));
  const missing = ["date", "lieu", "type", "personnes", "duree_minutes", "thematiques"].filter((c) => !columns.includes(c));
  if (missing.length) return { lines: 0, imported: 0, errors: [], fileError: `Colonnes manquantes : ${missing.join(", ")}. Partez du modèle à télécharger.` };
  const rows = body.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rows.length === 0) return { lines: 0, imported: 0, errors: [], fileError: "Le fichier ne contient aucune ligne sous l'en-tête." };
  if (rows.length > MAX_IMPORT_LINES) return { lines: rows.length, imported: 0, errors: [], fileError: `Le fichier compte ${rows.length} lignes : importez-en au plus ${MAX_IMPORT_LINES} à la fois.` };

  // The territory's places, by id and by name (a name two places share must be given as an id).
  const choices = await orientationChoices(db, territory.id);
  const byId = new Set(choices.map((c) => c.id));
  const byName = new Map<string, string[]>();
  for (const c of choices) byName.set(normalizeSearch(c.name), [...(byName.get(normalizeSearch(c.name)) ?? []), c.id]);
  const placeOf = (cell: string): { id?: string; problem?: string } => {
    const text = cell.trim();
    if (!text) return {};
    if (byId.has(text)) return { id: text };
    const ids = byName.get(normalizeSearch(text)) ?? [];
    if (ids.length === 1) return { id: ids[0] };
    if (ids.length > 1) return { problem: `Plusieurs lieux s'appellent « ${text} » : indiquez son identifiant.` };
    return { problem: `Lieu inconnu dans ce territoire : « ${text} ».` };
  };
  // Who speaks for each place's structure, read once per structure (the right to record for it).
  const placeActors = new Map((await db.select({ id: places.id, actorId: places.actorId }).from(places).where(inArray(places.id, [...byId]))).map((p) => [p.id, p.actorId]));
  const speakers = new Map<string, string[]>();
  const speakersOf = async (placeId: string) => {
    const actorId = placeActors.get(placeId) ?? null;
    const key = actorId ?? "";
    if (!speakers.has(key)) speakers.set(key, await speakerIdsOf(db, actorId));
    return speakers.get(key) ?? [];
  };

  const schema = recordSchema(today);
  const errors: ImportLineError[] = [];
  const valid: RecordInput[] = [];
  for (const r of rows) {
    const cell = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? "" : (r.cells[i] ?? "").trim();
    };
    const messages: string[] = [];
    const place = placeOf(cell("lieu"));
    const orientation = placeOf(cell("orientation"));
    if (!cell("lieu")) messages.push("lieu : indiquez le lieu.");
    if (place.problem) messages.push(`lieu : ${place.problem}`);
    if (orientation.problem) messages.push(`orientation : ${orientation.problem}`);
    const parsed = schema.safeParse({
      occurredOn: isoDay(cell("date")),
      placeId: place.id ?? "00000000-0000-0000-0000-000000000000",
      kind: cell("type").toLowerCase() || undefined,
      people: cell("personnes"),
      durationMinutes: cell("duree_minutes"),
      themes: keysOf(cell("thematiques"), themeChoices),
      equipment: keysOf(cell("materiel"), equipmentChoices),
      setting: cell("modalite").toLowerCase() || "lieu",
      autonomy: cell("autonomie").toLowerCase() || null,
      orientedToPlaceId: orientation.id ?? null,
      title: cell("titre"),
      level: cell("niveau").toLowerCase() || null,
    });
    if (!parsed.success) {
      for (const [field, list] of Object.entries(fieldErrorsOf(parsed.error))) {
        if (field === "placeId" && place.id === undefined) continue; // already said, in the file's words
        for (const m of list) messages.push(`${FIELD_COLUMN[field] ?? field} : ${m}`);
      }
    } else if (place.id && !accompanimentPolicy.recordAt(principal, territory, { speakerIds: await speakersOf(place.id) })) {
      messages.push(`lieu : vous n'enregistrez pas d'accompagnements pour « ${cell("lieu")} » (ce n'est pas un lieu de votre structure).`);
    }
    if (messages.length) errors.push({ line: r.line, messages });
    else if (parsed.success) valid.push(parsed.data);
  }
  if (errors.length) return { lines: rows.length, imported: 0, errors };

  const recordedBy = principal.kind === "user" ? principal.userId : null;
  await db.transaction(async (tx) => {
    await insertRecordsIn(
      tx,
      valid.map((v) => ({
        ...v,
        territoryId: territory.id,
        actorId: placeActors.get(v.placeId) ?? null,
        themes: [...new Set(v.themes)],
        equipment: [...new Set(v.equipment)],
        origin: "import" as const,
        recordedBy,
      })),
    );
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "accompaniment_import", entityId: territory.id, action: "import", after: { lines: valid.length } });
  });
  return { lines: rows.length, imported: valid.length, errors: [] };
}

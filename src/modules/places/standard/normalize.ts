/**
 * Turns raw records (any version of the standard, as found in the wild) into v1.0.2 places, and
 * says precisely, in French, what was wrong. Rules:
 * - a missing or invalid required field rejects the record (error);
 * - an invalid optional value is dropped (warning); an unknown list value is dropped (warning);
 * - values rewritten into the standard form (phone, date, v0.1 vocabulary when approximate) are warnings;
 * - faithful v0.1 → v1 renames (legacy.ts) and trimming are silent.
 */
import { countOf, plural } from "@/platform/text";
import { standardRow } from "./export";
import { Context } from "./context";
import { dateOf, optional, readCode, readList, readPivot, readResume, required } from "./fields";
import { legacyDropped, legacyRenames, legacyValueFields } from "./legacy";
import { Bag, legacyPrimary, readEnumList, readLegacyList, type VersionSignals } from "./lists";
import { fieldNamesOf, fileIssue, parseFile, type ParsedFile, type RawRecord } from "./parse";
import {
  PIVOT_PLACEHOLDER,
  freeTextFields,
  isFieldName,
  isLegacyFieldName,
  legacyFields,
  placeFields,
  rowViolations,
  type EnumFieldName,
  type Issue,
  type NormalizedPlace,
} from "./schema";
import { splitList } from "./vocabulary";
import { checkCoordinate, checkEmail, checkOpeningHours, quote } from "./values";
import { communeIndex, nameKey, resolveCommune } from "../mapping/normalize/communes";
import { normalizePhone } from "../mapping/normalize/phones";
import { normalizeUrl } from "../mapping/normalize/urls";

export type PlaceVersion = "0.1" | "1.0" | "mixte";
export type RecordStatus = "accepted" | "warned" | "rejected";
export type RecordResult = {
  line: number;
  id: string;
  version: PlaceVersion;
  status: RecordStatus;
  record?: NormalizedPlace;
  issues: Issue[];
  /** The pivot was the national placeholder (reported once for the file, see FileChecker). */
  placeholderPivot?: true;
};

// Every record of a file repeats the same column names: each is worked out once (bounded).
const canonicalKeys = new Map<string, string>();

/** Column names as producers write them ("Code postal", "Nom ") → the standard's ("code_postal", "nom"). */
export function canonicalKey(key: string): string {
  let canonical = canonicalKeys.get(key);
  if (canonical === undefined) {
    canonical = key
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    if (canonicalKeys.size >= 10_000) canonicalKeys.clear();
    canonicalKeys.set(key, canonical);
  }
  return canonical;
}

const multiLine = new Set<string>(["presentation_resume", "presentation_detail"]);

/**
 * Printable ASCII with single spaces inside, nothing to trim: already clean (most values of a file:
 * codes, numbers, e-mails, URLs, list values without accents), so the general path below is skipped.
 */
const alreadyClean = /^[!-~](?:[!-~]| (?=[!-~]))*$/;

/** Trimmed NFC text (decomposed accents would not match the vocabularies), or undefined when empty. */
function clean(name: string, raw: string): string | undefined {
  if (alreadyClean.test(raw) && !(raw.charCodeAt(0) === 0x27 && isFieldName(name) && freeTextFields.includes(name))) return raw;
  // Control characters (other than line breaks and tabs) are never meant in a place's description.
  let text = raw.normalize("NFC").replace(/\p{Cc}/gu, (c) => (c === "\n" || c === "\r" || c === "\t" ? c : ""));
  text = multiLine.has(name) ? text.replace(/\r\n?/g, "\n").trim() : text.replace(/\s+/g, " ").trim();
  // Undo our own CSV export's neutralisation (export.ts), so that an export re-imports unchanged.
  if (isFieldName(name) && freeTextFields.includes(name) && /^''*[=+\-@]/.test(text)) text = text.slice(1);
  return text === "" ? undefined : text;
}

/** Record values by canonical name, as text; structured JSON values are refused here. */
function readInput(raw: RawRecord, ctx: Context, unknown: Set<string>): Map<string, string> {
  const input = new Map<string, string>();
  for (const [key, value] of raw.fields) {
    const name = canonicalKey(key);
    if (!isFieldName(name) && !isLegacyFieldName(name)) {
      if (key.trim() !== "") unknown.add(key.trim());
      continue;
    }
    if (input.has(name)) continue;
    const text = textOf(value);
    if (text === null) ctx.warn(name, `Le champ « ${name} » contient une valeur structurée (objet JSON) au lieu d'un texte : elle est ignorée.`);
    else {
      const cleaned = clean(name, text);
      if (cleaned !== undefined) input.set(name, cleaned);
    }
  }
  return input;
}

/** JSON scalars as text; arrays as a "|" list; objects are not values of the standard (null). */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.map(textOf);
    return items.some((i) => i === null) ? null : items.join("|");
  }
  return null;
}

/** Names that exist in only one version tell which version a producer followed. */
const legacyOnly = legacyFields.map((f) => f.name).filter((n) => !isFieldName(n));
const currentOnly = placeFields.map((f) => f.name).filter((n) => !isLegacyFieldName(n));

/** v0.1 field names that kept their meaning; the v1 field wins when both are filled. */
function applyRenames(ctx: Context, input: Map<string, string>): void {
  for (const [old, current] of Object.entries(legacyRenames)) {
    const written = input.get(old);
    if (written === undefined) continue;
    // labels_autres was a ";" list in v0.1 ("SudLabs;Nièvre médiation numérique"); v1 separates with "|".
    const value = old === "labels_autres" ? splitList(written).join("|") : written;
    const existing = input.get(current);
    if (existing === undefined) input.set(current, value);
    else if (existing !== value) {
      ctx.warn(old, `Les champs « ${old} » (version 0.1) et « ${current} » sont tous deux remplis : seule la valeur de « ${current} » est gardée.`);
    }
  }
  for (const old of legacyDropped) {
    const value = input.get(old);
    if (value !== undefined) ctx.warn(old, `Le champ « ${old} » (version 0.1) n'existe plus en version 1.0.2 : sa valeur ${quote(value)} est ignorée.`);
  }
}

const rank = new Map<string, number>(placeFields.map((f, i) => [f.name, i]));
/** Issues are listed in the schema's field order (v0.1 fields at the place of their v1 successor). */
function fieldRank(field: string): number {
  if (field === "") return -1;
  const successor = field in legacyRenames ? legacyRenames[field as keyof typeof legacyRenames] : field in legacyPrimary ? legacyPrimary[field as keyof typeof legacyPrimary][0] : field;
  return rank.get(successor) ?? placeFields.length;
}

/** Drops undefined properties so that records compare and serialise cleanly. */
function compact(place: Record<string, unknown>): NormalizedPlace {
  const out: Record<string, unknown> = {};
  for (const key in place) if (place[key] !== undefined) out[key] = place[key];
  return out as NormalizedPlace;
}

/** From field names, and from the vocabulary of the fields that kept their name (services…). */
function detectVersion(keys: Iterable<string>, signals: VersionSignals): PlaceVersion {
  const names = new Set(Array.from(keys, canonicalKey));
  const legacy = signals.legacy || legacyOnly.some((n) => names.has(n));
  const current = signals.current || currentOnly.some((n) => names.has(n));
  return legacy && current ? "mixte" : legacy ? "0.1" : "1.0";
}

/**
 * The place's commune found from its postcode, commune and INSEE code (../mapping/normalize/communes):
 * a polluted or CEDEX cell, a former commune's name, a missing postcode or a geocoder's wrong INSEE
 * code are repaired here, with a warning naming both values. The INSEE code is written only when the
 * input had one or the commune could not be found by the import's postcode-and-name rule otherwise.
 */
function placeCommune(ctx: Context, input: Map<string, string>): void {
  const postcode = input.get("code_postal");
  const commune = input.get("commune");
  const insee = input.get("code_insee");
  if (postcode !== undefined && /^\d{5}$/.test(postcode) && insee === undefined && commune !== undefined && !/[,;(]|\d|cedex/i.test(commune)) {
    // The usual clean case: the import finds it by postcode and name; no look-up needed here.
    const known = communeIndex().byPostcode.get(postcode);
    if (known?.length === 1 && known[0] && nameKey(known[0].name) === nameKey(commune)) {
      input.set("commune", known[0].name); // the official spelling (« Dun le Palestel » → Dun-le-Palestel)
      return;
    }
  }
  const found = resolveCommune(communeIndex(), { postcode, commune, insee });
  for (const note of found.notes) ctx.warn(note.field, note.message);
  if (!found.commune) return;
  if (found.name !== undefined) {
    if (commune === undefined) ctx.warn("commune", `La commune manquante a été déduite ${postcode === undefined ? "du code INSEE" : "du code postal"} : ${quote(found.name)}.`);
    input.set("commune", found.name);
  }
  if (found.postcode !== undefined) input.set("code_postal", found.postcode);
  if (found.insee !== undefined && (insee !== undefined || found.notes.length > 0 || commune !== found.name)) input.set("code_insee", found.insee);
}

/** `seenIds`: ids already accepted in the same file (id → line), for the schema's uniqueness rule. */
export function normalizeRecord(raw: RawRecord, seenIds: Map<string, number> = new Map(), unknown: Set<string> = new Set()): RecordResult {
  const ctx = new Context(raw.line, "");
  if (raw.notAnObject) {
    ctx.fail("", `L'élément n°${raw.line} de la liste n'est pas un objet décrivant un lieu.`);
    return { line: raw.line, id: "", version: "1.0", status: "rejected", issues: ctx.issues };
  }
  const input = readInput(raw, ctx, unknown);
  ctx.id = input.get("id") ?? "";
  for (const issue of ctx.issues) issue.id = ctx.id;
  if (raw.extraCells > 0) ctx.warn("", `La ligne contient ${countOf(raw.extraCells, "cellule", "cellules")} de plus que l'en-tête : ${plural(raw.extraCells, "elle est ignorée", "elles sont ignorées")}.`);
  applyRenames(ctx, input);

  const id = required(ctx, input, "id");
  const firstLine = id === undefined ? undefined : seenIds.get(id);
  if (firstLine !== undefined) ctx.fail("id", `L'identifiant ${quote(ctx.id)} est déjà utilisé par le lieu de la ligne ${firstLine} : il doit être unique.`);

  const signals: VersionSignals = { legacy: false, current: false };
  const bag = new Bag();
  for (const f of placeFields) {
    const text = input.get(f.name);
    if (f.values !== null && text !== undefined) readEnumList(ctx, f.name as EnumFieldName, text, bag, signals);
  }
  for (const f of legacyValueFields) {
    const text = input.get(f);
    if (text !== undefined) readLegacyList(ctx, f, text, bag);
  }
  const enumList = <F extends EnumFieldName>(f: F) => bag.get(f) as NormalizedPlace[F] | undefined;
  const others = [input.get("autres_formations_labels"), ...(bag.get("autres_formations_labels") ?? [])].filter((v) => v !== undefined);

  placeCommune(ctx, input);
  const codePostal = readCode(ctx, input, "code_postal");
  const hours = input.has("horaires") ? checkOpeningHours(input.get("horaires") ?? "") : undefined;
  if (hours?.note) ctx.warn("horaires", hours.note);
  const { resume, detail } = readResume(ctx, input);
  const latitude = input.get("latitude");
  const longitude = input.get("longitude");
  const telephone = input.get("telephone");
  const url = (field: "fiche_acces_libre" | "prise_rdv") => {
    const text = input.get(field);
    return text === undefined ? undefined : optional(ctx, field, normalizeUrl(text));
  };
  const dateText = required(ctx, input, "date_maj");

  const place = compact({
    id,
    pivot: readPivot(ctx, input),
    nom: required(ctx, input, "nom"),
    commune: required(ctx, input, "commune"),
    code_postal: codePostal,
    code_insee: readCode(ctx, input, "code_insee"),
    adresse: required(ctx, input, "adresse"),
    complement_adresse: input.get("complement_adresse"),
    latitude: latitude === undefined ? undefined : optional(ctx, "latitude", checkCoordinate(latitude, "latitude")),
    longitude: longitude === undefined ? undefined : optional(ctx, "longitude", checkCoordinate(longitude, "longitude")),
    typologie: readList(ctx, "typologie", input.get("typologie"), /[|;,]/, (v) => ({ ok: true, value: v })),
    telephone: telephone === undefined ? undefined : optional(ctx, "telephone", normalizePhone(telephone, codePostal)),
    courriels: readList(ctx, "courriels", input.get("courriels"), /[|;,\s]+/, checkEmail),
    // v0.1.0's own example separated URLs with ","; a comma inside a URL is left alone.
    site_web: readList(ctx, "site_web", input.get("site_web"), /[|;\s]+|,(?=\s*(?:https?:\/\/|www\.))/i, normalizeUrl),
    horaires: hours?.value,
    presentation_resume: resume,
    presentation_detail: detail,
    source: input.get("source"),
    itinerance: enumList("itinerance"),
    structure_parente: input.get("structure_parente"),
    date_maj: dateText === undefined ? undefined : dateOf(ctx, dateText),
    services: enumList("services"),
    publics_specifiquement_adresses: enumList("publics_specifiquement_adresses"),
    prise_en_charge_specifique: enumList("prise_en_charge_specifique"),
    frais_a_charge: enumList("frais_a_charge"),
    dispositif_programmes_nationaux: enumList("dispositif_programmes_nationaux"),
    formations_labels: enumList("formations_labels"),
    autres_formations_labels: others.length > 0 ? [...new Set(others)].join("|") : undefined,
    modalites_acces: enumList("modalites_acces"),
    modalites_accompagnement: enumList("modalites_accompagnement"),
    fiche_acces_libre: url("fiche_acces_libre"),
    prise_rdv: url("prise_rdv"),
  });
  const version = detectVersion(raw.fields.keys(), signals);

  if (!ctx.issues.some((i) => i.level === "error")) {
    // Belt and braces: whatever we accept must pass the schema's own rules once written out.
    for (const field of rowViolations(standardRow(place))) {
      ctx.fail(field, `Erreur interne : la valeur normalisée du champ « ${field} » ne respecte pas le schéma ; le lieu est refusé.`);
    }
  }
  ctx.issues.sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
  const rejected = ctx.issues.some((i) => i.level === "error");
  if (!rejected && id !== undefined) seenIds.set(id, raw.line);
  const status: RecordStatus = rejected ? "rejected" : ctx.issues.length > 0 ? "warned" : "accepted";
  const placeholderPivot = input.get("pivot")?.replace(/[\s.]/g, "") === PIVOT_PLACEHOLDER;
  return { line: raw.line, id: ctx.id, version, status, ...(rejected ? {} : { record: place }), issues: ctx.issues, ...(placeholderPivot ? { placeholderPivot: true as const } : {}) };
}

export type ValidationReport = {
  format: ParsedFile["format"];
  encoding: ParsedFile["encoding"];
  delimiter: ParsedFile["delimiter"];
  /** "mixte" when records of both versions, or records mixing both, were found. */
  version: PlaceVersion | null;
  records: number;
  accepted: number;
  warned: number;
  rejected: number;
  /** File-level issues (line 0) first, then each record's, in file order. */
  issues: Issue[];
  results: RecordResult[];
};

/** The file-level fields of a report, and its counts, from the records' results. */
export function reportOf(parsed: Pick<ParsedFile, "format" | "encoding" | "delimiter">, fileIssues: Issue[], results: RecordResult[]): ValidationReport {
  let accepted = 0;
  let warned = 0;
  let rejected = 0;
  const versions = new Set<PlaceVersion>();
  for (const r of results) {
    versions.add(r.version);
    if (r.status === "accepted") accepted++;
    else if (r.status === "warned") warned++;
    else rejected++;
  }
  return {
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    version: versions.size === 0 ? null : versions.size === 1 ? [...versions][0] ?? null : "mixte",
    records: results.length,
    accepted,
    warned,
    rejected,
    issues: [...fileIssues, ...results.flatMap((r) => r.issues)],
    results,
  };
}

/** The report of a file whose validation failed unexpectedly (a bug): nothing from it is kept. */
export function internalErrorReport(parsed: Pick<ParsedFile, "format" | "encoding" | "delimiter">, e: unknown): ValidationReport {
  return reportOf(parsed, [fileIssue(`Erreur interne pendant la validation : ${e instanceof Error ? e.message : String(e)}.`)], []);
}

/**
 * Validation of a parsed file one slice of records at a time, so that a caller can report progress,
 * let other work run in between, and write what is checked while checking the rest. Each raw record
 * is dropped once normalized (a 20,000-place file is not held twice). The results, joined in order,
 * are exactly those of `validateFile`; `fileIssues()` is complete once every slice is taken.
 * The checker takes the parsed records over: `parsed.records` empties as they are checked.
 */
/**
 * A check of an accepted record run after normalizeRecord, by the server only (the coordinates against
 * the commune's contour, see contour-check.ts): normalizeRecord also runs in the browser (edit form),
 * where no contour can be read. Returns warnings for the record's line.
 */
export type RecordCheck = (record: NormalizedPlace, line: number, id: string) => Issue[];

export class FileChecker {
  readonly total: number;
  private readonly pending: RawRecord[];
  private readonly seenIds = new Map<string, number>();
  private readonly unknown = new Set<string>();
  private readonly refusal: Issue | undefined;
  private readonly readerIssues: Issue[];
  private count = 0;
  private readonly placeholderLines: number[] = [];

  constructor(
    parsed: ParsedFile,
    private readonly check?: RecordCheck,
  ) {
    this.readerIssues = parsed.issues;
    const keys = new Set<string>();
    for (const r of parsed.records) for (const k of fieldNamesOf(r)) keys.add(k);
    const known = [...keys].some((k) => isFieldName(canonicalKey(k)) || isLegacyFieldName(canonicalKey(k)));
    if (parsed.records.length > 0 && !known) {
      const found = [...keys].slice(0, 10).map(quote).join(", ");
      this.refusal = fileIssue(`Aucun champ du standard des lieux de médiation numérique n'a été reconnu${found ? ` (champs trouvés : ${found})` : ""} : ce fichier n'est pas un fichier de lieux.`);
      this.pending = [];
    } else this.pending = parsed.records;
    this.total = this.pending.length;
  }

  /** Records normalized so far. */
  get done(): number {
    return this.count;
  }

  /** The next (at most) `size` results, in file order; empty once every record is done. */
  next(size: number): RecordResult[] {
    const slice = this.pending.splice(0, size);
    this.count += slice.length;
    const results = slice.map((r) => normalizeRecord(r, this.seenIds, this.unknown));
    for (const r of results) {
      if (r.placeholderPivot) this.placeholderLines.push(r.line);
      const extra = r.record && this.check ? this.check(r.record, r.line, r.id) : [];
      if (extra.length === 0) continue;
      r.issues.push(...extra);
      r.issues.sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
      if (r.status === "accepted") r.status = "warned";
    }
    return results;
  }

  /** File-level issues (line 0): the reader's, unknown columns, an empty file. */
  fileIssues(): Issue[] {
    if (this.refusal) return [this.refusal];
    const issues = [...this.readerIssues];
    for (const column of this.unknown) {
      issues.push(fileIssue(`Le champ ${quote(column)} ne fait pas partie du standard (ni v1.0.2, ni v0.1) : il est ignoré.`, "warning"));
    }
    if (this.readerIssues.length === 0 && this.total === 0) issues.push(fileIssue("Le fichier ne contient aucun lieu.", "warning"));
    const placeholder = placeholderPivotIssue(this.placeholderLines, this.total);
    if (placeholder) issues.push(placeholder);
    return issues;
  }
}

/**
 * One line for the whole file: the placeholder pivot 00000000000000 on some or every place (it is
 * dropped from each place, which stays valid). One warning per row buried the real ones.
 */
export function placeholderPivotIssue(lines: readonly number[], total: number): Issue | undefined {
  if (lines.length === 0) return undefined;
  const advice = "Renseignez le SIRET (14 chiffres) ou le numéro RNA, dans le fichier ou comme valeur fixe de la correspondance.";
  if (lines.length === total && total > 1) {
    return fileIssue(`Aucun des ${countOf(total, "lieu", "lieux")} n'a de SIRET ni de numéro RNA : le pivot ${quote(PIVOT_PLACEHOLDER)} est une valeur de remplacement, il est laissé vide. ${advice}`, "warning", "pivot");
  }
  const shown = lines.slice(0, 10).join(", ");
  const more = lines.length > 10 ? ` et ${lines.length - 10} autres` : "";
  return fileIssue(
    `${plural(lines.length, "Un lieu", `${lines.length} lieux`)} sur ${total} ${plural(lines.length, "a", "ont")} le pivot de remplacement ${quote(PIVOT_PLACEHOLDER)} au lieu d'un SIRET ou d'un numéro RNA (${plural(lines.length, "ligne", "lignes")} ${shown}${more}) : il est laissé vide. ${advice}`,
    "warning",
    "pivot",
  );
}

/** Records checked between two progress reports. */
export const VALIDATION_SLICE = 500;

/**
 * Reads, migrates and validates a whole file. Never throws: see parse.ts for unreadable input.
 * `onProgress` is told how many records are checked, every few hundred; `check`, the server's extra
 * check of each accepted record (contourCheck).
 */
export function validateFile(bytes: Uint8Array, filename = "", options: { onProgress?: (done: number, total: number) => void; check?: RecordCheck } = {}): ValidationReport {
  const parsed = parseFile(bytes, filename);
  try {
    const checker = new FileChecker(parsed, options.check);
    const results: RecordResult[] = [];
    for (let slice = checker.next(VALIDATION_SLICE); slice.length > 0; slice = checker.next(VALIDATION_SLICE)) {
      for (const r of slice) results.push(r);
      options.onProgress?.(checker.done, checker.total);
    }
    return reportOf(parsed, checker.fileIssues(), results);
  } catch (e) {
    // Should not happen; a report is still better than a crash for the person importing a file.
    return internalErrorReport(parsed, e);
  }
}

import { and, count, eq, inArray, like, sql } from "drizzle-orm";
import { principalLabel, type Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { normalizeSearch } from "@/platform/text";
import { communes, referenceMeta } from "@/modules/geo";
import { type Territory, territoryCommuneCodes, perimeterCodes } from "@/modules/territories";
import type { NormalizedPlace } from "./standard/schema";
import { contourCheck } from "./standard/contour-check";
import { FileChecker, internalErrorReport, VALIDATION_SLICE, type RecordResult } from "./standard/normalize";
import { parseFile } from "./standard/parse";
import { importActors, type ActorOutcome } from "@/modules/actors";
import { dataInclusionOf, type Converted } from "./data-inclusion/import";
import { placeRegistryPolicy } from "./policy";
import { places } from "./schema";

/**
 * One line's outcome. "conflict": the line's (source, id) names a place the importer may not change
 * (it lies outside the territory): nothing was written for it.
 */
export type ImportLine = {
  line: number;
  id: string;
  status: "created" | "updated" | "unchanged" | "skipped" | "rejected" | "conflict";
  reason?: string;
  /** A line written (or to write): the place's source, so that the report can link to the places imported. */
  source?: string;
  /** A data·inclusion structure is also an actor of the registry: what happened (or would happen) to it. */
  actor?: Omit<ActorOutcome, "actorId">;
};

/** What a data·inclusion file did to the registry of actors (counts of the lines' `actor`). */
export type ActorCounts = { created: number; updated: number; unchanged: number; conflicts: number; skipped: number };

export type ImportReport = {
  records: number;
  accepted: number;
  warned: number;
  rejected: number;
  issues: { line: number; id: string; field: string; level: "warning" | "error"; message: string }[];
  /** Only after a commit (a dry run writes nothing). */
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** Lines whose (source, id) matches a place the importer may not change: left untouched. */
  conflicts: number;
  lines: ImportLine[];
  dryRun: boolean;
  /** Only for a data·inclusion file (its structures are actors too). */
  actors?: ActorCounts;
};

export type CommuneIndex = { byCode: Map<string, string>; byPostcode: Map<string, { code: string; name: string }[]> };

/** The communes in memory once per import: 20,000 places must not mean 20,000 look-ups. */
export async function communeIndex(db: Executor): Promise<CommuneIndex> {
  const rows = await db.select({ code: communes.code, name: communes.name, postcodes: communes.postcodes }).from(communes);
  const byCode = new Map<string, string>();
  const byPostcode = new Map<string, { code: string; name: string }[]>();
  for (const r of rows) {
    byCode.set(r.code, r.code);
    for (const p of r.postcodes.split(" ").filter(Boolean)) {
      const list = byPostcode.get(p) ?? [];
      list.push({ code: r.code, name: normalizeSearch(r.name) });
      byPostcode.set(p, list);
    }
  }
  return { byCode, byPostcode };
}

// Reference data changes only when the data files are reloaded: the index is kept per database and
// per reference version (one small query per import instead of reading the 35,000 communes again).
const communeIndexes = new WeakMap<Executor, { version: string; index: Promise<CommuneIndex> }>();

async function referenceVersion(db: Executor): Promise<string> {
  const [row] = await db.select({ value: referenceMeta.value }).from(referenceMeta).where(eq(referenceMeta.key, "reference_version"));
  const [n] = await db.select({ n: count() }).from(communes);
  return `${row?.value ?? ""}:${n?.n ?? 0}`;
}

/** `communeIndex`, built once per reference version. */
export async function cachedCommuneIndex(db: Executor): Promise<CommuneIndex> {
  const version = await referenceVersion(db);
  const known = communeIndexes.get(db);
  if (known?.version === version) return known.index;
  const index = communeIndex(db);
  communeIndexes.set(db, { version, index });
  index.catch(() => {
    if (communeIndexes.get(db)?.index === index) communeIndexes.delete(db);
  });
  return index;
}

/** INSEE code of a place: its own code_insee if real, else its postcode and commune name. */
export function resolveCommune(index: CommuneIndex, place: NormalizedPlace): string | undefined {
  if (place.code_insee && index.byCode.has(place.code_insee)) return place.code_insee;
  const candidates = index.byPostcode.get(place.code_postal) ?? [];
  if (candidates.length === 1) return candidates[0]?.code;
  const name = normalizeSearch(place.commune);
  return candidates.find((c) => c.name === name)?.code ?? candidates.find((c) => name.startsWith(c.name) || c.name.startsWith(name))?.code;
}

/** INSEE code of one record's commune, by the import's rules (postcode, then commune name): for a moderated or edited place. */
export async function communeOf(db: Executor, place: NormalizedPlace): Promise<string | undefined> {
  const rows = await db.select({ code: communes.code, name: communes.name, postcodes: communes.postcodes }).from(communes).where(like(communes.postcodes, `%${place.code_postal}%`));
  const candidates = rows.filter((r) => r.postcodes.split(" ").includes(place.code_postal)).map((r) => ({ code: r.code, name: normalizeSearch(r.name) }));
  return resolveCommune({ byCode: new Map(), byPostcode: new Map([[place.code_postal, candidates]]) }, { ...place, code_insee: undefined });
}

export function row(place: NormalizedPlace, source: string, communeCode: string | undefined, by: string) {
  return {
    source,
    sourceId: place.id,
    communeCode: communeCode ?? null,
    name: place.nom,
    lat: place.latitude ?? null,
    lon: place.longitude ?? null,
    services: place.services ?? [],
    publics: place.publics_specifiquement_adresses ?? [],
    support: place.prise_en_charge_specifique ?? [],
    fees: place.frais_a_charge ?? [],
    access: place.modalites_acces ?? [],
    hours: place.horaires ?? null,
    data: place,
    updatedOn: place.date_maj,
    search: normalizeSearch(`${place.nom} ${place.commune} ${place.code_postal} ${place.adresse}`),
    modifiedAt: new Date(),
    modifiedBy: by,
  };
}

const BATCH = 1000;
/**
 * PGlite: smaller statements. Its memory (the WebAssembly heap) never shrinks, and each statement's
 * JSON, copied into it, is garbage the JavaScript heap collects late: with 1,000 rows a statement, an
 * import of 20,000 places peaked ~15–30 MB higher.
 */
const EMBEDDED_BATCH = 250;
const COLUMNS = "source, source_id, commune_code, name, lat, lon, services, publics, support, fees, access, hours, data, updated_on, search, modified_at, modified_by";
const UPDATED = COLUMNS.split(", ").filter((c) => c !== "source" && c !== "source_id");

/**
 * What travels for each row: the record and what only we compute. The columns copied from the record
 * (name, position, lists, hours, date: see `row`) are read out of it by PostgreSQL, so that the JSON
 * sent is about half as big (less to build here, and less garbage on PGlite).
 */
function asColumns(r: ReturnType<typeof row>) {
  return { source: r.source, source_id: r.sourceId, commune_code: r.communeCode, data: r.data, search: r.search, modified_at: r.modifiedAt, modified_by: r.modifiedBy };
}

/** The same values as `row`, from the record in SQL. */
const list = (field: string) => `array(select jsonb_array_elements_text(coalesce(r.data->'${field}', '[]'::jsonb)))`;
const FROM_RECORD = [
  "r.source",
  "r.source_id",
  "r.commune_code",
  "r.data->>'nom'",
  "(r.data->>'latitude')::double precision",
  "(r.data->>'longitude')::double precision",
  list("services"),
  list("publics_specifiquement_adresses"),
  list("prise_en_charge_specifique"),
  list("frais_a_charge"),
  list("modalites_acces"),
  "r.data->>'horaires'",
  "r.data",
  "(r.data->>'date_maj')::date",
  "r.search",
  "r.modified_at",
  "r.modified_by",
].join(", ");

/**
 * One statement per batch, the rows sent as a single JSON document: PostgreSQL parses it much faster
 * than thousands of bound parameters (2.5× on 20,000 places, see bench/RESULTS.md). Only rows that
 * differ are updated; `xmax = 0` tells a fresh insert from an update.
 */
async function upsertBatch(tx: Executor, batch: ReturnType<typeof asColumns>[], territoryId?: string): Promise<{ source_id: string; created: boolean }[]> {
  if (batch.length === 0) return [];
  // Into a territory: an existing place outside it is never changed (checked before; this is the last guard).
  const inside = territoryId ? sql` and places.commune_code in (${perimeterCodes(tx, territoryId)})` : sql``;
  const result = await tx.execute(sql`
    insert into places (${sql.raw(COLUMNS)})
    select ${sql.raw(FROM_RECORD)}
    from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(source text, source_id text, commune_code text, data jsonb, search text, modified_at timestamptz, modified_by text)
    on conflict (source, source_id) do update set ${sql.raw(UPDATED.map((c) => `${c} = excluded.${c}`).join(", "))}
    where (places.data is distinct from excluded.data or places.commune_code is distinct from excluded.commune_code)${inside}
    returning source_id, (xmax = 0) as created`);
  return (result as unknown as { rows: { source_id: string; created: boolean }[] }).rows;
}

export type ImportPhase = "reading" | "checking" | "saving";
/**
 * Told how far an import is: `done` of `total` records. "reading": the file is being read (total 0);
 * "checking": records checked, nothing written (a dry run, or before the writes on PGlite); "saving":
 * records written (on PostgreSQL, checked and written together).
 */
export type ImportProgress = (done: number, total: number, phase: ImportPhase) => void;

/** Lets other requests (a progress poll, a page) run between two slices of a long import. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs in this process's thread: nothing can overlap with it, and while a transaction is open
 * every other query waits. Checked before the transaction, the file's check leaves the database free
 * (and progress readable); on PostgreSQL the check and the writes overlap (see `importPlaces`).
 */
function isEmbedded(db: Db): boolean {
  const client = (db as unknown as { $client?: object }).$client;
  return client !== undefined && "dumpDataDir" in client;
}

type Pending = { line: number; id: string; place: NormalizedPlace; commune: string | undefined };

/**
 * Imports a file of places in the national standard (any version): a dry run reports line by line
 * and writes nothing; a commit writes everything in one transaction or nothing. Re-importing the same
 * file changes nothing (upsert on source + id, only when the record differs).
 *
 * The file is checked a slice at a time (`FileChecker`), and the import yields between slices, so
 * that a long file does not stall the server and `onProgress` can tell how far it is. On PostgreSQL a
 * commit writes each batch while checking the next one (the database works on its own cores
 * meanwhile); on PGlite the whole file is checked first, then written.
 */
export async function importPlaces(
  db: Db,
  principal: Principal,
  input: { bytes: Uint8Array; filename: string; territory?: Territory; source?: string; dryRun: boolean; onProgress?: ImportProgress },
): Promise<ImportReport> {
  // The system (CLI, seed) may import anywhere; people need a verified territory's (or the platform's) rights.
  if (!placeRegistryPolicy.import(principal, input.territory)) throw new AppError("forbidden");
  const progress: ImportProgress = input.onProgress ?? (() => {});
  // The communes and the perimeter are read while the file is parsed (PostgreSQL answers meanwhile).
  const lookups = Promise.all([cachedCommuneIndex(db), input.territory ? territoryCommuneCodes(db, input.territory.id).then((codes) => new Set(codes)) : undefined]);
  lookups.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  progress(0, 0, "reading");
  // A data·inclusion file (structures and their services) is read as the standard's records, with its
  // notes and its structures as actors; the document is parsed once, by parseFile.
  const di: { converted?: Converted } = {};
  const parsed = parseFile(input.bytes, input.filename, (data) => (di.converted = dataInclusionOf(data))?.records);
  const dataInclusion = di.converted;
  const [index, perimeter] = await lookups;

  const lines: ImportLine[] = [];
  const recordIssues: ImportReport["issues"] = [];
  const placeIssues: ImportReport["issues"] = [];
  const counts = { records: 0, accepted: 0, warned: 0, rejected: 0 };
  let skipped = 0;
  let checker: FileChecker | undefined;
  let failure: unknown;
  try {
    checker = new FileChecker(parsed, contourCheck);
  } catch (e) {
    failure = e;
  }
  const total = checker?.total ?? 0;

  /** The next slice's results sorted out: rejected, skipped (outside the perimeter), or to write. */
  const nextSlice = (size: number): Pending[] | undefined => {
    if (!checker || failure !== undefined) return undefined;
    let results: RecordResult[];
    try {
      results = checker.next(size);
    } catch (e) {
      failure = e;
      return undefined;
    }
    if (results.length === 0) return undefined;
    const toWrite: Pending[] = [];
    for (const result of results) {
      counts.records++;
      counts[result.status]++;
      for (const i of result.issues) recordIssues.push({ line: i.line, id: i.id, field: i.field, level: i.level, message: i.message });
      if (!result.record) {
        lines.push({ line: result.line, id: result.id, status: "rejected" });
        continue;
      }
      const commune = resolveCommune(index, result.record);
      if (!commune) {
        placeIssues.push({ line: result.line, id: result.id, field: "code_insee", level: "warning", message: `Commune introuvable (« ${result.record.commune} », ${result.record.code_postal}) : le lieu n'apparaîtra dans aucun territoire.` });
      }
      if (perimeter && (!commune || !perimeter.has(commune))) {
        const reason = `Hors du périmètre du territoire (${result.record.commune}) : lieu ignoré.`;
        placeIssues.push({ line: result.line, id: result.id, field: "code_insee", level: "warning", message: reason });
        lines.push({ line: result.line, id: result.id, status: "skipped", reason });
        skipped++;
        continue;
      }
      toWrite.push({ line: result.line, id: result.id, place: result.record, commune });
    }
    return toWrite;
  };

  /**
   * A line whose (source, id) already names a place outside the territory would change (or move) a
   * place the importer may not edit: a conflict, written nowhere. Asked per slice, in the transaction
   * that writes it (the upsert also refuses such a row, should one appear meanwhile).
   */
  let conflicts = 0;
  const sourceOf = (w: Pending) => input.source ?? w.place.source ?? input.filename;
  const withoutConflicts = async (exec: Executor, batch: Pending[]): Promise<Pending[]> => {
    if (!perimeter || batch.length === 0) return batch;
    const bySource = new Map<string, string[]>();
    for (const w of batch) bySource.set(sourceOf(w), [...(bySource.get(sourceOf(w)) ?? []), w.place.id]);
    const outside = new Map<string, { name: string }>();
    for (const [source, ids] of bySource) {
      const found = await exec
        .select({ sourceId: places.sourceId, name: places.name, communeCode: places.communeCode })
        .from(places)
        .where(and(eq(places.source, source), inArray(places.sourceId, ids)));
      for (const f of found) if (!f.communeCode || !perimeter.has(f.communeCode)) outside.set(`${source}\u0000${f.sourceId}`, { name: f.name });
    }
    if (outside.size === 0) return batch;
    return batch.filter((w) => {
      const hit = outside.get(`${sourceOf(w)}\u0000${w.place.id}`);
      if (!hit) return true;
      const reason = `Conflit : la source « ${sourceOf(w)} » et l'identifiant « ${w.place.id} » désignent déjà le lieu « ${hit.name} », situé hors du territoire, que vous ne pouvez pas modifier. Rien n'a été changé pour cette ligne.`;
      placeIssues.push({ line: w.line, id: w.id, field: "id", level: "error", message: reason });
      lines.push({ line: w.line, id: w.id, status: "conflict", reason });
      conflicts++;
      return false;
    });
  };

  /**
   * The structures of a data·inclusion file, as actors of the registry, in the transaction of the places:
   * one per line whose place is written (or would be, in a dry run), located in that place's commune.
   * A line whose place is not imported leaves its structure aside too (its commune is not known, or
   * not the territory's). The places written are linked to their actor when they have none yet.
   */
  const actorOutcomes = new Map<number, ActorOutcome>();
  const withActors = async (exec: Executor, placed: Pending[], dryRun: boolean) => {
    if (!dataInclusion) return;
    const items = placed.flatMap((w) => {
      const actor = dataInclusion.actors[w.line - 1];
      return actor ? [{ line: w.line, actor, communeCode: w.commune }] : [];
    });
    const outcomes = await importActors(exec, { principal, ...(input.territory ? { territory: input.territory } : {}), dryRun }, items);
    for (const [line, o] of outcomes) actorOutcomes.set(line, o);
    if (dryRun) return;
    const links = placed.flatMap((w) => {
      const o = outcomes.get(w.line);
      return o?.actorId && o.status !== "conflict" ? [{ source: sourceOf(w), source_id: w.place.id, actor_id: o.actorId }] : [];
    });
    for (let i = 0; i < links.length; i += BATCH) {
      await exec.execute(sql`
        update places set actor_id = r.actor_id::uuid
        from jsonb_to_recordset(${JSON.stringify(links.slice(i, i + BATCH))}::jsonb) as r(source text, source_id text, actor_id text)
        where places.source = r.source and places.source_id = r.source_id and places.actor_id is null`);
    }
  };
  /** Each line of a data·inclusion file says what happened to its structure; the counts sum them up. */
  const withActorLines = (report: ImportReport): ImportReport => {
    if (!dataInclusion) return report;
    const counts: ActorCounts = { created: 0, updated: 0, unchanged: 0, conflicts: 0, skipped: 0 };
    const aside = "Structure non reprise dans les acteurs : le lieu de cette ligne n'est pas importé.";
    const lines = report.lines.map((l): ImportLine => {
      const found = actorOutcomes.get(l.line);
      const outcome = found ? { status: found.status, name: found.name, notes: found.notes, ...(found.reason ? { reason: found.reason } : {}) } : dataInclusion.actors[l.line - 1] ? { status: "skipped" as const, name: dataInclusion.actors[l.line - 1]?.name ?? "", notes: [], reason: aside } : undefined;
      if (!outcome) return l;
      counts[outcome.status === "conflict" ? "conflicts" : outcome.status]++;
      return { ...l, actor: outcome };
    });
    return { ...report, lines, actors: counts };
  };

  const fileIssues = (): ImportReport["issues"] =>
    failure !== undefined || !checker
      ? internalErrorReport(parsed, failure).issues
      : [...(dataInclusion?.issues ?? []), ...checker.fileIssues().map((i) => ({ line: i.line, id: i.id, field: i.field, level: i.level, message: i.message }))];
  const base = () =>
    failure !== undefined
      ? { records: 0, accepted: 0, warned: 0, rejected: 0, issues: fileIssues(), dryRun: input.dryRun }
      : { ...counts, issues: [...fileIssues(), ...recordIssues, ...placeIssues], dryRun: input.dryRun };

  if (input.dryRun) {
    const accepted: Pending[] = [];
    for (let slice = nextSlice(VALIDATION_SLICE); slice; slice = nextSlice(VALIDATION_SLICE)) {
      accepted.push(...(await withoutConflicts(db, slice)));
      progress(counts.records, total, "checking");
      await breathe();
    }
    if (failure !== undefined) return { ...base(), created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, lines: [] };
    await withActors(db, accepted, true);
    for (const w of accepted) lines.push({ line: w.line, id: w.id, status: "created", source: sourceOf(w) });
    return withActorLines({ ...base(), created: 0, updated: 0, unchanged: 0, skipped, conflicts, lines: lines.sort((a, b) => a.line - b.line) });
  }

  const by = principalLabel(principal, { show: "email" });
  const outcome = new Map<string, "created" | "updated">();
  const written: Pending[] = [];
  const write = async (tx: Executor, batch: Pending[]) => {
    const allowed = await withoutConflicts(tx, batch);
    written.push(...allowed);
    // The same id twice in one file: the last line wins (the validator already warned).
    const unique = new Map(allowed.map((w) => [w.place.id, w]));
    const rows = [...unique.values()].map((w) => asColumns(row(w.place, sourceOf(w), w.commune, by)));
    for (const w of await upsertBatch(tx, rows, input.territory?.id)) outcome.set(w.source_id, w.created ? "created" : "updated");
  };
  const audit = (tx: Executor) =>
    recordAudit(tx, principal, {
      territoryId: input.territory?.id ?? null,
      entityType: "place_import",
      entityId: input.filename.slice(0, 200),
      action: "import",
      after: {
        file: input.filename,
        records: failure !== undefined ? 0 : counts.records,
        created: [...outcome.values()].filter((s) => s === "created").length,
        updated: [...outcome.values()].filter((s) => s === "updated").length,
        skipped: failure !== undefined ? 0 : skipped,
        conflicts: failure !== undefined ? 0 : conflicts,
        rejected: failure !== undefined ? 0 : counts.rejected,
        ...(dataInclusion ? { actors: { created: [...actorOutcomes.values()].filter((o) => o.status === "created").length, updated: [...actorOutcomes.values()].filter((o) => o.status === "updated").length } } : {}),
      },
    });
  /** Thrown inside the transaction to undo what was written when the check itself failed (a bug). */
  const rollback = new Error("rollback");

  if (isEmbedded(db)) {
    // PGlite: check everything first (the database stays free meanwhile), then write in one transaction.
    const checked: Pending[] = [];
    for (let slice = nextSlice(VALIDATION_SLICE); slice; slice = nextSlice(VALIDATION_SLICE)) {
      checked.push(...slice);
      progress(counts.records, total, "checking");
      await breathe();
    }
    if (failure !== undefined) checked.length = 0;
    await db.transaction(async (tx) => {
      for (let i = 0; i < checked.length; i += EMBEDDED_BATCH) {
        await write(tx, checked.slice(i, i + EMBEDDED_BATCH));
        progress(Math.min(i + EMBEDDED_BATCH, checked.length), checked.length, "saving");
      }
      await withActors(tx, written, false);
      await audit(tx);
    });
  } else {
    // PostgreSQL: one batch is written while the next one is checked. A batch in flight that fails is
    // awaited before anything else is sent, so the transaction stops at the first error.
    try {
      await db.transaction(async (tx) => {
        let inFlight: Promise<void> | undefined;
        let batch: Pending[] = [];
        const send = async () => {
          await inFlight;
          const sending = batch;
          batch = [];
          inFlight = write(tx, sending);
          inFlight.catch(() => {}); // awaited at the next send or at the end
        };
        try {
          for (let slice = nextSlice(VALIDATION_SLICE); slice; slice = nextSlice(VALIDATION_SLICE)) {
            batch.push(...slice);
            if (batch.length >= BATCH) await send();
            progress(counts.records, total, "saving");
            await breathe();
          }
        } catch (e) {
          // The batch in flight runs several statements (conflict check, then upsert): it must end inside
          // this transaction, before the rollback, or its last statement would run after it, committed.
          await inFlight?.catch(() => {});
          throw e;
        }
        if (failure !== undefined) {
          await inFlight;
          throw rollback;
        }
        if (batch.length) await send();
        await inFlight;
        await withActors(tx, written, false);
        await audit(tx);
      });
    } catch (e) {
      if (e !== rollback) throw e;
      // The check failed half-way (a bug): nothing of the file is kept, the attempt is still audited.
      written.length = 0;
      outcome.clear();
      actorOutcomes.clear();
      conflicts = 0;
      await db.transaction(async (tx) => audit(tx));
    }
  }
  if (failure !== undefined) return { ...base(), created: 0, updated: 0, unchanged: 0, skipped: 0, conflicts: 0, lines: [] };
  for (const w of written) lines.push({ line: w.line, id: w.id, status: outcome.get(w.place.id) ?? "unchanged", source: sourceOf(w) });
  lines.sort((a, b) => a.line - b.line);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const l of lines) {
    if (l.status === "created") created++;
    else if (l.status === "updated") updated++;
    else if (l.status === "unchanged") unchanged++;
  }
  return withActorLines({ ...base(), created, updated, unchanged, skipped, conflicts, lines });
}

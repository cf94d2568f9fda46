/**
 * Structures read from a file (data·inclusion) written into the shared registry of actors, inside the
 * caller's transaction (the places import's: one file, one transaction, one line report). Public fields
 * only (decision 006): private contacts, follow-up and notes belong to a territory and are never imported.
 *
 * Matching, in order: SIRET, then RNA, then (source, identifier in the source). An actor found but not
 * seen from the importing territory (located outside it and serving none of its communes) is a conflict:
 * nothing changes for it, as for a place of another territory.
 */
import { and, eq, type SQL } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { recordAudit } from "@/platform/audit/record";
import type { Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { normalizeSearch } from "@/platform/text";
import { communes } from "@/modules/geo";
import type { TerritoryRef } from "@/modules/territories";
import { visibleIn } from "./ownership";
import { actorRegistryPolicy } from "./policy";
import { actors } from "./schema";
import { actorSchema, type LegalType, type World } from "./validation";

/** A structure as a file describes it; empty strings mean "not given". */
export type ImportedActor = {
  source: string;
  sourceId: string;
  name: string;
  siret: string;
  rna: string;
  /** undefined: the file says nothing of the legal type (an existing actor keeps its own). */
  legalType: LegalType | undefined;
  worlds: World[];
  publicEmail: string;
  publicPhone: string;
  website: string;
  description: string;
};

export type ActorLineStatus = "created" | "updated" | "unchanged" | "conflict" | "skipped";

/** What happened to the structure of one line (or would happen, in a dry run). */
export type ActorOutcome = {
  status: ActorLineStatus;
  name: string;
  /** Why nothing was written (conflict, skipped). */
  reason?: string;
  /** Values of the file left aside (an invalid SIRET…), said on the line. */
  notes: string[];
  actorId?: string;
};

type ActorRow = typeof actors.$inferSelect;

/** The public fields an import writes, compared to tell "updated" from "unchanged". */
type PublicFields = Pick<ActorRow, "name" | "siret" | "rna" | "legalType" | "worlds" | "communeCode" | "publicEmail" | "publicPhone" | "website" | "description" | "source" | "sourceId">;

const shape = actorSchema.shape;

/** A value of the file checked by the actors' own rules (the form's): kept, or left aside with the rule's message. */
function checked<T>(label: string, raw: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, notes: string[]): T | null {
  if (raw.trim() === "") return null;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  notes.push(`${label} « ${raw} » non repris pour la structure : ${result.error.issues[0]?.message ?? "valeur non valide."}`);
  return null;
}

function publicFieldsOf(a: ImportedActor, notes: string[]) {
  return {
    siret: checked("SIRET", a.siret, shape.siret, notes) as string | null,
    rna: checked("RNA", a.rna, shape.rna, notes) as string | null,
    publicEmail: checked("Courriel", a.publicEmail, shape.publicEmail, notes) as string | null,
    publicPhone: checked("Téléphone", a.publicPhone, shape.publicPhone, notes) as string | null,
    website: checked("Site web", a.website, shape.website, notes) as string | null,
    description: a.description.trim().slice(0, 2000),
  };
}

/** Who imports, into which territory (none: the whole registry, CLI or administration), and whether to write. */
export type ActorImportContext = { principal: Principal; territory?: TerritoryRef; dryRun: boolean };

async function findBy(tx: Executor, where: SQL | undefined): Promise<ActorRow | undefined> {
  if (!where) return undefined;
  const [row] = await tx.select().from(actors).where(where).limit(1);
  return row;
}

async function isSeen(tx: Executor, territoryId: string, actorId: string): Promise<boolean> {
  const [row] = await tx.select({ id: actors.id }).from(actors).where(and(eq(actors.id, actorId), visibleIn(tx, territoryId)));
  return row !== undefined;
}

const sameWorlds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

function differs(before: PublicFields, after: PublicFields): boolean {
  return (Object.keys(after) as (keyof PublicFields)[]).some((k) => (k === "worlds" ? !sameWorlds(before.worlds, after.worlds) : before[k] !== after[k]));
}

function auditView(f: PublicFields) {
  const { name, siret, rna, legalType, worlds, communeCode, publicEmail, publicPhone, website, description } = f;
  return { name, siret, rna, legalType, worlds, communeCode, publicEmail, publicPhone, website, description };
}

/**
 * Writes (or, in a dry run, tells what it would write for) the structure of each line, in the file's
 * order, so that two lines naming the same structure update one actor. `communeCode` is where the
 * line's place was found (the actor is located there when it is new). Returns one outcome per line.
 */
export async function importActors(
  tx: Executor,
  context: ActorImportContext,
  items: { line: number; actor: ImportedActor; communeCode: string | undefined }[],
): Promise<Map<number, ActorOutcome>> {
  if (!actorRegistryPolicy.import(context.principal, context.territory)) throw new AppError("forbidden");
  const outcomes = new Map<number, ActorOutcome>();
  // Dry run: nothing is written, so a structure met twice in the file is remembered here.
  const planned = new Map<string, number>();
  for (const { line, actor, communeCode } of items) {
    const notes: string[] = [];
    const named = shape.name.safeParse(actor.name);
    if (!named.success) {
      outcomes.set(line, { status: "skipped", name: actor.name, notes, reason: `Structure non reprise dans les acteurs : ${named.error.issues[0]?.message ?? "nom manquant."}` });
      continue;
    }
    const name = named.data;
    const fields = publicFieldsOf(actor, notes);
    const keys = [fields.siret ? `siret:${fields.siret}` : "", fields.rna ? `rna:${fields.rna}` : "", `source:${actor.source}\u0000${actor.sourceId}`].filter(Boolean);
    const existing =
      (await findBy(tx, fields.siret ? eq(actors.siret, fields.siret) : undefined)) ??
      (await findBy(tx, fields.rna ? eq(actors.rna, fields.rna) : undefined)) ??
      (await findBy(tx, actor.sourceId ? and(eq(actors.source, actor.source), eq(actors.sourceId, actor.sourceId)) : undefined));

    if (context.dryRun && !existing) {
      const earlier = keys.map((k) => planned.get(k)).find((n) => n !== undefined);
      for (const k of keys) if (!planned.has(k)) planned.set(k, line);
      if (earlier !== undefined) notes.push(`Même structure que la ligne ${earlier}.`);
      outcomes.set(line, { status: earlier !== undefined ? "updated" : "created", name, notes });
      continue;
    }

    if (!existing) {
      const row: PublicFields = {
        name,
        siret: fields.siret,
        rna: fields.rna,
        // An association registered at the RNA is an association, whatever else the file says.
        legalType: actor.legalType ?? (fields.rna ? "association" : "autre"),
        worlds: [...new Set(actor.worlds)].sort(),
        communeCode: communeCode ?? null,
        publicEmail: fields.publicEmail,
        publicPhone: fields.publicPhone,
        website: fields.website,
        description: fields.description,
        source: actor.source,
        sourceId: actor.sourceId || null,
      };
      const [created] = await tx
        .insert(actors)
        .values({ ...row, search: await searchOf(tx, row) })
        .returning({ id: actors.id });
      if (!created) throw new Error("actor insert returned nothing");
      await recordAudit(tx, context.principal, { territoryId: context.territory?.id ?? null, entityType: "actor", entityId: created.id, action: "import", after: auditView(row) });
      outcomes.set(line, { status: "created", name, notes, actorId: created.id });
      continue;
    }

    if (context.territory && !(await isSeen(tx, context.territory.id, existing.id))) {
      outcomes.set(line, {
        status: "conflict",
        name,
        notes,
        actorId: existing.id,
        reason: `Conflit : la structure « ${existing.name} » est déjà dans le registre des acteurs, hors du territoire ; vous ne pouvez pas la modifier. Rien n'a été changé pour cet acteur.`,
      });
      continue;
    }

    // A number already carried by another actor stays with it: one structure is described once.
    const takenBy = async (column: typeof actors.siret | typeof actors.rna, value: string | null) => (value ? await findBy(tx, eq(column, value)) : undefined);
    const siretOwner = fields.siret && existing.siret !== fields.siret ? await takenBy(actors.siret, fields.siret) : undefined;
    const rnaOwner = fields.rna && existing.rna !== fields.rna ? await takenBy(actors.rna, fields.rna) : undefined;
    if (siretOwner) notes.push(`SIRET ${fields.siret} déjà porté par « ${siretOwner.name} » : non repris.`);
    if (rnaOwner) notes.push(`RNA ${fields.rna} déjà porté par « ${rnaOwner.name} » : non repris.`);
    const before: PublicFields = {
      name: existing.name,
      siret: existing.siret,
      rna: existing.rna,
      legalType: existing.legalType,
      worlds: existing.worlds,
      communeCode: existing.communeCode,
      publicEmail: existing.publicEmail,
      publicPhone: existing.publicPhone,
      website: existing.website,
      description: existing.description,
      source: existing.source,
      sourceId: existing.sourceId,
    };
    // The file's values replace the public record; what it leaves empty is kept. A legal type chosen by a
    // person ("autre" aside) wins over the file's typology; worlds are added, never removed; the location
    // is the actor's own (a structure's seat need not be this place), filled only when missing.
    const after: PublicFields = {
      name,
      siret: (!siretOwner && fields.siret) || existing.siret,
      rna: (!rnaOwner && fields.rna) || existing.rna,
      legalType: existing.legalType === "autre" && actor.legalType ? actor.legalType : existing.legalType,
      worlds: [...new Set([...existing.worlds, ...actor.worlds])].sort(),
      communeCode: existing.communeCode ?? communeCode ?? null,
      publicEmail: fields.publicEmail ?? existing.publicEmail,
      publicPhone: fields.publicPhone ?? existing.publicPhone,
      website: fields.website ?? existing.website,
      description: fields.description || existing.description,
      // Found by its numbers, a structure typed in by hand learns where the file comes from (found by it next time).
      source: existing.sourceId ? existing.source : actor.source,
      sourceId: existing.sourceId ?? (actor.sourceId || null),
    };
    if (!differs(before, after)) {
      outcomes.set(line, { status: "unchanged", name, notes, actorId: existing.id });
      continue;
    }
    if (!context.dryRun) {
      await tx
        .update(actors)
        .set({ ...after, search: await searchOf(tx, after), updatedAt: new Date() })
        .where(eq(actors.id, existing.id));
      await recordAudit(tx, context.principal, { territoryId: context.territory?.id ?? null, entityType: "actor", entityId: existing.id, action: "import", before: auditView(before), after: auditView(after) });
    }
    outcomes.set(line, { status: "updated", name, notes, actorId: existing.id });
  }
  return outcomes;
}

/** The search text of the list, as the form's commands write it (name, numbers, commune). */
async function searchOf(tx: Executor, f: PublicFields): Promise<string> {
  const [named] = f.communeCode ? await tx.select({ name: communes.name }).from(communes).where(eq(communes.code, f.communeCode)) : [];
  return normalizeSearch([f.name, f.siret, f.rna, named?.name].filter(Boolean).join(" "));
}

import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { actors } from "@/modules/actors";
import { commitmentsOf, partnersOf, sectionsOf, versionById, charters, type CharterKind, type CharterSectionKind, type CommitmentActionRole } from "@/modules/charter";
import { listFindings } from "@/modules/findings";
import { governanceKinds, groupKindLabels, groupMembers, groupRoleLabels, groups } from "@/modules/groups";
import { findPlanVersion, loadPlan, publishedPlanVersion, planActions } from "@/modules/plan";
import { strategyOf } from "@/modules/strategy";
import type { TerritoryRef } from "@/modules/territories";

export { canonicalJson, contentSha256 } from "@/modules/charter";

/**
 * The canonical content of a charter version (decision 026): everything the partners sign, and nothing that changes
 * by itself (no dates of writing, no statuses of actions). Composed from the charter's own tables (common parts,
 * partners, commitments) and from the modules it summarises (diagnostic findings, strategy, plan, governance bodies).
 * Written once at submission (with its SHA-256 over `canonicalJson`); a frozen version is always read back from
 * what was stored, never composed again.
 */
export type CharterContent = {
  format: 1;
  charter: { title: string; kind: CharterKind };
  territory: { name: string };
  version: number;
  sections: { kind: CharterSectionKind; title: string; body: string }[];
  diagnostic: { strengthCount: number; questionCount: number; strengths: string[]; questions: string[] };
  strategy: { vision: string; axes: { title: string; objectives: string[] }[] };
  plan: { title: string; number: number; actions: { lineageId: string; title: string; lead: string | null }[] } | null;
  governance: { name: string; kind: string; rhythm: string | null; members: { name: string; structure: string | null; role: string }[] }[];
  partners: {
    partnerId: string;
    actorId: string;
    name: string;
    signatory: { userId: string | null; name: string; title: string };
    commitments: {
      lineageId: string;
      text: string;
      moneyEuros: number | null;
      inKindDays: number | null;
      inKindText: string;
      actions: { lineageId: string; title: string; role: CommitmentActionRole }[];
      indicators: { id: string; name: string }[];
    }[];
  }[];
};

export const rhythmLabels: Record<string, string> = {
  mensuel: "mensuel",
  bimestriel: "tous les deux mois",
  trimestriel: "trimestriel",
  semestriel: "semestriel",
  annuel: "annuel",
  ponctuel: "ponctuel",
};

/** How many findings of each kind the summary quotes (the whole list lives in the état des lieux). */
const QUOTED_FINDINGS = 12;

/** Titles of plan actions by lineage: the latest version that has it (a commitment may outlive an action's version). */
async function actionTitles(db: Executor, territoryId: string, lineages: string[]): Promise<Map<string, string>> {
  if (lineages.length === 0) return new Map();
  const rows = await db
    .select({ lineageId: planActions.lineageId, title: planActions.title, versionId: planActions.versionId, createdAt: planActions.createdAt })
    .from(planActions)
    .where(and(eq(planActions.territoryId, territoryId), inArray(planActions.lineageId, lineages)))
    .orderBy(asc(planActions.createdAt));
  const out = new Map<string, string>();
  for (const r of rows) out.set(r.lineageId, r.title);
  return out;
}

export async function composeCharterContent(db: Executor, territory: TerritoryRef & { name: string }, versionId: string): Promise<CharterContent> {
  const version = await versionById(db, territory.id, versionId);
  if (!version) throw new Error("charter version not found in this territory");
  const [charter] = await db.select({ title: charters.title, kind: charters.kind }).from(charters).where(eq(charters.id, version.charterId));
  if (!charter) throw new Error("charter not found");
  const sections = await sectionsOf(db, versionId);
  const findings = await listFindings(db, territory.id);
  const strengths = findings.filter((f) => f.kind === "strength");
  const questions = findings.filter((f) => f.kind === "question");
  const strategy = await strategyOf(db, territory.id);
  const planVersion = (await publishedPlanVersion(db, territory.id)) ?? (await findPlanVersion(db, territory.id));
  const plan = planVersion ? await loadPlan(db, territory.id, planVersion) : undefined;
  const bodies = await db.select({ id: groups.id, name: groups.name, kind: groups.kind, rhythm: groups.rhythm }).from(groups).where(and(eq(groups.territoryId, territory.id), inArray(groups.kind, [...governanceKinds]))).orderBy(asc(groups.name));
  const members = bodies.length
    ? await db
        .select({ groupId: groupMembers.groupId, name: groupMembers.name, role: groupMembers.role, structure: actors.name })
        .from(groupMembers)
        .leftJoin(actors, eq(actors.id, groupMembers.actorId))
        .where(inArray(groupMembers.groupId, bodies.map((b) => b.id)))
        .orderBy(asc(groupMembers.name))
    : [];
  const partners = await partnersOf(db, territory.id, version.charterId);
  const commitments = await commitmentsOf(db, versionId);
  const titles = await actionTitles(db, territory.id, [...new Set(commitments.flatMap((c) => c.actions.map((a) => a.lineageId)))]);
  return {
    format: 1,
    charter: { title: charter.title, kind: charter.kind },
    territory: { name: territory.name },
    version: version.number,
    sections: sections.map((s) => ({ kind: s.kind, title: s.title, body: s.body })),
    diagnostic: {
      strengthCount: strengths.length,
      questionCount: questions.length,
      strengths: strengths.slice(0, QUOTED_FINDINGS).map((f) => f.text),
      questions: questions.slice(0, QUOTED_FINDINGS).map((f) => f.text),
    },
    strategy: {
      vision: strategy.vision?.text ?? "",
      axes: [
        ...strategy.axes.map((a) => ({ title: a.title, objectives: strategy.objectives.filter((o) => o.axisId === a.id).map((o) => o.title) })),
        ...(strategy.objectives.some((o) => o.axisId === null) ? [{ title: "Sans axe", objectives: strategy.objectives.filter((o) => o.axisId === null).map((o) => o.title) }] : []),
      ],
    },
    plan: plan
      ? { title: plan.version.title, number: plan.version.number, actions: plan.actions.map((a) => ({ lineageId: a.lineageId, title: a.title, lead: a.lead?.name ?? null })) }
      : null,
    governance: bodies.map((b) => ({
      name: b.name,
      kind: groupKindLabels[b.kind],
      rhythm: b.rhythm ? (rhythmLabels[b.rhythm] ?? b.rhythm) : null,
      members: members.filter((m) => m.groupId === b.id).map((m) => ({ name: m.name, structure: m.structure, role: groupRoleLabels[m.role] })),
    })),
    partners: partners.map((p) => ({
      partnerId: p.id,
      actorId: p.actorId,
      name: p.name,
      signatory: { userId: p.signatoryUserId, name: p.signatoryName || p.signatoryAccount || "", title: p.signatoryTitle },
      commitments: commitments
        .filter((c) => c.partnerId === p.id)
        .map((c) => ({
          lineageId: c.lineageId,
          text: c.text,
          moneyEuros: c.moneyEuros,
          inKindDays: c.inKindDays,
          inKindText: c.inKindText,
          actions: c.actions.map((a) => ({ lineageId: a.lineageId, title: titles.get(a.lineageId) ?? "Action retirée du plan", role: a.role })),
          indicators: c.indicators,
        })),
    })),
  };
}

/** The content a version shows: what was stored at submission for a frozen version, composed now for a draft. */
export async function contentOfVersion(db: Executor, territory: TerritoryRef & { name: string }, version: { id: string; status: string }, stored: unknown): Promise<CharterContent> {
  if (version.status !== "brouillon" && stored) return stored as CharterContent;
  return composeCharterContent(db, territory, version.id);
}

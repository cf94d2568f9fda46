import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { insertPlanActions, insertPlanVersion } from "@/testing/plan-rows";
import { countingQueries } from "@/testing/query-count";
import { formatDate } from "@/platform/text";
import { actors } from "@/modules/actors";
import { charterVersions, commitmentsOf, contentSha256, findCharter, findCharterVersion, journeyOf, markSignedIn } from "@/modules/charter";
import * as charter from "@/modules/charter/commands";
import { indicatorMeasurements, indicators, indicatorTargets } from "@/modules/indicators";
import { planActions } from "@/modules/plan";
import type { Territory } from "@/modules/territories";
import { composeCharterContent, type CharterContent } from "./canonical";
import { diffCharter } from "./diff";
import { commitmentHealthOf } from "./health";
import { commitmentsFollowUp, commitmentsKeptShare, signedPartnersShare } from "@/composition/evaluation/commitments";

// The charter's commands end to end on a database: each partner writes its own commitments (another partner: 403),
// submission freezes the version (every command refuses it afterwards), a new version copies the last one with its
// lineages, and the diff and health read what users see.

const must = <T,>(v: T | null | undefined): T => {
  if (v === null || v === undefined) throw new Error("expected a value");
  return v;
};

let database: Database;
let territory: Territory;
const people = {} as Record<"coordinator" | "partnerA" | "partnerB" | "observer" | "contributor", Principal & { kind: "user" }>;
let actorA: string;
let actorB: string;
let lineages: string[] = [];
let indicatorId: string;

const compose = (tx: Parameters<charter.ComposeContent>[0], t: Parameters<charter.ComposeContent>[1], versionId: string) => composeCharterContent(tx, { ...t, name: territory.name }, versionId);

async function person(key: keyof typeof people, role: "coordinator" | "partner" | "observer" | "contributor") {
  const u = await createUser(database.db, { name: `Personne ${key}`, email: `${key}-charte@exemple.test` });
  await addMember(database.db, territory.id, u.id, role);
  people[key] = (await principalOf(database.db, u.id)) as Principal & { kind: "user" };
}

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-charte", name: "Angoulême" });
  await person("coordinator", "coordinator");
  await person("partnerA", "partner");
  await person("partnerB", "partner");
  await person("observer", "observer");
  await person("contributor", "contributor");
  const [a] = await database.db.insert(actors).values({ name: "CCAS d'Angoulême", worlds: ["social"], communeCode: "16015" }).returning({ id: actors.id });
  const [b] = await database.db.insert(actors).values({ name: "Médiathèque de l'Alpha", worlds: ["culture"], communeCode: "16015" }).returning({ id: actors.id });
  actorA = must(a).id;
  actorB = must(b).id;
  await database.db.execute(sql`insert into actor_members (actor_id, user_id) values (${actorA}, ${people.partnerA.userId}), (${actorB}, ${people.partnerB.userId}), (${actorA}, ${people.observer.userId})`);
  const v = await insertPlanVersion(database.db, territory.id, { startYear: 2026, endYear: 2028 });
  await insertPlanActions(database.db, territory.id, v.id, [
    { title: "Permanences numériques au CCAS", leadActorId: actorA, status: "en_cours" },
    { title: "Ateliers seniors à la médiathèque", leadActorId: actorB, status: "bloquee" },
  ]);
  lineages = (await database.db.select({ l: planActions.lineageId, title: planActions.title }).from(planActions).where(eq(planActions.territoryId, territory.id)).orderBy(planActions.position)).map((r) => r.l);
  const [ind] = await database.db
    .insert(indicators)
    .values({ territoryId: territory.id, name: "Personnes accompagnées au CCAS", unit: "personnes", direction: "hausse", baselineValue: 0, baselineOn: "2026-01-01", startsOn: "2026-01-01", endsOn: "2028-12-31" })
    .returning({ id: indicators.id });
  indicatorId = must(ind).id;
  await database.db.insert(indicatorTargets).values({ indicatorId, periodEnd: "2026-12-31", value: 100 });
  await database.db.insert(indicatorMeasurements).values({ indicatorId, measuredOn: "2026-06-30", value: 120 });
});
afterAll(async () => {
  await database?.close();
});

describe("the charter of commitments", () => {
  let v1: string;
  let partnerA: string;
  let partnerB: string;
  let commitmentA: string;
  let commitmentB: string;

  it("the coordination creates the charter with its six common parts; a partner may not; a second charter is refused", async () => {
    await expect(charter.createCharter(database.db, people.partnerA, territory, { title: "Charte Angoulême numérique" })).rejects.toMatchObject({ id: "forbidden", status: 403 });
    ({ versionId: v1 } = await charter.createCharter(database.db, people.coordinator, territory, { title: "Charte Angoulême numérique", kind: "charte" }));
    await expect(charter.createCharter(database.db, people.coordinator, territory, { title: "Une autre" })).rejects.toMatchObject({ id: "charter_exists" });
    const content = await composeCharterContent(database.db, territory, v1);
    expect(content.sections.map((s) => s.title)).toEqual(["Préambule", "Diagnostic partagé", "Vision et objectifs", "Plan d'action", "Gouvernance", "Dispositions finales"]);
    expect(content.plan?.actions.map((a) => a.title)).toEqual(["Permanences numériques au CCAS", "Ateliers seniors à la médiathèque"]);
  });

  it("the journey: a draft without partners says so", async () => {
    const [c] = await journeyOf(database.db, territory, new Date());
    expect(c?.phase).toBe("commitments");
    expect(c?.missing).toEqual(["Aucune structure partenaire dans la charte"]);
    expect(c?.next.map((s) => s.text)).toEqual(["Ajouter les structures partenaires de la charte"]);
  });

  it("names partners and their signatories among the structure's speakers", async () => {
    await expect(charter.savePartner(database.db, people.coordinator, territory, { actorId: actorA, signatoryUserId: people.partnerB.userId })).rejects.toMatchObject({
      id: "validation",
      fieldErrors: { signatoryUserId: ["Choisissez le ou la signataire parmi les personnes qui parlent pour cette structure sur le territoire."] },
    });
    await expect(charter.savePartner(database.db, people.partnerA, territory, { actorId: actorA })).rejects.toMatchObject({ id: "forbidden" });
    ({ id: partnerA } = await charter.savePartner(database.db, people.coordinator, territory, { actorId: actorA, signatoryUserId: people.partnerA.userId, signatoryTitle: "Directrice" }));
    ({ id: partnerB } = await charter.savePartner(database.db, people.coordinator, territory, { actorId: actorB, signatoryUserId: people.partnerB.userId, signatoryName: "Paul Martin", signatoryTitle: "Directeur" }));
    await expect(charter.savePartner(database.db, people.coordinator, territory, { actorId: actorA })).rejects.toMatchObject({ id: "validation", fieldErrors: { actorId: ["CCAS d'Angoulême est déjà partenaire de la charte."] } });
    const content = await composeCharterContent(database.db, territory, v1);
    expect(content.partners.map((p) => [p.name, p.signatory.name, p.signatory.title])).toEqual([
      ["CCAS d'Angoulême", "Personne partnerA", "Directrice"],
      ["Médiathèque de l'Alpha", "Paul Martin", "Directeur"],
    ]);
    // The journey, in one query (decision 024): both partners have a signatory and no commitment yet.
    const counted = countingQueries(database.db);
    const [c] = await journeyOf(counted.db, territory, new Date());
    expect(counted.count()).toBe(1);
    expect(c?.facts.map((f) => f.label)).toEqual(["2 structures partenaires", "Version 1 en brouillon : 0 engagement"]);
    expect(c?.missing).toEqual(["2 partenaires n'ont pas encore écrit leurs engagements"]);
    expect(c?.next.map((s) => s.text)).toEqual(["Relancer CCAS d'Angoulême, Médiathèque de l'Alpha pour leurs engagements"]);
  });

  it("each partner writes its own commitments; another partner, the coordinator of a represented partner or an observer gets 403", async () => {
    const text = { text: "Ouvrir deux permanences numériques par semaine au CCAS.", moneyEuros: "12 000", inKindDays: "20", inKindText: "Une salle équipée", pilote: [lineages[0]], indicators: [indicatorId] };
    ({ id: commitmentA } = await charter.saveCommitment(database.db, people.partnerA, territory, partnerA, text));
    for (const who of [people.partnerB, people.coordinator, people.observer, people.contributor]) {
      await expect(charter.saveCommitment(database.db, who, territory, partnerA, text)).rejects.toMatchObject({ id: "forbidden", status: 403 });
      await expect(charter.saveCommitment(database.db, who, territory, partnerA, text, commitmentA)).rejects.toMatchObject({ id: "forbidden", status: 403 });
    }
    await expect(charter.removeCommitment(database.db, people.partnerB, territory, commitmentA)).rejects.toMatchObject({ id: "forbidden", status: 403 });
    await expect(charter.saveCommitment(database.db, people.partnerB, territory, partnerB, { text: "court" })).rejects.toMatchObject({ fieldErrors: { text: ["Écrivez l'engagement en une phrase au moins (10 caractères)."] } });
    await expect(charter.saveCommitment(database.db, people.partnerB, territory, partnerB, { text: "Animer des ateliers pour les seniors.", moneyEuros: "-5" })).rejects.toMatchObject({ fieldErrors: { moneyEuros: ["Le montant ne peut pas être négatif."] } });
    await expect(charter.saveCommitment(database.db, people.partnerB, territory, partnerB, { text: "Animer des ateliers pour les seniors.", soutien: ["00000000-0000-4000-8000-000000000000"] })).rejects.toMatchObject({
      fieldErrors: { pilote: ["Choisissez les actions parmi celles du plan du territoire."] },
    });
    ({ id: commitmentB } = await charter.saveCommitment(database.db, people.partnerB, territory, partnerB, { text: "Animer des ateliers pour les seniors.", pilote: [lineages[1]], soutien: [lineages[0]] }));
    const rows = await commitmentsOf(database.db, v1);
    expect(rows.map((r) => [r.text, r.moneyEuros, r.inKindDays, r.actions.map((a) => a.role), r.indicators.map((i) => i.name)])).toEqual([
      ["Ouvrir deux permanences numériques par semaine au CCAS.", 12000, 20, ["pilote"], ["Personnes accompagnées au CCAS"]],
      ["Animer des ateliers pour les seniors.", null, null, ["pilote", "soutien"], []],
    ]);
    const [c] = await journeyOf(database.db, territory, new Date());
    expect(c?.facts.map((f) => f.label)).toEqual(["2 structures partenaires", "Version 1 en brouillon : 2 engagements"]);
    expect(c?.missing).toEqual([]);
    expect(c?.next.map((s) => s.text)).toEqual(["Soumettre la version 1 à signature"]);
  });

  it("comments a section of the draft (not an observer)", async () => {
    await charter.commentSection(database.db, people.partnerB, territory, v1, { section: "preambule", body: "Citer la stratégie départementale." });
    await expect(charter.commentSection(database.db, people.observer, territory, v1, { section: "preambule", body: "Bonjour" })).rejects.toMatchObject({ id: "forbidden" });
    await expect(charter.commentSection(database.db, people.partnerB, territory, v1, { section: "ailleurs", body: "Bonjour" })).rejects.toMatchObject({ id: "validation" });
  });

  it("submission: refused at a stale revision; then the canonical content and its SHA-256 are written once", async () => {
    await charter.updateSection(database.db, people.coordinator, territory, v1, { kind: "preambule", title: "Préambule", body: "Les signataires s'engagent.\nPour l'inclusion numérique." });
    await expect(charter.updateSection(database.db, people.partnerA, territory, v1, { kind: "preambule", title: "Préambule", body: "x" })).rejects.toMatchObject({ id: "forbidden" });
    await expect(charter.submitVersion(database.db, people.coordinator, territory, v1, { revision: "1" }, compose)).rejects.toMatchObject({ id: "edit_conflict" });
    await expect(charter.submitVersion(database.db, people.partnerA, territory, v1, {}, compose)).rejects.toMatchObject({ id: "forbidden" });
    const version = await findCharterVersion(database.db, territory.id, 1);
    const expected = await composeCharterContent(database.db, territory, v1);
    const { contentSha256: sha } = await charter.submitVersion(database.db, people.coordinator, territory, v1, { revision: String(must(version).revision) }, compose);
    expect(sha).toBe(contentSha256(expected));
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await database.db.select().from(charterVersions).where(eq(charterVersions.id, v1));
    expect(row?.status).toBe("soumise");
    expect(contentSha256(row?.content)).toBe(sha);
    const [c] = await journeyOf(database.db, territory, new Date());
    expect(c?.facts.map((f) => f.label)).toEqual(["2 structures partenaires", `Version 1 soumise à signature le ${formatDate(must(row?.submittedAt))}`]);
    expect(c?.next.map((s) => s.text)).toEqual(["Recueillir les signatures des partenaires sur la version 1"]);
  });

  it("a submitted version cannot change by any path: every command refuses it (409 charter_frozen) and its content stays", async () => {
    const before = await database.db.select().from(charterVersions).where(eq(charterVersions.id, v1));
    const text = { text: "Un engagement ajouté après la soumission." };
    const attempts: [string, () => Promise<unknown>][] = [
      ["updateSection", () => charter.updateSection(database.db, people.coordinator, territory, v1, { kind: "preambule", title: "Préambule", body: "changé" })],
      ["savePartner (add)", async () => {
        const [c] = await database.db.insert(actors).values({ name: "Mission locale", worlds: ["emploi_insertion"], communeCode: "16015" }).returning({ id: actors.id });
        return charter.savePartner(database.db, people.coordinator, territory, { actorId: must(c).id });
      }],
      ["savePartner (signatory)", () => charter.savePartner(database.db, people.coordinator, territory, { actorId: actorA, signatoryTitle: "Présidente" }, partnerA)],
      ["removePartner", () => charter.removePartner(database.db, people.coordinator, territory, partnerB)],
      ["saveCommitment (new)", () => charter.saveCommitment(database.db, people.partnerA, territory, partnerA, text)],
      ["saveCommitment (change)", () => charter.saveCommitment(database.db, people.partnerA, territory, partnerA, text, commitmentA)],
      ["removeCommitment", () => charter.removeCommitment(database.db, people.partnerB, territory, commitmentB)],
      ["commentSection", () => charter.commentSection(database.db, people.partnerB, territory, v1, { section: "preambule", body: "Trop tard ?" })],
      ["submitVersion", () => charter.submitVersion(database.db, people.coordinator, territory, v1, {}, compose)],
    ];
    for (const [name, attempt] of attempts) await expect(attempt(), name).rejects.toMatchObject({ id: "charter_frozen", status: 409 });
    const after = await database.db.select().from(charterVersions).where(eq(charterVersions.id, v1));
    expect(after).toEqual(before);
  });

  let v2: string;
  it("a new version copies the last one, commitments keeping their lineage; a second draft is refused", async () => {
    const started = await charter.startNewVersion(database.db, people.coordinator, territory);
    v2 = started.id;
    expect(started.number).toBe(2);
    await expect(charter.startNewVersion(database.db, people.coordinator, territory)).rejects.toMatchObject({ id: "charter_draft_open" });
    const [one, two] = [await commitmentsOf(database.db, v1), await commitmentsOf(database.db, v2)];
    expect(two.map((c) => c.lineageId)).toEqual(one.map((c) => c.lineageId));
    expect(two.map((c) => c.id)).not.toEqual(one.map((c) => c.id));
    expect(two[0]?.indicators.map((i) => i.id)).toEqual([indicatorId]);
  });

  it("a partner with commitments in a submitted version cannot be removed", async () => {
    await expect(charter.removePartner(database.db, people.coordinator, territory, partnerB)).rejects.toMatchObject({ id: "charter_partner_committed" });
  });

  it("version 2 changed and submitted: version 1 is replaced, the diff says what changed", async () => {
    const a2 = must((await commitmentsOf(database.db, v2, partnerA))[0]);
    const b2 = must((await commitmentsOf(database.db, v2, partnerB))[0]);
    await charter.saveCommitment(database.db, people.partnerA, territory, partnerA, { text: a2.text, moneyEuros: "15000", inKindDays: "20", inKindText: "Une salle équipée", pilote: [lineages[0]], indicators: [indicatorId] }, a2.id);
    await charter.removeCommitment(database.db, people.partnerB, territory, b2.id);
    await charter.saveCommitment(database.db, people.partnerB, territory, partnerB, { text: "Prêter dix tablettes aux ateliers.", soutien: [lineages[1]] });
    await charter.updateSection(database.db, people.coordinator, territory, v2, { kind: "preambule", title: "Préambule", body: "Les signataires s'engagent.\nPour un numérique accessible à tous." });
    const before = must((await database.db.select({ c: charterVersions.content }).from(charterVersions).where(eq(charterVersions.id, v1)))[0]).c as CharterContent;
    await charter.submitVersion(database.db, people.coordinator, territory, v2, {}, compose);
    const statuses = await database.db.select({ n: charterVersions.number, s: charterVersions.status }).from(charterVersions).where(eq(charterVersions.territoryId, territory.id)).orderBy(charterVersions.number);
    expect(statuses).toEqual([{ n: 1, s: "remplacee" }, { n: 2, s: "soumise" }]);
    const after = must((await database.db.select({ c: charterVersions.content }).from(charterVersions).where(eq(charterVersions.id, v2)))[0]).c as CharterContent;
    const diff = diffCharter(before, after);
    expect(diff.sections).toEqual([
      {
        kind: "preambule",
        title: "Préambule",
        titleBefore: null,
        lines: [
          { op: "same", text: "Les signataires s'engagent." },
          { op: "removed", text: "Pour l'inclusion numérique." },
          { op: "added", text: "Pour un numérique accessible à tous." },
        ],
      },
    ]);
    expect(diff.commitments.map((c) => [c.op, c.partner, c.text, c.op === "changed" ? c.fields : null])).toEqual([
      ["changed", "CCAS d'Angoulême", "Ouvrir deux permanences numériques par semaine au CCAS.", [{ label: "Apport financier", before: "12\u202f000 €", after: "15\u202f000 €" }]],
      ["added", "Médiathèque de l'Alpha", "Prêter dix tablettes aux ateliers.", null],
      ["removed", "Médiathèque de l'Alpha", "Animer des ateliers pour les seniors.", null],
    ]);
  });

  it("signed: markSignedIn moves soumise → signee once; a signed version refuses every command too", async () => {
    expect(await markSignedIn(database.db, v1)).toBe(false);
    expect(await markSignedIn(database.db, v2)).toBe(true);
    expect(await markSignedIn(database.db, v2)).toBe(false);
    const [row] = await database.db.select({ s: charterVersions.status }).from(charterVersions).where(eq(charterVersions.id, v2));
    expect(row?.s).toBe("signee");
    const c = must((await commitmentsOf(database.db, v2, partnerA))[0]);
    await expect(charter.saveCommitment(database.db, people.partnerA, territory, partnerA, { text: "Changer un engagement signé." }, c.id)).rejects.toMatchObject({ id: "charter_frozen" });
    await expect(charter.updateSection(database.db, people.coordinator, territory, v2, { kind: "preambule", title: "Préambule", body: "changé" })).rejects.toMatchObject({ id: "charter_frozen" });
    await expect(charter.commentSection(database.db, people.partnerA, territory, v2, { section: "preambule", body: "changé" })).rejects.toMatchObject({ id: "charter_frozen" });
    expect((await findCharter(database.db, territory.id))?.title).toBe("Charte Angoulême numérique");
    const [journey] = await journeyOf(database.db, territory, new Date());
    expect(journey?.facts.map((f) => f.label)).toEqual(["2 structures partenaires", "Charte signée (version 2)"]);
  });

  it("commitment health of the latest submitted or signed version: from the actions' statuses and the indicators", async () => {
    const health = await commitmentHealthOf(database.db, territory.id, "2026-07-01");
    const lineageA = must((await commitmentsOf(database.db, v2, partnerA))[0]).lineageId;
    const lineageB = must((await commitmentsOf(database.db, v2, partnerB))[0]).lineageId;
    // A: action en cours (on track) + indicator above its target (kept) → on track. B: supports a blocked action → late.
    expect(new Map(health.map((h) => [h.commitmentLineageId, h.health]))).toEqual(new Map([[lineageA, "en_bonne_voie"], [lineageB, "en_retard"]]));
    await database.db.update(planActions).set({ status: "terminee" }).where(eq(planActions.lineageId, must(lineages[0])));
    const later = await commitmentHealthOf(database.db, territory.id, "2026-07-01");
    expect(later.find((h) => h.commitmentLineageId === lineageA)?.health).toBe("tenu");
  });

  it("the evaluation reads the same rule: the commitments' follow-up table and the computed shares", async () => {
    // State left by the test above: A's commitment kept (its action is terminée), B's late (it supports a blocked action).
    expect(await commitmentsFollowUp(database.db, territory.id, "2026-07-01")).toEqual([
      { partner: "CCAS d'Angoulême", commitment: "Ouvrir deux permanences numériques par semaine au CCAS.", health: "Tenu" },
      { partner: "Médiathèque de l'Alpha", commitment: "Prêter dix tablettes aux ateliers.", health: "En retard" },
    ]);
    // 1 kept of 2 commitments with a verdict.
    expect(await commitmentsKeptShare(database.db, territory.id, "2026-07-01")).toBe(50);
    // Version 2 was marked signed above without any signature in the journal: no partner has signed it.
    expect(await signedPartnersShare(database.db, territory.id, "2026-07-01")).toBe(0);
  });
});

import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories";
import { addDeadline, createResource, createSource, deleteDeadline, deleteResource, deleteSource, updateDeadline, updateSource } from "./commands";
import { journeyOf } from "./journey";
import { fundingReferenceVersion, loadFundingReference, referenceSourceIds } from "./load";
import { deadlinesOf, findSource, listResources, listSources, placesOf, sourcesForMatching } from "./queries";
import { referenceSources } from "./reference";
import { fundingResources, fundingSources } from "./schema";

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "partner" | "otherCoordinator", Principal>;

async function person(t: Territory, role: "coordinator" | "partner"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Grand Angoulême (EPCI 200071827): Soyaux 16374 is in it, Cognac 16102 is not.
  territory = await createTestTerritory(database.db, { kind: "epci", code: "200071827", slug: "grand-angouleme-fin", name: "Grand Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-fin", name: "Cognac" });
  people.coordinator = await person(territory, "coordinator");
  people.partner = await person(territory, "partner");
  people.otherCoordinator = await person(other, "coordinator");
});

afterAll(async () => {
  await database?.close();
});

const local = (over: Record<string, unknown> = {}) => ({ name: "Fonds d'initiatives locales", funder: "Grand Angoulême", aidKind: "subvention", themes: ["competences_base"], bearers: ["association"], publicsText: "Seniors, familles", ...over });

describe("the shipped reference list", () => {
  it("is loaded at start-up with the keys other code relies on, and loading again writes nothing", async () => {
    const keys = ["etat-france-numerique-ensemble", "conseillers-numeriques", "fse-plus", "feder-iti", "dsil", "detr", "caf-fonds-locaux", "fondation-appel-a-projets", "pass-numerique", "droit-commun-collectivites", "mecenat-entreprises"];
    // The test template may predate the list: load it (idempotent), then a second load does nothing.
    await loadFundingReference(database.db);
    expect(await loadFundingReference(database.db)).toBe(false);
    const ids = await referenceSourceIds(database.db, keys);
    expect([...ids.keys()].sort()).toEqual([...keys].sort());
    const shipped = await database.db.select().from(fundingSources).where(isNull(fundingSources.territoryId));
    expect(shipped).toHaveLength(referenceSources.length);
    const detr = shipped.find((s) => s.referenceKey === "detr");
    expect(detr).toMatchObject({ aidKind: "subvention", bearers: ["collectivite"], rateMin: 20, rateMax: 80, scopeKind: "national" });
    expect((await database.db.select().from(fundingResources).where(isNull(fundingResources.territoryId))).length).toBeGreaterThan(5);
    expect(fundingReferenceVersion()).toMatch(/^[0-9a-f]{16}$/);
  });

  it("a reworded entry updates in place and keeps its id", async () => {
    const [before] = await database.db.select().from(fundingSources).where(eq(fundingSources.referenceKey, "dsil"));
    await database.db.update(fundingSources).set({ name: "Ancien nom" }).where(eq(fundingSources.referenceKey, "dsil"));
    // Forget the loaded version, as after an upgrade.
    await database.db.execute(`delete from reference_meta where key = 'funding_reference_version'` as never);
    expect(await loadFundingReference(database.db)).toBe(true);
    const [after] = await database.db.select().from(fundingSources).where(eq(fundingSources.referenceKey, "dsil"));
    expect(after?.id).toBe(before?.id);
    expect(after?.name).toBe("Dotation de soutien à l'investissement local (DSIL)");
  });
});

describe("local sources and deadlines", () => {
  it("a coordinator adds a local source with its first deadline; its scope is the territory; the audit log has it", async () => {
    const { id } = await createSource(database.db, people.coordinator, territory, local(), { kind: "depot", date: "2027-03-15", label: "Session de printemps" });
    const s = await findSource(database.db, territory.id, id);
    expect(s).toMatchObject({ territoryId: territory.id, scopeKind: "epci", scopeCodes: ["200071827"], publics: ["Seniors", "familles"], bearers: ["association"] });
    expect((await deadlinesOf(database.db, territory.id, id)).map((d) => [d.kind, d.date, d.label])).toEqual([["depot", "2027-03-15", "Session de printemps"]]);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "create")));
    expect(event?.entityType).toBe("funding_source");
    // Another territory does not see it.
    expect(await findSource(database.db, other.id, id)).toBeUndefined();
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const count = async () => (await database.db.select().from(fundingSources).where(eq(fundingSources.territoryId, territory.id))).length;
    const before = await count();
    const e = await expectAppError(createSource(database.db, people.coordinator, territory, local({ name: "", aidKind: "cadeau", rateMin: "60", rateMax: "40", amountMax: "-5", url: "pas une adresse" })), "validation");
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["aidKind", "amountMax", "name", "url"]);
    // Bounds in the wrong order, once the fields themselves are right.
    await expectAppError(createSource(database.db, people.coordinator, territory, local({ rateMin: "60", rateMax: "40" })), "validation", "rateMax");
    await expectAppError(createSource(database.db, people.coordinator, territory, local({ amountMin: "5000", amountMax: "100" })), "validation", "amountMax");
    await expectAppError(createSource(database.db, people.coordinator, territory, local(), { kind: "depot", date: "2027-02-30" }), "validation", "date");
    await expectAppError(createSource(database.db, people.coordinator, territory, local({ scope: "communes", communes: ["16102"] })), "validation", "communesText");
    expect(await count()).toBe(before);
  });

  it("reads amounts and rates as people type them", async () => {
    const { id } = await createSource(database.db, people.coordinator, territory, local({ name: "Appel départemental", rateMax: "50 %", amountMin: "1 500", amountMax: "12 000,50 €", scope: "communes", communes: ["16374"] }));
    expect(await findSource(database.db, territory.id, id)).toMatchObject({ rateMax: 50, amountMin: 1500, amountMax: 12000.5, scopeKind: "communes", scopeCodes: ["16374"] });
  });

  it("only the coordination of the territory writes; the reference list is not edited from a territory", async () => {
    await expectAppError(createSource(database.db, people.partner, territory, local()), "forbidden");
    await expectAppError(createSource(database.db, people.otherCoordinator, territory, local()), "forbidden");
    const ids = await referenceSourceIds(database.db, ["caf-fonds-locaux"]);
    const caf = ids.get("caf-fonds-locaux") as string;
    await expectAppError(updateSource(database.db, people.coordinator, territory, caf, local()), "reference_source_readonly");
    await expectAppError(deleteSource(database.db, people.coordinator, territory, caf), "reference_source_readonly");
    // …but a territory records its own deadlines of a reference source.
    const { id } = await addDeadline(database.db, people.coordinator, territory, caf, { kind: "pre_depot", date: "2027-01-31" });
    expect((await deadlinesOf(database.db, territory.id, caf)).map((d) => d.id)).toEqual([id]);
    expect(await deadlinesOf(database.db, other.id, caf)).toEqual([]);
    await expectAppError(deleteDeadline(database.db, people.otherCoordinator, other, id), "not_found");
    await deleteDeadline(database.db, people.coordinator, territory, id);
    expect(await deadlinesOf(database.db, territory.id, caf)).toEqual([]);
  });

  it("a deadline is edited in place: same row, new date, kind and words, one audit event; bad input and other territories refused", async () => {
    const ids = await referenceSourceIds(database.db, ["caf-fonds-locaux"]);
    const caf = ids.get("caf-fonds-locaux") as string;
    const { id } = await addDeadline(database.db, people.coordinator, territory, caf, { kind: "depot", date: "2027-02-10", label: "session d'hiver" });
    expect(await updateDeadline(database.db, people.coordinator, territory, id, { kind: "pre_depot", date: "17/03/2027", label: "session de printemps" })).toEqual({ sourceId: caf });
    expect((await deadlinesOf(database.db, territory.id, caf)).map((d) => [d.id, d.kind, d.date, d.label])).toEqual([[id, "pre_depot", "2027-03-17", "session de printemps"]]);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "update")));
    expect(events.map((e) => [e.before, e.after])).toEqual([[{ kind: "depot", date: "2027-02-10", label: "session d'hiver" }, { kind: "pre_depot", date: "2027-03-17", label: "session de printemps" }]]);
    // A date that does not exist: the French message on the field, the deadline unchanged.
    const e = await expectAppError(updateDeadline(database.db, people.coordinator, territory, id, { kind: "depot", date: "31/02/2027" }), "validation", "date");
    expect(e.fieldErrors?.date).toEqual(["Cette date n'existe pas."]);
    expect((await deadlinesOf(database.db, territory.id, caf)).map((d) => d.date)).toEqual(["2027-03-17"]);
    await expectAppError(updateDeadline(database.db, people.partner, territory, id, { kind: "depot", date: "2027-04-01" }), "forbidden");
    await expectAppError(updateDeadline(database.db, people.otherCoordinator, other, id, { kind: "depot", date: "2027-04-01" }), "not_found");
    await expectAppError(updateDeadline(database.db, people.coordinator, territory, "pas-un-identifiant", { kind: "depot", date: "2027-04-01" }), "not_found");
    await deleteDeadline(database.db, people.coordinator, territory, id);
  });

  it("edits and deletes a local source with its deadlines", async () => {
    const { id } = await createSource(database.db, people.coordinator, territory, local({ name: "À modifier" }), { kind: "depot", date: "2027-05-01" });
    await updateSource(database.db, people.coordinator, territory, id, local({ name: "Modifiée", aidKind: "appel_a_projets", scope: "national" }));
    expect(await findSource(database.db, territory.id, id)).toMatchObject({ name: "Modifiée", aidKind: "appel_a_projets", scopeKind: "national", scopeCodes: [] });
    await expectAppError(deleteSource(database.db, people.otherCoordinator, other, id), "not_found");
    await deleteSource(database.db, people.coordinator, territory, id);
    expect(await findSource(database.db, territory.id, id)).toBeUndefined();
    expect(await deadlinesOf(database.db, territory.id, id)).toEqual([]);
  });
});

describe("catalogue, matching inputs and journey", () => {
  it("filters by kind, theme, perimeter and deadline soon", async () => {
    const today = "2027-03-01";
    const names = async (f: Parameters<typeof listSources>[2]) => (await listSources(database.db, territory.id, f, today)).map((s) => s.name);
    expect(await names({ scope: "local" })).toEqual(["Appel départemental", "Fonds d'initiatives locales"]);
    expect(await names({ soon: "30" })).toEqual(["Fonds d'initiatives locales"]);
    expect(await names({ kind: "cheque" })).toEqual(["Chèques de médiation numérique (type pass numérique APTIC)"]);
    expect(await names({ theme: "parentalite_education", scope: "departement" })).toEqual(["CAF : fonds locaux et action sociale"]);
    const all = await listSources(database.db, territory.id, {}, today);
    expect(all).toHaveLength(referenceSources.length + 2);
    expect(all.find((s) => s.name === "Fonds d'initiatives locales")?.nextDeadline?.date).toBe("2027-03-15");
  });

  it("places of communes for matching: EPCI, département and région", async () => {
    expect(await placesOf(database.db, ["16374", "16102"])).toEqual({ communes: ["16102", "16374"], epcis: ["200070514", "200071827"], departements: ["16"], regions: ["75"] });
    const forMatching = await sourcesForMatching(database.db, territory.id);
    expect(forMatching.find((s) => s.name === "Fonds d'initiatives locales")).toMatchObject({ local: true, deadlines: [{ kind: "depot", date: "2027-03-15", label: "Session de printemps" }] });
    expect((await sourcesForMatching(database.db, other.id)).filter((s) => s.local)).toEqual([]);
  });

  it("the journey counts sources and makes each deadline of the next 30 days an urgent step", async () => {
    const [contribution] = await journeyOf(database.db, territory, new Date("2027-02-20T10:00:00Z"));
    expect(contribution?.phase).toBe("means");
    expect(contribution?.facts.map((f) => f.label)).toEqual([`${referenceSources.length} sources de la liste de référence`, "2 sources locales", "1 échéance de financement dans les 30 prochains jours"]);
    expect(contribution?.next.map((s) => [s.text, s.urgency])).toEqual([["Dépôt du dossier « Fonds d'initiatives locales » le 15 mars 2027 : Session de printemps", "urgent"]]);
    expect(contribution?.missing).toEqual([]);
    const [empty] = await journeyOf(database.db, other, new Date("2027-02-20T10:00:00Z"));
    expect(empty?.missing).toEqual(["Aucune source de financement locale (fonds du département, de la CAF, fondations du territoire…)"]);
    expect(empty?.next.map((s) => s.href)).toEqual(["/espace/cognac-fin/financements/nouvelle"]);
  });
});

describe("resources", () => {
  it("a coordinator adds a local resource, seen first and only by the territory, and deletes it; shipped ones cannot be deleted", async () => {
    const { id } = await createResource(database.db, people.coordinator, territory, { name: "Atelier numérique de Soyaux", kind: "projet", contact: "05 45 00 00 00", themes: ["competences_base"] });
    expect((await listResources(database.db, territory.id))[0]?.id).toBe(id);
    expect((await listResources(database.db, other.id)).some((r) => r.id === id)).toBe(false);
    expect((await listResources(database.db, territory.id, "competences_base")).map((r) => r.name)).toContain("Pix");
    await expectAppError(createResource(database.db, people.partner, territory, { name: "Non", kind: "projet" }), "forbidden");
    await expectAppError(createResource(database.db, people.coordinator, territory, { name: "", kind: "inconnu" }), "validation", "kind");
    const [pix] = await database.db.select().from(fundingResources).where(eq(fundingResources.referenceKey, "pix"));
    await expectAppError(deleteResource(database.db, people.coordinator, territory, pix?.id as string), "not_found");
    await deleteResource(database.db, people.coordinator, territory, id);
    expect((await listResources(database.db, territory.id)).some((r) => r.id === id)).toBe(false);
  });
});

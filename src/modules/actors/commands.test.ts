import fs from "node:fs";
import { inflateRawSync } from "node:zlib";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { addContact, answerSpeakerRequest, createActor, linkMember, removeContact, requestToSpeak, unlinkMember, updateActor, setFollowUp } from "./commands";
import { toCsv, toOds, toXlsx } from "./export";
import { actorPolicy } from "./policy";
import { actorsForExport, communesWithActors, findActor, listActors, listContacts, pendingSpeakerRequests, speakerCandidates, structuresOf } from "./queries";
import { actorCommunes, actorContacts, actors } from "./schema";
import { expectAppError } from "@/testing/assertions";

// Real communes from the committed reference file, not from the code under test.
const communesFile = JSON.parse(fs.readFileSync("data/communes.json", "utf8")) as { columns: string[]; rows: unknown[][] };
const col = (name: string) => communesFile.columns.indexOf(name);
const codesOf = (dep: string) => communesFile.rows.filter((r) => r[col("departement")] === dep).map((r) => String(r[col("code")]));
const charente = codesOf("16");
const vienne = codesOf("86");
const inCharente = (n: number) => charente[n] as string;
const inVienne = (n: number) => vienne[n] as string;

let database: Database;
let territory: Territory;
let elsewhere: Territory;
let coordinator: Principal;
let partner: Principal;
let partnerEmail = "";
let partnerId = "";
let coordinatorId = "";
let observerId = "";
let strangerId = "";
let observer: Principal;
let strangerCoordinator: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  territory = await createTestTerritory(db, { name: "Charente", slug: "charente-acteurs", kind: "departement", code: "16" });
  elsewhere = await createTestTerritory(db, { name: "Vienne", slug: "vienne-acteurs", kind: "departement", code: "86" });
  const [c, p, o, s] = [await createUser(db), await createUser(db), await createUser(db), await createUser(db)];
  await addMember(db, territory.id, c.id, "coordinator");
  await addMember(db, territory.id, p.id, "partner");
  await addMember(db, territory.id, o.id, "observer");
  await addMember(db, elsewhere.id, s.id, "coordinator");
  [coordinator, partner, observer, strangerCoordinator] = [await principalOf(db, c.id), await principalOf(db, p.id), await principalOf(db, o.id), await principalOf(db, s.id)];
  partnerEmail = p.email;
  [coordinatorId, partnerId, observerId, strangerId] = [c.id, p.id, o.id, s.id];
});
afterAll(async () => {
  await database?.close();
});

const form = (over: Record<string, unknown> = {}) => ({ name: "Centre social", legalType: "association", status: "engaged", worlds: ["social"], communeCode: inCharente(0), ...over });

async function counts() {
  const db = database.db;
  const [a] = await db.select({ n: count() }).from(actors);
  const [c] = await db.select({ n: count() }).from(actorCommunes);
  const [e] = await db.select({ n: count() }).from(auditEvents);
  return { actors: a?.n, communes: c?.n, audit: e?.n };
}

async function xlsxSheet(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook.getWorksheet("Acteurs");
}

/** Every cell of the sheet as text, read back by exceljs. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const cells: string[] = [];
  (await xlsxSheet(bytes))?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells.join("\n");
}

/** content.xml of an ODS, found by walking the zip's local headers (ods.ts writes no data descriptors). */
function odsContent(bytes: Uint8Array): string {
  const zip = Buffer.from(bytes);
  for (let p = 0; zip.readUInt32LE(p) === 0x04034b50; ) {
    const size = zip.readUInt32LE(p + 18);
    const nameLength = zip.readUInt16LE(p + 26);
    const start = p + 30 + nameLength + zip.readUInt16LE(p + 28);
    if (zip.subarray(p + 30, p + 30 + nameLength).toString() === "content.xml") return inflateRawSync(zip.subarray(start, start + size)).toString("utf8");
    p = start + size;
  }
  return "";
}


describe("creating and editing an actor", () => {
  it("a coordinator adds an actor: fields stored, served communes resolved, audited", async () => {
    const created = await createActor(database.db, coordinator, territory, form({ name: "Maison des solidarités", siret: "130 025 265 00013", communes: `${inCharente(1)} ${inCharente(2)}`, website: "www.exemple.fr" }));
    expect(created).toMatchObject({ name: "Maison des solidarités", siret: "13002526500013", website: "https://www.exemple.fr", worlds: ["social"] });
    const found = await findActor(database.db, territory.id, created.id);
    expect(found?.served.map((c) => c.code).sort()).toEqual([inCharente(1), inCharente(2)].sort());
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(audit).toMatchObject({ territoryId: territory.id, entityType: "actor", action: "create" });
  });

  it("refuses a SIRET with a bad Luhn key with a French message beside the field, and writes nothing", async () => {
    const before = await counts();
    const e = await expectAppError(createActor(database.db, coordinator, territory, form({ siret: "13002526500014", communes: inCharente(3) })), "validation", "siret");
    expect(e.fieldErrors?.siret?.[0]).toMatch(/^Ce SIRET n'existe pas : sa clé de contrôle est fausse/);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["siret"]);
    expect(await counts()).toEqual(before);
  });

  it("checks the RNA format (W + 9 digits or letters)", async () => {
    const before = await counts();
    await expectAppError(createActor(database.db, coordinator, territory, form({ rna: "W12345" })), "validation", "rna");
    await expectAppError(createActor(database.db, coordinator, territory, form({ rna: "A161000123" })), "validation", "rna");
    expect(await counts()).toEqual(before);
    const ok = await createActor(database.db, coordinator, territory, form({ name: "Association RNA", rna: "w16a000123" }));
    expect(ok.rna).toBe("W16A000123");
  });

  it("refuses a second actor with the same SIRET: one shared registry", async () => {
    const e = await expectAppError(createActor(database.db, coordinator, territory, form({ name: "Doublon", siret: "13002526500013" })), "validation", "siret");
    expect(e.fieldErrors?.siret?.[0]).toContain("Maison des solidarités");
  });

  it("refuses an actor the territory would not see, and unknown communes", async () => {
    const before = await counts();
    const outside = await expectAppError(createActor(database.db, coordinator, territory, form({ communeCode: inVienne(0) })), "validation", "communeCode");
    expect(outside.fieldErrors?.communeCode?.[0]).toMatch(/située dans le territoire ou desservir/);
    const unknown = await expectAppError(createActor(database.db, coordinator, territory, form({ communeCode: "99999", communes: "16015, ABCDE" })), "validation", "communeCode");
    expect(unknown.fieldErrors).toEqual({ communeCode: ["« 99999 » : aucune commune de ce nom ni de ce code."], communes: ["« ABCDE » : aucune commune de ce nom ni de ce code."] });
    expect(await counts()).toEqual(before);
  });

  it("takes communes as people write them (names, postcodes, INSEE codes) and says what it did not understand", async () => {
    const a = await createActor(database.db, coordinator, territory, form({ name: "Structure aux communes écrites", communeCode: "angouleme 16000", communes: "Soyaux, 16200\nSaint-Simon" }));
    const seen = await findActor(database.db, territory.id, a.id);
    expect(seen?.communeCode).toBe("16015");
    const served = seen?.served.map((c) => c.code) ?? [];
    // Soyaux; every commune of 16200 (Jarnac, Fleurac, Houlette among them); the Charente Saint-Simon, not the Cantal one.
    for (const code of ["16374", "16167", "16139", "16165", "16352"]) expect(served).toContain(code);
    expect(served).not.toContain("15215");
    const typo = await expectAppError(createActor(database.db, coordinator, territory, form({ name: "Structure mal écrite", communeCode: "Barbesieux", communes: "16100 Cognac, Cogniac" })), "validation", "communeCode");
    expect(typo.fieldErrors?.communeCode?.[0]).toMatch(/^« Barbesieux » : aucune commune de ce nom\. Vouliez-vous dire : Barbezieux-Saint-Hilaire \(16300\)/);
    expect(typo.fieldErrors?.communes?.[0]).toMatch(/^« Cogniac » : aucune commune de ce nom\. Vouliez-vous dire : .*Cognac \(16100\)/);
    const postcode = await expectAppError(createActor(database.db, coordinator, territory, form({ name: "Structure au code postal", communeCode: "16100" })), "validation", "communeCode");
    expect(postcode.fieldErrors?.communeCode?.[0]).toMatch(/^« 16100 » désigne plusieurs communes : Cognac \(16100\), Châteaubernard \(16100\)/);
  });

  it("only coordinators (and admins) add actors", async () => {
    await expectAppError(createActor(database.db, partner, territory, form()), "forbidden");
    await expectAppError(createActor(database.db, strangerCoordinator, territory, form()), "forbidden");
    await expectAppError(createActor(database.db, { kind: "anonymous" }, territory, form()), "forbidden");
  });
});

describe("partners speak for their own actor", () => {
  it("a partner named by the coordinator edits its actor, but not another one", async () => {
    const own = await createActor(database.db, coordinator, territory, form({ name: "Espace numérique du partenaire" }));
    const other = await createActor(database.db, coordinator, territory, form({ name: "Autre structure" }));
    await expectAppError(updateActor(database.db, partner, territory, own.id, form({ name: "Tentative" })), "forbidden");

    await expectAppError(linkMember(database.db, partner, territory, own.id, { user: partnerId }), "forbidden");
    await linkMember(database.db, coordinator, territory, own.id, { user: partnerId });
    const updated = await updateActor(database.db, partner, territory, own.id, form({ name: "Espace numérique renommé" }));
    expect(updated).toMatchObject({ name: "Espace numérique renommé" });
    await addContact(database.db, partner, territory, own.id, { name: "Nora Responsable", role: "Directrice" });

    const before = await database.db.select().from(actors).where(eq(actors.id, other.id));
    await expectAppError(updateActor(database.db, partner, territory, other.id, form({ name: "Piraté" })), "forbidden");
    await expectAppError(addContact(database.db, partner, territory, other.id, { name: "Intrus" }), "forbidden");
    expect(await database.db.select().from(actors).where(eq(actors.id, other.id))).toEqual(before);

    const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, own.id));
    expect(audited.map((e) => [e.action, e.actorUserId])).toContainEqual(["update", partner.kind === "user" ? partner.userId : ""]);
    await unlinkMember(database.db, coordinator, territory, own.id, partner.kind === "user" ? partner.userId : "");
    await expectAppError(updateActor(database.db, partner, territory, own.id, form()), "forbidden");
  });

  it("links only members of the territory who may write, chosen by their account", async () => {
    const a = await createActor(database.db, coordinator, territory, form({ name: "Structure à lier" }));
    const outsider = await createUser(database.db);
    const unknown = await expectAppError(linkMember(database.db, coordinator, territory, a.id, { user: outsider.id }), "validation", "user");
    expect(unknown.fieldErrors?.user?.[0]).toMatch(/n'est pas membre du territoire/);
    const obs = await expectAppError(linkMember(database.db, coordinator, territory, a.id, { user: observerId }), "validation", "user");
    expect(obs.fieldErrors?.user?.[0]).toMatch(/a le rôle Observation : donnez-lui d'abord le rôle Partenaire/);
    // The select's first option ("Choisir une personne") sends nothing.
    const none = await expectAppError(linkMember(database.db, coordinator, territory, a.id, { user: "" }), "validation", "user");
    expect(none.fieldErrors?.user?.[0]).toBe("Choisissez la personne parmi les membres du territoire.");
    expect((await findActor(database.db, territory.id, a.id))?.speakerIds).toEqual([]);
  });

  it("offers partners and coordinators of the territory as speakers, by name and e-mail, never observers nor strangers", async () => {
    const offered = await speakerCandidates(database.db, territory.id);
    const ids = offered.map((c) => c.userId);
    expect(ids).toContain(partnerId);
    expect(ids).toContain(coordinatorId);
    expect(ids).not.toContain(observerId);
    expect(ids).not.toContain(strangerId);
    expect(offered.find((c) => c.userId === partnerId)).toMatchObject({ email: partnerEmail, role: "partner" });
  });
});

describe("a partner asks which structure it speaks for; the coordination confirms", () => {
  it("a request gives no right until confirmed; confirming makes the partner a speaker", async () => {
    const asked = await createActor(database.db, coordinator, territory, form({ name: "Maison France services demandée" }));
    await requestToSpeak(database.db, partner, territory, asked.id);
    // Asking twice is harmless: one request.
    expect((await requestToSpeak(database.db, partner, territory, asked.id)).created).toBe(false);
    expect((await pendingSpeakerRequests(database.db, territory.id, asked.id)).map((r) => r.userId)).toEqual([partnerId]);
    expect((await structuresOf(database.db, territory.id, partnerId)).requested.map((r) => r.name)).toContain("Maison France services demandée");
    // Claiming is not owning.
    await expectAppError(updateActor(database.db, partner, territory, asked.id, form({ name: "Pris sans accord" })), "forbidden");
    // Neither the partner itself nor an observer answers the request.
    await expectAppError(answerSpeakerRequest(database.db, partner, territory, asked.id, { user: partnerId, decision: "confirm" }), "forbidden");
    await expectAppError(requestToSpeak(database.db, observer, territory, asked.id), "forbidden");

    await answerSpeakerRequest(database.db, coordinator, territory, asked.id, { user: partnerId, decision: "confirm" });
    expect(await pendingSpeakerRequests(database.db, territory.id, asked.id)).toEqual([]);
    expect((await structuresOf(database.db, territory.id, partnerId)).spoken.map((r) => r.name)).toContain("Maison France services demandée");
    expect((await updateActor(database.db, partner, territory, asked.id, form({ name: "Maison France services" }))).name).toBe("Maison France services");
    await expectAppError(requestToSpeak(database.db, partner, territory, asked.id), "validation", "actor");
    await unlinkMember(database.db, coordinator, territory, asked.id, partnerId);
  });

  it("a refused request is dropped and leaves no right; answering it twice says it no longer exists", async () => {
    const asked = await createActor(database.db, coordinator, territory, form({ name: "Structure revendiquée" }));
    await requestToSpeak(database.db, partner, territory, asked.id);
    await answerSpeakerRequest(database.db, coordinator, territory, asked.id, { user: partnerId, decision: "refuse" });
    expect(await pendingSpeakerRequests(database.db, territory.id, asked.id)).toEqual([]);
    expect((await findActor(database.db, territory.id, asked.id))?.speakerIds).toEqual([]);
    await expectAppError(answerSpeakerRequest(database.db, coordinator, territory, asked.id, { user: partnerId, decision: "confirm" }), "not_found");
    const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, asked.id));
    expect(audited.map((e) => [e.entityType, e.action])).toEqual(expect.arrayContaining([["actor_speaker_request", "create"], ["actor_speaker_request", "refuse"]]));
  });
});

describe("the coordination's follow-up is not the partner's to change", () => {
  it("a partner speaking for the actor cannot set its status « engagé / à mobiliser » nor its notes", async () => {
    const own = await createActor(database.db, coordinator, territory, form({ name: "Structure suivie" }));
    await setFollowUp(database.db, coordinator, territory, own.id, { status: "to_mobilise", notes: "À rencontrer en janvier." });
    await linkMember(database.db, coordinator, territory, own.id, { user: partnerId });
    await expectAppError(setFollowUp(database.db, partner, territory, own.id, { status: "engaged", notes: "" }), "forbidden");
    // Nor through the fiche it may edit: a status sent with the actor's fields is ignored.
    await updateActor(database.db, partner, territory, own.id, form({ name: "Structure suivie", status: "engaged" }));
    expect(await findActor(database.db, territory.id, own.id)).toMatchObject({ status: "to_mobilise", notes: "À rencontrer en janvier." });
    await unlinkMember(database.db, coordinator, territory, own.id, partnerId);
  });
});

describe("private contacts", () => {
  it("are listed for members only, never in the public data nor in the exports", async () => {
    const a = await createActor(database.db, coordinator, territory, form({ name: "Structure aux contacts", publicEmail: "accueil@structure.test" }));
    const contact = await addContact(database.db, coordinator, territory, a.id, { name: "Jeanne Secrète", role: "Présidente", email: "jeanne.secrete@prive.test", phone: "06 00 00 00 00" });

    expect((await listContacts(database.db, territory.id, a.id)).map((c) => c.email)).toEqual(["jeanne.secrete@prive.test"]);
    // Seen from another territory the actor does not exist, and neither do its contacts.
    expect(await listContacts(database.db, elsewhere.id, a.id)).toEqual([]);
    for (const person of [observer, partner, coordinator]) expect(actorPolicy.viewPrivateContacts(person, territory, { speakerIds: [] })).toBe(true);
    for (const person of [strangerCoordinator, { kind: "anonymous" } as const]) expect(actorPolicy.viewPrivateContacts(person, territory, { speakerIds: [] })).toBe(false);

    const details = JSON.stringify(await findActor(database.db, territory.id, a.id));
    expect(details).toContain("accueil@structure.test");
    expect(details).not.toMatch(/Jeanne|secrete|06 00/);

    const list = await actorsForExport(database.db, territory.id);
    const exported = [toCsv(list), await xlsxText(await toXlsx(list)), odsContent(toOds(list))];
    for (const text of exported) {
      expect(text).toContain("accueil@structure.test");
      expect(text).not.toMatch(/Jeanne|secrete|06 00 00 00 00/);
    }

    await removeContact(database.db, coordinator, territory, a.id, contact.id);
    expect(await database.db.select().from(actorContacts).where(eq(actorContacts.id, contact.id))).toEqual([]);
    await expectAppError(removeContact(database.db, coordinator, territory, a.id, contact.id), "not_found");
  });
});

describe("tenancy: one registry, seen by perimeter and by served communes", () => {
  it("an actor in Charente is not visible from a territory elsewhere", async () => {
    const a = await createActor(database.db, coordinator, territory, form({ name: "Médiathèque charentaise" }));
    expect(await findActor(database.db, elsewhere.id, a.id)).toBeUndefined();
    expect((await listActors(database.db, elsewhere.id, { q: "mediatheque charentaise" }, 1)).total).toBe(0);
    expect((await actorsForExport(database.db, elsewhere.id)).some((x) => x.id === a.id)).toBe(false);
    // Nor writable from there: the coordinator of Vienne does not see it.
    await expectAppError(updateActor(database.db, strangerCoordinator, elsewhere, a.id, form()), "not_found");
    await expectAppError(updateActor(database.db, strangerCoordinator, territory, a.id, form()), "forbidden");
  });

  it("an actor located elsewhere that serves a Charente commune is visible in Charente, once", async () => {
    const viennese = await createUser(database.db);
    await addMember(database.db, elsewhere.id, viennese.id, "coordinator");
    const vienneCoordinator = await principalOf(database.db, viennese.id);
    const a = await createActor(database.db, vienneCoordinator, elsewhere, form({ name: "Association poitevine", communeCode: inVienne(1), communes: `${inVienne(1)} ${inCharente(5)} ${inCharente(6)}` }));
    expect((await findActor(database.db, territory.id, a.id))?.name).toBe("Association poitevine");
    const seen = await listActors(database.db, territory.id, { q: "poitevine" }, 1);
    expect(seen.items.map((i) => i.id)).toEqual([a.id]);
    expect((await listActors(database.db, elsewhere.id, { q: "poitevine" }, 1)).total).toBe(1);
    const [n] = await database.db.select({ n: count() }).from(actors).where(eq(actors.name, "Association poitevine"));
    expect(n?.n).toBe(1);
    expect((await communesWithActors(database.db, territory.id)).map((c) => c.code)).toContain(inCharente(5));
    expect((await listActors(database.db, territory.id, { commune: inCharente(6) }, 1)).items.map((i) => i.id)).toContain(a.id);
  });
});

describe("listing and searching", () => {
  it("search ignores accents and case; filters by world, legal type, status and commune", async () => {
    const fede = await createActor(database.db, coordinator, territory, form({ name: "Fédération Départementale des Foyers Ruraux", legalType: "association", worlds: ["culture", "habitants"], status: "to_mobilise", communeCode: inCharente(10) }));
    await createActor(database.db, coordinator, territory, form({ name: "Bailleur Habitat Charente", legalType: "bailleur_social", worlds: ["social"], communeCode: inCharente(11) }));
    const ids = async (f: Parameters<typeof listActors>[2]) => (await listActors(database.db, territory.id, f, 1)).items.map((i) => i.id);
    expect(await ids({ q: "federation" })).toEqual([fede.id]);
    expect(await ids({ q: "FÉDÉRATION foyers" })).toEqual([fede.id]);
    expect(await ids({ q: "departementale ruraux" })).toEqual([fede.id]);
    expect(await ids({ q: "federation 100%" })).toEqual([]);
    expect(await ids({ world: "habitants" })).toEqual([fede.id]);
    expect(await ids({ world: "culture", status: "to_mobilise", legalType: "association" })).toEqual([fede.id]);
    expect(await ids({ world: "culture", status: "engaged" })).toEqual([]);
    expect(await ids({ commune: inCharente(10) })).toEqual([fede.id]);
    const all = await listActors(database.db, territory.id, {}, 1);
    expect(all.total).toBeGreaterThan(5);
    expect(all.items.map((i) => i.name)).toEqual([...all.items.map((i) => i.name)].sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" })));
  });
});

describe("exports of the territory's actors", () => {
  it("neutralise formula cells; XLSX reads back with exceljs and ODS unzips to the same cells", async () => {
    const a = await createActor(database.db, coordinator, territory, form({ name: "=1+1 Structure piégée", description: "@SUM(1)", publicPhone: "+33 5 45 00 00 00", communeCode: inCharente(20) }));
    await setFollowUp(database.db, coordinator, territory, a.id, { status: "engaged" });
    const list = await actorsForExport(database.db, territory.id, { commune: inCharente(20) });
    expect(list.map((x) => x.id)).toEqual([a.id]);
    const csv = toCsv(list);
    expect(csv.startsWith("\uFEFFNom;")).toBe(true);
    expect(csv).toContain("'=1+1 Structure piégée;");
    expect(csv).toContain("'+33 5 45 00 00 00");

    const sheet = await xlsxSheet(await toXlsx(list));
    expect(sheet?.getCell("A2").value).toBe("'=1+1 Structure piégée");
    expect(sheet?.getCell("M2").value).toBe("'@SUM(1)");
    expect(sheet?.getCell("F2").value).toBe("Engagé");

    const content = odsContent(toOds(list));
    expect(content).toContain("<text:p>'=1+1 Structure piégée</text:p>");
    expect(content).toContain("<text:p>'@SUM(1)</text:p>");
  });
});

import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createCampaign } from "./commands/campaigns";
import { loadDraftContext, saveStep, startResponse, type Respondent } from "./commands/answers";
import { setExcluded } from "./commands/moderation";
import { exportTable, responsesForExport, writeExport } from "./export";
import { fieldName, otherFieldName, outsideFieldName, shownFieldName, type Structure } from "./logic";
import { findCampaign, loadQuestionnaire } from "./queries";
import { cachedResults, computeResults, crossTabulate, filtersQuery, noFilters, parseFilters, textAnswers, type QuestionResult, type Results } from "./results";
import type { Campaign } from "./schema";
import { buildFixture, type Fixture } from "./test-fixture";

// Five responses written by hand; every expected figure below is counted from this list.
//      ordinateur  usages                   pourquoi     aise  âge            foyer  commune      atelier  campagne
// R1   oui         courriels, vidéos        —            4     moins de 30    2      Angoulême    —        web 1
// R2   non         —                        Trop cher    1     60 ou plus     1      Cognac       oui      web 1
// R3   oui         courriels, autre (=SOMME) —           5     30 à 59        4      hors         —        web 1
// R4   non         vidéos                   —            1     60 ou plus     1      Angoulême    non      web 1
// R5   oui         —                        —            3     60 ou plus     —      Angoulême    —        papier, campagne 2

let database: Database;
let territory: Territory;
let coordinator: Principal;
let fixture: Fixture;
let structure: Structure;
let first: Campaign;
let second: Campaign;
const ids: string[] = [];

const f = (key: string) => fieldName(fixture.q[key] as string);

async function respond(camp: Campaign, respondent: Respondent, screens: Record<string, string | string[]>[]) {
  const { token } = await startResponse(database.db, camp, respondent);
  // The screen to save is the one the previous save led to (a follow-up screen may be skipped).
  let step = 1;
  for (const [i, form] of screens.entries()) {
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    if (i === 0) ids.push(context.draft.id);
    const outcome = await saveStep(database.db, context, respondent, step, form, { finish: i === screens.length - 1, clientKey: `client-${ids.length}` });
    if ("next" in outcome) step = outcome.next;
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  territory = await createTestTerritory(db, { name: "Charente", slug: "charente-resultats", kind: "departement", code: "16" });
  const c = await createUser(db);
  await addMember(db, territory.id, c.id, "coordinator");
  coordinator = await principalOf(db, c.id);
  fixture = await buildFixture(db, coordinator, territory, { publish: true });
  structure = (await loadQuestionnaire(db, territory.id, fixture.id))?.structure ?? { sections: [] };
  first = (await findCampaign(db, territory.id, fixture.id, (await createCampaign(db, coordinator, territory, fixture.id, { label: "En ligne" })).id)) as Campaign;
  second = (await findCampaign(db, territory.id, fixture.id, (await createCampaign(db, coordinator, territory, fixture.id, { label: "Forum" })).id)) as Campaign;
  const web: Respondent = { kind: "web" };
  await respond(first, web, [
    { [f("ordinateur")]: "oui", [f("usages")]: ["courriels", "videos"], [f("aise")]: "4" },
    { [f("age")]: "moins-de-30-ans", [f("foyer")]: "2", [f("commune")]: "Angoulême" },
  ]);
  await respond(first, web, [
    // "pourquoi" revealed on the screen by the page's script (its hidden field sent): no follow-up screen.
    { [f("ordinateur")]: "non", [f("pourquoi")]: "Trop cher", [shownFieldName(fixture.q.pourquoi as string)]: "1", [f("aise")]: "1" },
    { [f("age")]: "60-ans-ou-plus", [f("foyer")]: "1", [f("commune")]: "Cognac", [f("atelier")]: "oui" },
  ]);
  await respond(first, web, [
    { [f("ordinateur")]: "oui", [f("usages")]: "courriels", [otherFieldName(fixture.q.usages as string)]: "=SOMME(A1)", [f("aise")]: "5" },
    { [f("age")]: "30-a-59-ans", [f("foyer")]: "4", [outsideFieldName(fixture.q.commune as string)]: "on" },
  ]);
  await respond(first, web, [
    { [f("ordinateur")]: "non", [f("usages")]: "videos", [shownFieldName(fixture.q.pourquoi as string)]: "1", [f("aise")]: "1" },
    { [f("age")]: "60-ans-ou-plus", [f("foyer")]: "1", [f("commune")]: "16000", [f("atelier")]: "non" },
  ]);
  await respond(second, { kind: "paper", principal: coordinator }, [
    { [f("ordinateur")]: "oui", [f("aise")]: "3" },
    { [f("age")]: "60-ans-ou-plus", [f("commune")]: "Angoulême" },
  ]);
  // A draft never sent does not count.
  const { token } = await startResponse(db, first, web);
  const context = await loadDraftContext(db, token);
  if (context) await saveStep(db, context, web, 1, { [f("ordinateur")]: "non", [f("aise")]: "2" }, { finish: false });
});
afterAll(async () => {
  await database?.close();
});

const of = (results: Results, key: string) => results.questions.find((q) => q.id === fixture.q[key]) as QuestionResult;
const counts = (q: QuestionResult) => Object.fromEntries(q.rows.map((r) => [r.value, r.count]));

describe("results", () => {
  it("say to how many people a conditional question was asked: those whose earlier answer called for it", async () => {
    const results = await computeResults(database.db, territory.id, fixture.id, structure);
    // pourquoi (if Q1 ordinateur = non): R2 and R4; answered by R2 only.
    expect(of(results, "pourquoi").asked).toEqual({ to: 2, of: 5, after: 1 });
    expect(of(results, "pourquoi").answered).toBe(1);
    // atelier (if Q4 aise = 1): R2 and R4, both answered.
    expect(of(results, "atelier").asked).toEqual({ to: 2, of: 5, after: 4 });
    expect(of(results, "atelier").rows.map((r) => [r.value, r.count, r.percent])).toEqual([
      ["oui", 1, 50],
      ["non", 1, 50],
    ]);
    expect(of(results, "ordinateur").asked).toBeUndefined();
    // Within the filters: the paper campaign (R5, aise = 3) asked atelier to nobody.
    const forum = await computeResults(database.db, territory.id, fixture.id, structure, { ...noFilters, campaignId: second.id });
    expect(of(forum, "atelier").asked).toEqual({ to: 0, of: 1, after: 4 });
  });

  it("count each answer, with percentages of the people who answered the question", async () => {
    const results = await computeResults(database.db, territory.id, fixture.id, structure);
    expect(results.responses).toBe(5);
    const ordinateur = of(results, "ordinateur");
    expect(ordinateur.answered).toBe(5);
    expect(counts(ordinateur)).toEqual({ oui: 3, non: 2 });
    expect(ordinateur.rows.map((r) => r.percent)).toEqual([60, 40]);
    const usages = of(results, "usages");
    expect(usages.answered).toBe(3);
    expect(counts(usages)).toEqual({ courriels: 2, demarches: 0, videos: 2, autre: 1 });
    expect(usages.rows.find((r) => r.value === "autre")?.percent).toBeCloseTo(100 / 3, 5);
    expect(usages.texts.map((t) => t.text)).toEqual(["=SOMME(A1)"]);
    const aise = of(results, "aise");
    expect(counts(aise)).toEqual({ 1: 2, 2: 0, 3: 1, 4: 1, 5: 1 });
    expect(aise.rows[0]?.label).toBe("1 — Pas du tout");
    expect(aise.stats).toEqual({ mean: 2.8, median: 3, min: 1, max: 5 });
    const foyer = of(results, "foyer");
    expect(foyer.answered).toBe(4);
    expect(counts(foyer)).toEqual({ 1: 2, 2: 1, 4: 1 });
    expect(foyer.stats).toEqual({ mean: 2, median: 1.5, min: 1, max: 4 });
    expect(of(results, "commune").rows.map((r) => [r.label, r.count])).toEqual([
      ["Angoulême", 3],
      ["Cognac", 1],
      ["Hors du territoire", 1],
    ]);
    expect(counts(of(results, "atelier"))).toEqual({ oui: 1, non: 1 });
    expect(of(results, "pourquoi").textCount).toBe(1);
    expect(of(results, "courriel").answered).toBe(0);
  });

  it("filter by a profile answer, by commune and by campaign", async () => {
    const sixty = await computeResults(database.db, territory.id, fixture.id, structure, { profile: [{ questionId: fixture.q.age as string, value: "60-ans-ou-plus" }] });
    expect(sixty.responses).toBe(3);
    expect(counts(of(sixty, "ordinateur"))).toEqual({ oui: 1, non: 2 });
    const angouleme = await computeResults(database.db, territory.id, fixture.id, structure, { commune: "16015", profile: [] });
    expect(angouleme.responses).toBe(3);
    expect(counts(of(angouleme, "aise"))).toEqual({ 1: 1, 2: 0, 3: 1, 4: 1, 5: 0 });
    const online = await computeResults(database.db, territory.id, fixture.id, structure, { campaignId: first.id, profile: [] });
    expect(online.responses).toBe(4);
    // Both filters at once: aged 60 or more and living in Angoulême (R4, R5).
    const both = await computeResults(database.db, territory.id, fixture.id, structure, { commune: "16015", profile: [{ questionId: fixture.q.age as string, value: "60-ans-ou-plus" }] });
    expect(both.responses).toBe(2);
  });

  it("read the filters from the page address, and ignore values that are not choices of the question", () => {
    const query = filtersQuery({ campaignId: first.id, commune: "16015", profile: [{ questionId: fixture.q.age as string, value: "60-ans-ou-plus" }] });
    const parsed = parseFilters(Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, v])), structure);
    expect(parsed).toEqual({ campaignId: first.id, commune: "16015", profile: [{ questionId: fixture.q.age, value: "60-ans-ou-plus" }] });
    expect(parseFilters({ f: `${fixture.q.age}:inconnu`, commune: "'; drop table", campagne: "x" }, structure)).toEqual(noFilters);
  });

  it("cross two questions, multiple choices included", async () => {
    const results = await computeResults(database.db, territory.id, fixture.id, structure);
    const tab = await crossTabulate(database.db, territory.id, fixture.id, structure, results, fixture.q.age as string, fixture.q.ordinateur as string);
    expect(tab?.rows.map((r) => r.value)).toEqual(["moins-de-30-ans", "30-a-59-ans", "60-ans-ou-plus"]);
    expect(tab?.columns.map((c) => c.value)).toEqual(["oui", "non"]);
    expect(tab?.counts).toEqual([
      [1, 0],
      [1, 0],
      [1, 2],
    ]);
    expect(tab?.rowTotals).toEqual([1, 1, 3]);
    const multi = await crossTabulate(database.db, territory.id, fixture.id, structure, results, fixture.q.usages as string, fixture.q.ordinateur as string);
    expect(multi?.counts).toEqual([
      [2, 0],
      [0, 0],
      [1, 1],
      [1, 0],
    ]);
    expect(multi?.rowTotals).toEqual([2, 0, 2, 1]);
    // A free-text question cannot be crossed.
    expect(await crossTabulate(database.db, territory.id, fixture.id, structure, results, fixture.q.pourquoi as string, fixture.q.age as string)).toBeUndefined();
  });

  it("list free texts page by page", async () => {
    const page = await textAnswers(database.db, territory.id, fixture.id, structure, fixture.q.pourquoi as string, noFilters, 1);
    expect(page.total).toBe(1);
    expect(page.items.map((i) => i.text)).toEqual(["Trop cher"]);
  });
});

describe("export of raw answers", () => {
  it("has one row per response and one column per question, multiple choices expanded in 0/1 columns plus the « autre » text", async () => {
    const table = exportTable(structure, await responsesForExport(database.db, territory.id, fixture.id));
    const header = table[0] as string[];
    expect(header.length).toBe(19);
    expect(header.slice(5, 12)).toEqual([
      "Q1. Avez-vous un ordinateur ?",
      "Q2. Courriels",
      "Q2. Démarches",
      "Q2. Vidéos",
      "Q2. Autre",
      "Q2. Autre, précisez",
      "Q3. Pourquoi pas d'ordinateur ?",
    ]);
    expect(header.slice(15, 17)).toEqual(["Q7. Votre commune", "Q7. Code INSEE"]);
    expect(table.length).toBe(6);
    const col = (name: string) => header.indexOf(name);
    const r1 = table[1] as (string | number | null)[];
    const r2 = table[2] as (string | number | null)[];
    const r3 = table[3] as (string | number | null)[];
    expect([r1[col("Q2. Courriels")], r1[col("Q2. Démarches")], r1[col("Q2. Vidéos")], r1[col("Q2. Autre")]]).toEqual([1, 0, 1, 0]);
    // R2 did not answer Q2: empty cells, not zeros.
    expect([r2[col("Q2. Courriels")], r2[col("Q2. Autre")]]).toEqual([null, null]);
    // A formula typed in an answer never runs in the reader's spreadsheet.
    expect(r3[col("Q2. Autre, précisez")]).toBe("'=SOMME(A1)");
    expect(r3[col("Q7. Votre commune")]).toBe("Hors du territoire");
    expect(r1[col("Q7. Code INSEE")]).toBe("16015");
    expect(r1[col("Q4. À l'aise ?")]).toBe(4);
    expect((table[5] as (string | number | null)[])[col("Saisie")]).toBe("questionnaire papier");
  });

  it("reads back from XLSX with numbers as numbers, and from CSV and ODS", async () => {
    const table = exportTable(structure, await responsesForExport(database.db, territory.id, fixture.id));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await writeExport("xlsx", table)) as Uint8Array) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Réponses");
    expect(sheet?.rowCount).toBe(6);
    expect(sheet?.getRow(1).getCell(6).value).toBe("Q1. Avez-vous un ordinateur ?");
    expect(sheet?.getRow(2).getCell(6).value).toBe("Oui");
    expect(sheet?.getRow(2).getCell(7).value).toBe(1);
    expect(sheet?.getRow(4).getCell(11).value).toBe("'=SOMME(A1)");
    const csv = (await writeExport("csv", table)) as string;
    expect(csv.startsWith("\uFEFFRéponse n°;Envoyée le;")).toBe(true);
    expect(csv.split("\r\n").length).toBe(7);
    const ods = Buffer.from((await writeExport("ods", table)) as Uint8Array);
    expect(ods.subarray(30, 38).toString()).toBe("mimetype");
    const content = odsContentXml(ods);
    expect(content).toContain(`<table:table-cell office:value-type="float" office:value="4"><text:p>4</text:p></table:table-cell>`);
    expect(content).toContain("<text:p>'=SOMME(A1)</text:p>");
  });

  it("leaves out responses set aside by the coordinator (and the results too, cached or not)", async () => {
    expect((await cachedResults(database.db, territory.id, fixture.id, structure)).responses).toBe(5);
    await setExcluded(database.db, coordinator, territory, fixture.id, { ids: [ids[2] as string] }, true);
    const without = await computeResults(database.db, territory.id, fixture.id, structure);
    expect(without.responses).toBe(4);
    // R3 (ordinateur oui; courriels + autre) no longer counts, in any question.
    expect(counts(of(without, "ordinateur"))).toEqual({ oui: 2, non: 2 });
    expect(of(without, "usages").answered).toBe(2);
    expect(counts(of(without, "usages"))).toEqual({ courriels: 1, demarches: 0, videos: 2, autre: 0 });
    expect(of(without, "usages").textCount).toBe(0);
    expect((await cachedResults(database.db, territory.id, fixture.id, structure)).responses).toBe(4);
    expect(exportTable(structure, await responsesForExport(database.db, territory.id, fixture.id)).length).toBe(5);
    await setExcluded(database.db, coordinator, territory, fixture.id, { ids: [ids[2] as string] }, false);
    expect((await computeResults(database.db, territory.id, fixture.id, structure)).responses).toBe(5);
    expect((await cachedResults(database.db, territory.id, fixture.id, structure)).responses).toBe(5);
  });
});

/** content.xml of an ODS, found by walking the zip's local headers (ods.ts writes no data descriptors). */
function odsContentXml(bytes: Buffer): string {
  let offset = 0;
  while (bytes.readUInt32LE(offset) === 0x04034b50) {
    const method = bytes.readUInt16LE(offset + 8);
    const size = bytes.readUInt32LE(offset + 18);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extra = bytes.readUInt16LE(offset + 28);
    const name = bytes.subarray(offset + 30, offset + 30 + nameLength).toString();
    const start = offset + 30 + nameLength + extra;
    const body = bytes.subarray(start, start + size);
    if (name === "content.xml") return (method === 8 ? inflateRawSync(body) : body).toString("utf8");
    offset = start + size;
  }
  return "";
}

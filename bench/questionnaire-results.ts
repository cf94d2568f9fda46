// Participatory questionnaires: the results page of a questionnaire with 10,000 responses and 30 questions,
// in-process, on PGlite and on PostgreSQL (throwaway cluster), side by side.
//   npx tsx bench/questionnaire-results.ts      (RESPONSES=10000 RUNS=15)
//
// Data: a territory (Charente, 364 communes) and a copy of the inhabitants' template (22 questions) plus a
// part of 8 more (3 single choices, 2 multiple, a scale, a number, a short text): 30 questions. RESPONSES
// responses generated as the demo generates them (coherent profiles, communes weighted by population), the
// 8 extra questions answered at random; written in batches, then VACUUM ANALYZE.
//
// Measures (median and p95 of RUNS after one cold run; CPU of other processes reported):
//   - the page, cold: its data (results + campaigns + communes of the commune filter, as the page asks
//     them) and its 30 charts, with the results cache and the charts cache emptied before each run;
//   - the page, warm: the same from the caches (what a second visit costs until a response arrives);
//   - results: computeResults alone, every question counted, no filter (no cache);
//   - results with a profile filter (age = 60–74) and with a commune filter (Angoulême);
//   - cross-tabulation (age × ease);
//   - charts: the 30 bar charts drawn as plain SVG on the server (ECharts until issue 8: 5–60 ms each);
//   - export: every answer read, the table built, written as CSV, XLSX and ODS.
// Target (PASS/FAIL): the page (data + charts) < 300 ms (median), cold and warm, on each database.
import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import { prepareDatabase } from "@/boot";
import { openDatabase, type Database } from "@/platform/db/client";
import { loadUserPrincipal } from "@/platform/auth/principals";
import { communes } from "@/modules/geo/schema";
import { territoryCommunes } from "@/modules/territories/schema";
import { addQuestion, addSection, createQuestionnaire, publishQuestionnaire } from "@/modules/questionnaires/commands/builder";
import { createCampaign } from "@/modules/questionnaires/commands/campaigns";
import { exportTable, responsesForExport, writeExport } from "@/modules/questionnaires/export";
import { allQuestions } from "@/modules/questionnaires/logic";
import { answeredCommunes, listCampaigns, loadQuestionnaire } from "@/modules/questionnaires/queries";
import { cachedResults, clearResultsCache, computeResults, crossTabulate, type ResultFilters } from "@/modules/questionnaires/results";
import { templates } from "@/modules/questionnaires/templates";
import { clearChartCache, questionChart } from "@/modules/questionnaires/ui/charts";
import { questionForm } from "@/modules/questionnaires/test-fixture";
import { addMember, createTestTerritory, createUser } from "@/demo/factories";
import { generator, inhabitantAnswers, templateIds, writeResponses } from "@/demo/questionnaires";
import { createPgDatabase, machine, machineBusyMs, main, median, ms, percentile, seconds, startPgCluster, tempDir, waitForQuiet } from "./lib";

const RESPONSES = Number(process.env.RESPONSES ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 15);
const TARGET_MS = 300;

type Prepared = { database: Database; territoryId: string; questionnaireId: string; prepareMs: number; answers: number };

async function prepare(database: Database): Promise<Prepared> {
  const t0 = performance.now();
  await prepareDatabase(database, { DEMO: false });
  const db = database.db;
  const territory = await createTestTerritory(db, { name: "Charente", slug: "charente-bench", kind: "departement", code: "16" });
  const user = await createUser(db);
  await addMember(db, territory.id, user.id, "coordinator");
  const principal = await loadUserPrincipal(db, user.id);
  const { id } = await createQuestionnaire(db, principal, territory, { origin: "habitants" });
  const version = async () => (await loadQuestionnaire(db, territory.id, id))?.questionnaire.version ?? 0;
  const section = await addSection(db, principal, territory, id, { title: "Questions du bench", version: await version() });
  const extra: { type: string; label: string; choices?: string[] }[] = [
    { type: "single", label: "Extra 1", choices: ["A", "B", "C", "D"] },
    { type: "single", label: "Extra 2", choices: ["Oui", "Non"] },
    { type: "single", label: "Extra 3", choices: ["Un", "Deux", "Trois", "Quatre", "Cinq", "Six"] },
    { type: "multiple", label: "Extra 4", choices: ["P", "Q", "R", "S", "T"] },
    { type: "multiple", label: "Extra 5", choices: ["V", "W", "X"] },
    { type: "scale", label: "Extra 6" },
    { type: "number", label: "Extra 7" },
    { type: "short_text", label: "Extra 8" },
  ];
  for (const q of extra) await addQuestion(db, principal, territory, id, { ...questionForm(section.id, q), version: await version() });
  await publishQuestionnaire(db, principal, territory, id, { version: await version() });
  const campaign = await createCampaign(db, principal, territory, id, { label: "Bench" });
  const loaded = await loadQuestionnaire(db, territory.id, id);
  if (!loaded) throw new Error("questionnaire not found");
  const questions = allQuestions(loaded.structure);
  if (questions.length !== 30) throw new Error(`expected 30 questions, got ${questions.length}`);
  const places = await db
    .select({ code: communes.code, population: communes.population })
    .from(territoryCommunes)
    .innerJoin(communes, eq(communes.code, territoryCommunes.communeCode))
    .where(eq(territoryCommunes.territoryId, territory.id))
    .orderBy(communes.code);
  const rng = generator(2027);
  const answers = inhabitantAnswers(rng, RESPONSES, templateIds(templates.habitants, loaded.structure), places);
  const extraQuestions = questions.slice(22);
  for (const a of answers) {
    for (const q of extraQuestions) {
      if (rng.chance(0.15)) continue;
      const keys = (q.settings.choices ?? []).map((c) => c.value);
      if (q.type === "single") a.set(q.id, { key: rng.one(keys) });
      else if (q.type === "multiple") a.set(q.id, { keys: keys.filter(() => rng.chance(0.4)) });
      else if (q.type === "scale") a.set(q.id, { number: 1 + Math.floor(rng.next() * 5) });
      else if (q.type === "number") a.set(q.id, { number: Math.floor(rng.next() * 40) });
      else if (rng.chance(0.3)) a.set(q.id, { text: `Réponse libre ${Math.floor(rng.next() * 1000)}` });
    }
    for (const [k, v] of a) if (v.keys && v.keys.length === 0) a.delete(k);
  }
  await writeResponses(db, { territoryId: territory.id, questionnaireId: id, campaignId: campaign.id }, answers, rng, { paperShare: 0.1, enteredBy: user.id, days: 60 });
  await database.exec("vacuum analyze");
  const total = answers.reduce((n, a) => n + a.size, 0);
  return { database, territoryId: territory.id, questionnaireId: id, prepareMs: performance.now() - t0, answers: total };
}

type Measure = { name: string; cold: number; runs: number[]; busy: number };

async function measure(name: string, fn: () => Promise<unknown>): Promise<Measure> {
  const c0 = performance.now();
  await fn();
  const cold = performance.now() - c0;
  const runs: number[] = [];
  const busy0 = machineBusyMs();
  const self0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  const wall = performance.now() - w0;
  const self = process.cpuUsage(self0);
  // Other processes' CPU during the runs, in cores (PostgreSQL's own work counts here too).
  const busy = (machineBusyMs() - busy0 - (self.user + self.system) / 1000) / wall;
  return { name, cold, runs, busy };
}

async function run(kind: "pglite" | "postgres", database: Database) {
  const prep = await prepare(database);
  const { territoryId: t, questionnaireId: q } = prep;
  const db = database.db;
  const loaded = await loadQuestionnaire(db, t, q);
  if (!loaded) throw new Error("questionnaire not found");
  const { structure } = loaded;
  const questions = allQuestions(structure);
  const age = questions.find((x) => x.label === "Quel âge avez-vous ?");
  const ease = questions.find((x) => x.label === "Vous sentez-vous à l'aise avec le numérique ?");
  const communeQuestion = questions.find((x) => x.type === "commune");
  if (!age || !ease || !communeQuestion) throw new Error("template questions not found");
  const results = await computeResults(db, t, q, structure);
  const profile: ResultFilters = { profile: [{ questionId: age.id, value: "60-a-74-ans" }] };
  const commune: ResultFilters = { commune: "16015", profile: [] };
  const pageData = () => Promise.all([cachedResults(db, t, q, structure), listCampaigns(db, t, q), answeredCommunes(db, t, communeQuestion.id)]);
  const page = async () => (await pageData())[0].questions.map(questionChart);
  const data = await responsesForExport(db, t, q);
  const table = exportTable(structure, data);
  const measures = [
    await measure("page, cold: data + 30 charts, caches emptied", async () => {
      clearResultsCache();
      clearChartCache();
      await page();
    }),
    await measure("page, warm: data + 30 charts, from the caches", page),
    await measure("results (30 questions, no filter)", () => computeResults(db, t, q, structure)),
    await measure("results, profile filter (age 60–74)", () => computeResults(db, t, q, structure, profile)),
    await measure("results, commune filter (Angoulême)", () => computeResults(db, t, q, structure, commune)),
    await measure("cross-tabulation age × ease", () => crossTabulate(db, t, q, structure, results, age.id, ease.id)),
    await measure("30 charts (plain SVG bars), no cache", async () => {
      clearChartCache();
      results.questions.map(questionChart);
    }),
    await measure("export: read every answer", () => responsesForExport(db, t, q)),
    await measure("export: build the table", async () => exportTable(structure, data)),
    await measure("export: write CSV", () => writeExport("csv", table)),
    await measure("export: write XLSX (exceljs)", () => writeExport("xlsx", table)),
    await measure("export: write ODS", () => writeExport("ods", table)),
  ];
  const [{ n } = { n: 0 }] = ((await db.execute(sql`select count(*)::int as n from questionnaire_responses where questionnaire_id = ${q} and submitted_at is not null`)) as unknown as { rows: { n: number }[] }).rows;
  return { kind, prep, measures, responses: n, shownResponses: results.responses };
}

function report(r: Awaited<ReturnType<typeof run>>) {
  console.log(`\n-- ${r.kind === "pglite" ? "PGlite (embedded, in-process)" : "PostgreSQL 15"} --`);
  console.log(`  prepared in ${seconds(r.prep.prepareMs)}: ${r.responses} responses (${r.shownResponses} counted), ${r.prep.answers} answers, 30 questions`);
  for (const m of r.measures) {
    console.log(`  ${m.name.padEnd(44)} cold ${ms(m.cold).padStart(8)}  median ${ms(median(m.runs)).padStart(8)}  p95 ${ms(percentile(m.runs, 95)).padStart(8)}  (other processes: ${m.busy.toFixed(2)} cores)`);
  }
}

await main(async () => {
  delete process.env.DATABASE_URL;
  console.log(`== bench/questionnaire-results.ts: results of a questionnaire with ${RESPONSES} responses and 30 questions, PGlite vs PostgreSQL ==`);
  console.log(machine());
  console.log(await waitForQuiet());
  const results = [];
  {
    const database = await openDatabase({ DATABASE_URL: undefined, dataDir: tempDir("maillage-bench-questionnaires-") });
    try {
      const r = await run("pglite", database);
      report(r);
      results.push(r);
    } finally {
      await database.close();
    }
  }
  {
    const cluster = startPgCluster();
    const url = await createPgDatabase(cluster.url, "bench_questionnaires");
    const database = await openDatabase({ DATABASE_URL: url, dataDir: "" });
    try {
      const r = await run("postgres", database);
      report(r);
      results.push(r);
    } finally {
      await database.close();
    }
  }
  const [lite, pg] = results;
  if (!lite || !pg) return;
  console.log("\nside by side (median of the warm runs):");
  console.log("| | PGlite | PostgreSQL |");
  console.log("|---|---|---|");
  for (const [i, m] of lite.measures.entries()) console.log(`| ${m.name} | ${ms(median(m.runs))} | ${ms(median(pg.measures[i]?.runs ?? []))} |`);
  for (const r of [lite, pg]) {
    const cold = median(r.measures[0]?.runs ?? []);
    const warm = median(r.measures[1]?.runs ?? []);
    console.log(`target: results page (data + charts) < ${TARGET_MS} ms on ${r.kind}: cold ${cold < TARGET_MS ? "PASS" : "FAIL"} (${ms(cold)}), warm ${warm < TARGET_MS ? "PASS" : "FAIL"} (${ms(warm)})`);
  }
});

// `npx tsx bench/mapping-real-files.ts` (issue 11): producers' own files mapped by the automatic
// suggestions alone, no hand correction.
// 1. The three raw exports of ../shared/.../raw-sources-mednum-cli: % of rows the standard's check
//    accepts (accepted + warned), % of the fields a careful person maps (hand mappings in
//    src/modules/places/mapping/real-files.testing.ts) suggested with the right column, and the cells of
//    mapped enumerated columns, term by term: kept (translated, or excluded by a rule), reported (named
//    with its count in the mapping's file-level summary, or a line issue on the field), or silently dropped.
// 2. A generated 10,000-row XLSX with producer-style headers: read + suggestion + mapping + the standard's
//    check (what a dry run computes before it looks up communes in the database; that lookup, a cached
//    index, is not timed here), ROUNDS rounds, min and median, and the process's peak RSS.
import os from "node:os";
import ExcelJS from "exceljs";
import { applyMapping, standardJson } from "../src/modules/places/mapping/apply";
import { readProducerFile, type ProducerTable } from "../src/modules/places/mapping/read";
import { handMappings, rawTable, score } from "../src/modules/places/mapping/real-files.testing";
import type { ColumnMapping } from "../src/modules/places/mapping/schema";
import { suggestMapping } from "../src/modules/places/mapping/suggest";
import { compileTranslation, termsOf, translateTerm } from "../src/modules/places/mapping/translate";
import { validateFile } from "../src/modules/places/standard/normalize";
import { isEnumField, type FieldName } from "../src/modules/places/standard/schema";
import { machine, median } from "./lib";

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ROWS = 10_000;
const MiB = 1024 * 1024;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);

function mappingOf(table: ProducerTable): ColumnMapping {
  return { fields: Object.fromEntries(Object.entries(suggestMapping(table)).map(([f, s]) => [f, s.column])) };
}

function run(table: ProducerTable) {
  const mapping = mappingOf(table);
  const { records, issues } = applyMapping(table, mapping, { today: "2026-12-06" });
  return { mapping, report: validateFile(standardJson(records)), mappingIssues: issues };
}

console.log(machine());
// Say so only when it is true: the one-minute load average above one core means other work shared the machine.
if ((os.loadavg()[0] ?? 0) > 1) console.log("machine loaded: other processes ran on the same cores during this run (see the load average above).\n");

// ── 1. real files ─────────────────────────────────────────────────────────────────────────────────
let allRows = 0;
let allImported = 0;
let allFields = 0;
let allRight = 0;
let allSilent = 0;
console.log("| file | rows | imported (accepted + warned) | fields right | enumerated terms: kept / reported / silently dropped |");
console.log("|---|---|---|---|---|");
for (const name of Object.keys(handMappings) as (keyof typeof handMappings)[]) {
  const table = await rawTable(name);
  const { mapping, report, mappingIssues } = run(table);
  const s = score(suggestMapping(table), handMappings[name]);
  let kept = 0;
  let reported = 0;
  let silent = 0;
  const issuesAt = new Set(report.issues.map((i) => `${i.line}\u0000${i.field}`));
  const summaryOf = new Map(mappingIssues.filter((i) => i.line === 0).map((i) => [i.field, i.message]));
  for (const [field, column] of Object.entries(mapping.fields) as [FieldName, string][]) {
    if (!isEnumField(field)) continue;
    const compiled = compileTranslation(mapping.translations?.[field]);
    table.rows.forEach((row, i) => {
      const cellText = (row[column] ?? "").trim();
      if (cellText === "" || report.results[i]?.status === "rejected") return;
      for (const term of termsOf(field, cellText, compiled)) {
        const t = translateTerm(field, term, compiled);
        if (t.values.length > 0 || t.source === "excluded") kept++;
        else if (issuesAt.has(`${i + 1}\u0000${field}`) || (summaryOf.get(field) ?? "").includes(`« ${term.slice(0, 80)} »`)) reported++;
        else silent++;
      }
    });
  }
  const imported = report.accepted + report.warned;
  allRows += report.records;
  allImported += imported;
  allFields += s.fields;
  allRight += s.right;
  allSilent += silent;
  console.log(`| ${name} | ${report.records} | ${imported} (${((100 * imported) / report.records).toFixed(1)} %) | ${s.right}/${s.fields}${s.wrong.length ? ` (${s.wrong.join("; ")})` : ""}${s.extra.length ? `, extra: ${s.extra.join("; ")}` : ""} | ${kept} / ${reported} / ${silent} |`);
}
console.log(`\nAll three: ${allImported}/${allRows} rows imported (${((100 * allImported) / allRows).toFixed(1)} %, target ≥ 97 %); ${allRight}/${allFields} fields right (${((100 * allRight) / allFields).toFixed(1)} %, target ≥ 95 %); ${allSilent} enumerated terms silently dropped (target 0).\n`);

// ── 2. 10,000-row XLSX ────────────────────────────────────────────────────────────────────────────
const communes = [["16000", "Angoulême", 45.65, 0.16], ["16100", "Cognac", 45.69, -0.33], ["33000", "Bordeaux", 44.84, -0.58], ["49000", "Angers", 47.47, -0.55]] as const;
const offers = ["Aide aux démarches administratives", "Accès à Internet en autonomie", "Etre initié aux outils numériques", "Prendre en main un ordinateur"];
const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet("Lieux");
sheet.addRow(["Nom de la structure", "Adresse", "CP", "Ville", "Tél", "Mail", "Site web", "lat", "lon", "Horaires", "Services", "Dernière MAJ", "Accompagnement"]);
for (let i = 0; i < ROWS; i++) {
  const [cp, ville, lat, lon] = communes[i % communes.length] ?? communes[0];
  sheet.addRow([
    `Espace numérique ${i}`,
    `${(i % 200) + 1} rue de la République`,
    cp,
    ville,
    `05 45 ${String(10 + (i % 90)).padStart(2, "0")} ${String(i % 100).padStart(2, "0")} 00`,
    `contact${i}@exemple.fr`,
    `https://exemple.fr/lieu/${i}`,
    lat + (i % 100) / 10_000,
    lon + (i % 100) / 10_000,
    "Mo-Fr 09:00-12:00,14:00-17:00",
    `${offers[i % 4]} / ${offers[(i + 1) % 4]}`,
    `0${(i % 9) + 1}/06/2024`,
    i % 2 === 0 ? "Oui" : "Non",
  ]);
}
const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
console.log(`Generated XLSX: ${ROWS} rows × 13 columns, ${(xlsx.length / MiB).toFixed(2)} MB.`);

const times: number[] = [];
let last: ReturnType<typeof run> | undefined;
global.gc?.();
const before = process.memoryUsage().rss;
peak = before;
for (let round = 0; round < ROUNDS; round++) {
  const t0 = performance.now();
  const read = await readProducerFile(xlsx, "lieux.xlsx");
  if (!read.ok) throw new Error(read.error);
  last = run(read.table);
  times.push(performance.now() - t0);
}
clearInterval(sampler);
const fields = Object.entries(last?.mapping.fields ?? {}).map(([f, c]) => `${f}←${c}`).join(", ");
console.log(`Suggested: ${fields}`);
console.log(`Checked: ${last?.report.records} records, ${last?.report.rejected} rejected.`);
console.log(`read + suggest + map + check, ${ROUNDS} rounds: min ${(Math.min(...times) / 1000).toFixed(2)} s, median ${(median(times) / 1000).toFixed(2)} s (target < 3 s); RSS ${(before / MiB).toFixed(0)} MB before → peak ${(peak / MiB).toFixed(0)} MB.`);

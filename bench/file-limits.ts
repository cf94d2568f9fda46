// `npx tsx bench/file-limits.ts`: what a hostile spreadsheet costs the server now (issue 8, section 2).
// Observed before: a 2.1 MB XLSX whose sheet holds one 2 GB inline string, posted three times at once
// to the column-mapping upload, killed the server (JavaScript heap out of memory).
// Here: the same kind of file, read three times at once by the reader the upload uses, then a legitimate
// workbook of 20,000 places × 20 columns, with the time and the peak RSS of this process for each.
import { craftXlsx, repeat, SHEET_END, SHEET_START } from "../src/testing/crafted-zip";
import { readProducerFile } from "../src/modules/places/mapping/read";
import { machine } from "./lib";

const MiB = 1024 * 1024;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
const mb = (b: number) => `${(b / MiB).toFixed(0)} MB`;

async function measure(label: string, run: () => Promise<unknown>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  peak = before;
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  console.log(`${label}: ${ms.toFixed(0)} ms, RSS ${mb(before)} → peak ${mb(peak)}`);
  return result;
}

console.log(machine());
const bomb = await craftXlsx([
  Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`),
  ...repeat(Buffer.alloc(MiB, 0x61), 2048),
  Buffer.from(`</t></is></c></row>${SHEET_END}`),
]);
console.log(`hostile XLSX: ${(bomb.length / MiB).toFixed(1)} MB on disk, one inline string of 2,048 MB once inflated`);
const answers = (await measure("3 hostile files read at once", () => Promise.all([1, 2, 3].map(() => readProducerFile(bomb, "lieux.xlsx"))))) as Awaited<ReturnType<typeof readProducerFile>>[];
for (const a of answers) console.log(`  → ${a.ok ? "read (unexpected)" : a.error}`);

// The same string, with headers that claim a 60 MB sheet (under the limit): inflation stops past 60 MB.
const liar = await craftXlsx(
  [Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`), ...repeat(Buffer.alloc(MiB, 0x61), 2048), Buffer.from(`</t></is></c></row>${SHEET_END}`)],
  { declaredSheetSize: 60 * MiB },
);
const lies = (await measure("3 files lying about their size (60 MB declared, 2 GB inside) read at once", () => Promise.all([1, 2, 3].map(() => readProducerFile(liar, "lieux.xlsx"))))) as Awaited<ReturnType<typeof readProducerFile>>[];
for (const a of lies) console.log(`  → ${a.ok ? "read (unexpected)" : a.error}`);

const header = Array.from({ length: 20 }, (_, c) => `colonne_${c + 1}`);
const rows = [header, ...Array.from({ length: 20_000 }, (_, r) => header.map((_, c) => `valeur ${r}-${c}`))];
const letters = (n: number) => String.fromCharCode(64 + n);
const sheet = [
  Buffer.from(SHEET_START),
  ...rows.map((cells, r) => Buffer.from(`<row r="${r + 1}">${cells.map((v, c) => `<c r="${letters(c + 1)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`)),
  Buffer.from(SHEET_END),
];
const legit = await craftXlsx(sheet);
console.log(`legitimate XLSX: ${(legit.length / MiB).toFixed(1)} MB, 20,000 rows × 20 columns (${(sheet.reduce((n, b) => n + b.length, 0) / MiB).toFixed(0)} MB of sheet XML)`);
const read = (await measure("legitimate file read", () => readProducerFile(legit, "lieux.xlsx"))) as Awaited<ReturnType<typeof readProducerFile>>;
console.log(`  → ${read.ok ? `${read.table.rows.length} rows, ${read.table.columns.length} columns` : read.error}`);
clearInterval(sampler);

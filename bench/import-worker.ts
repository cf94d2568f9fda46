// One step of bench/import.ts, in its own process: prepare a database, import the file, or write COPY's CSV.
import fs from "node:fs";
import { prepareDatabase } from "@/boot";
import { openDatabase } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { communeIndex, importPlaces, resolveCommune, row } from "@/modules/places/commands";
import { validateFile } from "@/modules/places/standard/normalize";

const [mode, file] = process.argv.slice(2);
const env = getEnv();
const database = await openDatabase(env);
try {
  if (mode === "prepare") {
    await prepareDatabase(database, { DEMO: false });
    console.log(JSON.stringify({ ms: 0, maxRssMb: 0, created: 0, updated: 0, rejected: 0, records: 0 }));
  } else if (mode === "import") {
    const bytes = new Uint8Array(fs.readFileSync(String(file)));
    const t0 = performance.now();
    const report = await importPlaces(database.db, { kind: "system", label: "bench" }, { bytes, filename: "lieux-20000.json", dryRun: false });
    const ms = performance.now() - t0;
    const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify({ ms, maxRssMb, created: report.created, updated: report.updated, rejected: report.rejected, records: report.records }));
  } else if (mode === "copy-csv") {
    // The same rows the import writes, prepared outside the timing: COPY measures the physical floor.
    const report = validateFile(new Uint8Array(fs.readFileSync(String(file))), "lieux-20000.json");
    const index = await communeIndex(database.db);
    const cell = (v: unknown): string => {
      if (v === null || v === undefined) return "";
      const text = Array.isArray(v) ? `{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}` : typeof v === "object" ? JSON.stringify(v) : String(v);
      return `"${text.replace(/"/g, '""')}"`;
    };
    const lines: string[] = [];
    const seen = new Set<string>();
    for (const r of report.results) {
      if (!r.record || seen.has(r.record.id)) continue;
      seen.add(r.record.id);
      const x = row(r.record, r.record.source ?? "lieux-20000.json", resolveCommune(index, r.record), "bench");
      lines.push([x.source, x.sourceId, x.communeCode, x.name, x.lat, x.lon, x.services, x.publics, x.support, x.fees, x.access, x.hours, x.data, x.updatedOn, x.search, x.modifiedBy].map(cell).join(","));
    }
    fs.writeFileSync(String(process.env.COPY_CSV), `${lines.join("\n")}\n`);
    console.log(JSON.stringify({ ms: 0, maxRssMb: 0, created: lines.length, updated: 0, rejected: report.rejected, records: report.records }));
  }
} finally {
  await database.close();
}

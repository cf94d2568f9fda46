import type { Executor } from "@/platform/db/client";
import { isSpreadsheetFormat, toCsv } from "@/platform/spreadsheet";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { readStatsFilter } from "@/modules/accompaniments";
import { exportRecords, exportStats, isStatsExportDimension, recordRows, recordsHeader, statsExportDimensions } from "@/modules/accompaniments/export";

const usage = `Utilisation :
  npx maillage accompaniments export --territory ADRESSE --format csv|xlsx|ods [--from AAAA-MM] [--to AAAA-MM] [--commune CODE]
  npx maillage accompaniments stats --territory ADRESSE --by ${statsExportDimensions.join("|")} --format csv|xlsx|ods [--from AAAA-MM] [--to AAAA-MM] [--commune CODE]`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function write(body: string | Uint8Array): Promise<void> {
  return new Promise<void>((resolve, reject) => process.stdout.write(typeof body === "string" ? body : Buffer.from(body), (e) => (e ? reject(e) : resolve())));
}

/**
 * `npx maillage accompaniments export|stats`: the records (one line each) or the statistics of one dimension,
 * on standard output — data only; every message on standard error. The CSV of records is written page by page,
 * so a territory of millions of records does not have to fit in memory.
 */
export async function accompanimentsCommand(db: Executor, [sub, ...args]: string[]): Promise<number> {
  const slug = option(args, "--territory");
  const format = option(args, "--format") ?? "csv";
  if ((sub !== "export" && sub !== "stats") || !slug) {
    console.error(usage);
    return 2;
  }
  if (!isSpreadsheetFormat(format)) {
    console.error(`Format inconnu : « ${format} » (csv, xlsx ou ods).\n${usage}`);
    return 2;
  }
  const by = option(args, "--by") ?? "theme";
  if (sub === "stats" && !isStatsExportDimension(by)) {
    console.error(`Regroupement inconnu : « ${by} » (${statsExportDimensions.join(", ")}).`);
    return 2;
  }
  const { filter, errors } = readStatsFilter({ from: option(args, "--from"), to: option(args, "--to"), commune: option(args, "--commune") });
  if (errors.length > 0) {
    console.error(errors.join("\n"));
    return 2;
  }
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : « ${slug} ». Voir : npx maillage territories list`);
    return 2;
  }
  if (sub === "stats") {
    await write(await exportStats(db, territory.id, filter, format, by as Parameters<typeof exportStats>[4]));
    console.error(`Statistiques des accompagnements de « ${territory.name} » par ${by}.`);
    return 0;
  }
  if (format !== "csv") {
    await write(await exportRecords(db, territory.id, filter, format));
  } else {
    let n = 0;
    let first = true;
    for await (const page of recordRows(db, territory.id, filter)) {
      // The header (and its BOM) once, then the lines of each page.
      const csv = toCsv(recordsHeader, page);
      await write(first ? csv : csv.slice(csv.indexOf("\r\n") + 2));
      first = false;
      n += page.length;
    }
    if (first) await write(toCsv(recordsHeader, []));
    console.error(`${n} accompagnement(s) de « ${territory.name} ».`);
    return 0;
  }
  console.error(`Accompagnements de « ${territory.name} » (${format}).`);
  return 0;
}

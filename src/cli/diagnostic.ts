import type { Executor } from "@/platform/db/client";
import { toCsv } from "@/platform/spreadsheet";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { portraitTable } from "@/modules/diagnostic/export";
import { territoryPortrait } from "@/modules/diagnostic/portrait";

/** `npx maillage diagnostic export --territory SLUG`: the per-commune table as CSV on standard output. */
export async function diagnosticExport(db: Executor, slug: string | undefined): Promise<number> {
  if (!slug) {
    console.error("Utilisation : npx maillage diagnostic export --territory ADRESSE");
    return 2;
  }
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : « ${slug} ». Voir : npx maillage territories list`);
    return 2;
  }
  const { header, rows } = portraitTable(await territoryPortrait(db, territory.id));
  // No byte-order mark on standard output: it is for pipes and scripts, not for a spreadsheet.
  process.stdout.write(toCsv(header, rows).replace(/^\uFEFF/, ""));
  return 0;
}

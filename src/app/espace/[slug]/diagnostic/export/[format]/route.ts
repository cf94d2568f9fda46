import { getRuntime } from "@/platform/runtime";
import { isSpreadsheetFormat, spreadsheetFormats, writeSpreadsheet } from "@/platform/spreadsheet";
import { getCurrentActor } from "@/platform/web/actor";
import { signInPath } from "@/platform/web/guard";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { territoryPortrait } from "@/modules/diagnostic/portrait";
import { portraitTable } from "@/modules/diagnostic/export";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The per-commune table of the portrait as CSV, XLSX or ODS; members only. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!isSpreadsheetFormat(format)) return text("Format inconnu : csv, xlsx ou ods.", 404);
  const { db } = await getRuntime();
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) return text("Territoire introuvable.", 404);
  const actor = await getCurrentActor();
  if (!diagnosticPolicy.export(actor, territory)) {
    if (actor.kind !== "user") return Response.redirect(new URL(signInPath(`/espace/${slug}/diagnostic`), request.url), 303);
    return text("Vous n'avez pas les droits nécessaires pour cette action.", 403);
  }
  const { header, rows } = portraitTable(await territoryPortrait(db, territory.id));
  const body = await writeSpreadsheet(format, "Communes", header, rows, [10, 28]);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: {
      "content-type": spreadsheetFormats[format],
      "content-disposition": `attachment; filename="portrait-${territory.slug}-${day}.${format}"`,
      "cache-control": "private, no-store",
    },
  });
}

import { isSpreadsheetFormat, spreadsheetFormats, writeSpreadsheet } from "@/platform/spreadsheet";
import { territoryRoute } from "@/modules/territories/web";
import { diagnosticPolicy } from "@/modules/diagnostic/policy";
import { territoryPortrait } from "@/modules/diagnostic/portrait";
import { portraitTable } from "@/modules/diagnostic/export";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The per-commune table of the portrait as CSV, XLSX or ODS; members only. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) {
  const { slug, format } = await params;
  if (!isSpreadsheetFormat(format)) return text("Format inconnu : csv, xlsx ou ods.", 404);
  const opened = await territoryRoute(request, slug, diagnosticPolicy.export, { signInBack: `/espace/${slug}/diagnostic` });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
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

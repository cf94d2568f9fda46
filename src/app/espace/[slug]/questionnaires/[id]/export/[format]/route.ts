import { territoryRoute } from "@/modules/territories/web";
import { exportTable, isSpreadsheetFormat, responsesForExport, spreadsheetFormats, writeExport } from "@/modules/questionnaires/export";
import { questionnairePolicy } from "@/modules/questionnaires/policy";
import { loadQuestionnaire } from "@/modules/questionnaires/queries";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The raw answers of a questionnaire as CSV, XLSX or ODS; those who build questionnaires only. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string; format: string }> }) {
  const { slug, id, format } = await params;
  if (!isSpreadsheetFormat(format)) return text("Format inconnu : csv, xlsx ou ods.", 404);
  const opened = await territoryRoute(request, slug, questionnairePolicy.export, { signInBack: `/espace/${slug}/questionnaires/${id}/resultats` });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const loaded = await loadQuestionnaire(db, territory.id, id);
  if (!loaded) return text("Questionnaire introuvable.", 404);
  const body = await writeExport(format, exportTable(loaded.structure, await responsesForExport(db, territory.id, id)));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(typeof body === "string" ? body : new Blob([new Uint8Array(body)]), {
    headers: {
      "content-type": spreadsheetFormats[format],
      "content-disposition": `attachment; filename="reponses-${territory.slug}-${day}.${format}"`,
      // Member-only data: never kept by a shared cache.
      "cache-control": "private, no-store",
    },
  });
}

import { pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { territoryRoute } from "@/modules/territories/web";
import { charterPolicy } from "@/modules/charter/policy";
import { charterDocument, renderCharterHtml } from "@/composition/charter/document";
import { versionOfParam } from "@/composition/charter/route-helpers";

/**
 * The charter version as the standalone HTML page Chromium prints (the PDF job, `?impression=1`) and people print
 * from their browser: the same document model as the ODT (decision 026).
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  const opened = await territoryRoute(request, slug, charterPolicy.view, { signInBack: `/espace/${slug}/charte/versions/${n}`, refuse: pdfRefusal });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const version = await versionOfParam(db, territory.id, n);
  if (!version) return pdfMessage(404, "Version introuvable", "Cette version de la charte n'existe pas.");
  const html = renderCharterHtml(await charterDocument(db, territory, version.id));
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" } });
}

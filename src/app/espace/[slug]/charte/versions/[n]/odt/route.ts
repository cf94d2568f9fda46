import { ODT_MIMETYPE } from "@/platform/odt";
import { pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { territoryRoute } from "@/modules/territories/web";
import { charterPolicy } from "@/modules/charter/policy";
import { charterDocument } from "@/composition/charter/document";
import { charterOdt } from "@/composition/charter/odt";
import { versionOfParam } from "@/composition/charter/route-helpers";

/** The charter version as an OpenDocument text (LibreOffice, Word), from the same document model as the PDF. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  const opened = await territoryRoute(request, slug, charterPolicy.view, { signInBack: `/espace/${slug}/charte/versions/${n}`, refuse: pdfRefusal });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const version = await versionOfParam(db, territory.id, n);
  if (!version) return pdfMessage(404, "Version introuvable", "Cette version de la charte n'existe pas.");
  const bytes = await charterOdt(await charterDocument(db, territory, version.id));
  return new Response(new Blob([new Uint8Array(bytes)]), {
    headers: { "content-type": ODT_MIMETYPE, "content-disposition": `attachment; filename="charte-${territory.slug}-v${version.number}.odt"`, "cache-control": "private, no-store" },
  });
}

import { pdfMessage, pdfRefusal } from "@/platform/web/pdf-run";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { journalPolicy } from "@/modules/signatures/policy";
import { findVersionByNumber, signedPdfOf } from "@/modules/signatures/queries";

/** The signed PDF of a version, the bytes stored once (the same bytes whose hash is in the journal). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; n: string }> }) {
  const { slug, n } = await params;
  const opened = await territoryRoute(request, slug, journalPolicy.view, { signInBack: `/espace/${slug}/charte/versions/${n}/signatures`, refuse: pdfRefusal });
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const number = searchInt(n, { min: 1 });
  const version = number === undefined ? undefined : await findVersionByNumber(db, territory.id, number);
  const pdf = version ? await signedPdfOf(db, territory.id, version.id) : undefined;
  if (!version || !pdf) return pdfMessage(404, "PDF signé indisponible", "Cette version n'a pas (encore) de PDF signé : il est produit quand la dernière structure a signé.");
  return new Response(new Blob([new Uint8Array(pdf.bytes)]), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="charte-${territory.slug}-v${version.number}-signee.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}

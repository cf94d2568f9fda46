import { pdfMessage } from "@/platform/web/pdf-run";
import { searchInt } from "@/platform/web/search-params";
import { territoryRoute } from "@/modules/territories/web";
import { journalPolicy, scanPolicy } from "@/modules/signatures/policy";
import { handwrittenSignatureOf, scanOf } from "@/modules/signatures/queries";

const extensions: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };

const refusal = (why: string) =>
  why === "not_found" ? pdfMessage(404, "Page signée indisponible", "Ce territoire n'existe pas.") : pdfMessage(403, "Page signée indisponible", "Seules la coordination et la structure concernée voient la page signée numérisée.");

/**
 * The stored bytes of a handwritten signature's scanned page (its type was checked from its first bytes when it
 * was recorded), shown on the scan page or downloaded with `?telecharger=1`. Never cached: it holds handwriting.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; n: string; partner: string }> }) {
  const { slug, n, partner: partnerId } = await params;
  const opened = await territoryRoute(request, slug, journalPolicy.view, { signInBack: `/espace/${slug}/charte/versions/${n}/signatures/manuscrites/${partnerId}`, refuse: refusal });
  if (opened instanceof Response) return opened;
  const { db, territory, principal } = opened;
  const number = searchInt(n, { min: 1 });
  const found = number === undefined ? undefined : await handwrittenSignatureOf(db, territory.id, number, partnerId);
  if (!found) return pdfMessage(404, "Page signée indisponible", "Aucune signature manuscrite de cette structure n'est inscrite pour cette version.");
  if (!scanPolicy.view(principal, { ...territory, signatoryUserId: found.partner.signatoryUserId, speakerIds: found.speakerIds })) return refusal("forbidden");
  const scan = await scanOf(db, territory.id, found.version.id, partnerId);
  if (!scan) return pdfMessage(404, "Page signée indisponible", "Aucune signature manuscrite de cette structure n'est inscrite pour cette version.");
  const download = new URL(request.url).searchParams.has("telecharger");
  const name = `page-signee-${territory.slug}-v${found.version.number}.${extensions[scan.contentType] ?? "bin"}`;
  return new Response(new Blob([new Uint8Array(scan.bytes)]), {
    headers: {
      "content-type": scan.contentType,
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${name}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}

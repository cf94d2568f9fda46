import { territoryRoute } from "@/modules/territories/web";
import { mappingPolicy } from "@/modules/places/mapping/policy";
import { findMapping } from "@/modules/places/mapping/queries";
import { mappingFileText } from "@/modules/places/mapping/validation";

/** A saved mapping as its JSON file (decision 014), to share with other territories. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const opened = await territoryRoute(request, slug, mappingPolicy.list, { signInBack: `/espace/${slug}/lieux/colonnes` });
  if (opened instanceof Response) return opened;
  const saved = await findMapping(opened.db, opened.territory.id, id);
  if (!saved) return new Response("Cette correspondance n'existe pas (ou plus) dans ce territoire.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const base = saved.name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "correspondance";
  return new Response(mappingFileText(saved.mapping, saved.name), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="correspondance-${base.slice(0, 60)}.json"`,
      "cache-control": "private, no-store",
    },
  });
}

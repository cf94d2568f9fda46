import { territoryRoute } from "@/modules/territories/web";
import { importTemplate } from "@/modules/accompaniments/import";
import { accompanimentPolicy } from "@/modules/accompaniments/policy";

type Params = { params: Promise<{ slug: string }> };

/** The CSV template of the accompaniments import (header and two example lines). */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { slug } = await params;
  const opened = await territoryRoute(request, slug, accompanimentPolicy.import, { signInBack: `/espace/${slug}/accompagnements/import` });
  if (opened instanceof Response) return opened;
  return new Response(importTemplate(), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="modele-accompagnements.csv"', "cache-control": "no-store" },
  });
}

import { openPortraitMap } from "../portrait-map";
import { classify, mapCommunes, NO_VALUE } from "@/modules/diagnostic/map";

/**
 * The choropleth's shapes with each commune's name, value and class, for the interactive map of the
 * portrait (members only): it names a commune on hover and on keyboard focus. The page shows the
 * image (carte.svg) until this answer arrives, and without JavaScript.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const opened = await openPortraitMap(request, slug);
  if (opened instanceof Response) return opened;
  const { portrait, def, outline } = opened;
  if (!outline) return Response.json({ error: "Pas de contour pour ce territoire." }, { status: 404 });
  const byCode = new Map(portrait.rows.map((r) => [r.code, r]));
  const shapes = new Map(outline.communes.map((c) => [c.code, c.d]));
  const values = portrait.rows.map(def.value);
  const communes = mapCommunes(portrait.rows, (code) => {
    const row = byCode.get(code);
    return row ? def.value(row) : null;
  }, def, classify(values, def))
    .filter((c) => shapes.has(c.code))
    // "No value" is hatched, as in the image and the legend (the pattern is defined by the map).
    .map((c) => ({ code: c.code, d: shapes.get(c.code) as string, fill: c.color === NO_VALUE ? "url(#carte-sans-valeur)" : c.color, text: c.text }));
  return Response.json(
    { viewBox: outline.viewBox, neighbours: outline.neighbours, border: outline.border, communes },
    { headers: { "cache-control": "private, max-age=300" } },
  );
}

import type { Outline } from "@/modules/geo/outline";

/** The perimeter drawn as an image; the list of communes beside it carries the same information. */
export function OutlineMap({ outline, name, communeCount }: { outline: Outline | null; name: string; communeCount: number }) {
  if (!outline) return <p className="fr-text--sm">Le contour de ce périmètre n&apos;est pas disponible.</p>;
  const title = `Contour du territoire ${name}`;
  return (
    <figure className="fr-m-0">
      <svg className="maillage-outline" viewBox={outline.viewBox} role="img" aria-label={`${title} : ${communeCount} communes, en bleu ; les communes voisines en gris.`}>
        <g>
          {outline.neighbours.map((d, i) => (
            <path key={`n${i}`} className="voisin" d={d} />
          ))}
        </g>
        <g>
          {outline.merged.map((d, i) => (
            <path key={`m${i}`} className="commune" d={d} />
          ))}
          {outline.communes.map((c) => (
            <path key={c.code} className="commune" d={c.d} />
          ))}
        </g>
        <path className="perimetre" d={outline.border} />
      </svg>
      <figcaption className="fr-text--sm fr-mt-1w">
        Contours IGN Admin Express (COG 2018, simplifiés) ; la liste des communes ci-dessous donne les mêmes informations.
      </figcaption>
    </figure>
  );
}

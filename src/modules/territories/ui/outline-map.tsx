/** The perimeter drawn as an image; the list of communes below carries the same information. */
export function OutlineMap({ slug, version, name, communeCount }: { slug: string; version: number; name: string; communeCount: number }) {
  return (
    <figure className="fr-m-0">
      {/* A plain image: cached by the browser and kept out of the page's HTML. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        className="maillage-outline"
        src={`/territoires/${slug}/contour.svg?v=${version}`}
        alt={`Contour du territoire ${name} : ${communeCount} communes en bleu, les communes voisines en gris. La liste des communes figure plus bas.`}
      />
      <figcaption className="fr-text--sm fr-mt-1w">
        Contours IGN Admin Express (COG 2018, simplifiés) ; la liste des communes ci-dessous donne les mêmes informations.
      </figcaption>
    </figure>
  );
}

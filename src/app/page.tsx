import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { building, publicTags, tagPage } from "@/platform/web/public-cache";
import { listTerritories } from "@/modules/territories/queries";

// Cached for everyone and rendered again when a territory changes (docs/decisions/010-caching-public-pages.md).
export const revalidate = 300; // PUBLIC_REVALIDATE_SECONDS (segment config must be a literal)

export default async function HomePage() {
  await tagPage(publicTags.territories);
  // `next build` has no database: it prerenders an empty list, expired when the server starts.
  const territories = building() ? [] : await listTerritories((await getRuntime()).db);
  return (
    <>
      <h1>Maillage</h1>
      <p className="fr-text--lead">
        Cartographier les acteurs et les lieux d&apos;accompagnement, établir un diagnostic partagé, s&apos;accorder sur une stratégie,
        la signer, la conduire et l&apos;évaluer : ensemble, pour l&apos;inclusion numérique de votre territoire.
      </p>
      <div className="fr-callout fr-mb-4w">
        <h2 className="fr-callout__title">Besoin d&apos;aide avec le numérique ?</h2>
        <p className="fr-callout__text">Trouvez près de chez vous un lieu où l&apos;on vous accompagne : démarches en ligne, premiers pas, matériel.</p>
        <Link className="fr-btn" href="/aide" prefetch={false}>Trouver de l&apos;aide près de chez moi</Link>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" href="/espace/nouveau" prefetch={false}>Ouvrir un territoire</Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" href="/territoires">Voir les territoires</Link>
        </li>
      </ul>
      <h2 className="fr-mt-6w">Territoires de cette instance</h2>
      {territories.length === 0 ? (
        <p>Aucun territoire pour l&apos;instant.</p>
      ) : (
        <ul>
          {territories.slice(0, 20).map((t) => (
            <li key={t.id}>
              <Link href={`/territoires/${t.slug}`}>{t.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { building, publicTags, tagPage } from "@/platform/web/public-cache";
import { listTerritories } from "@/modules/territories/queries";
import { perimeterKindShort } from "@/modules/territories/validation";

export const metadata: Metadata = { title: "Territoires" };

// Cached for everyone and rendered again when a territory changes (docs/decisions/010-caching-public-pages.md).
export const revalidate = 300; // PUBLIC_REVALIDATE_SECONDS (segment config must be a literal)

export default async function TerritoriesPage() {
  await tagPage(publicTags.territories);
  // `next build` has no database: it prerenders an empty list, expired when the server starts.
  const territories = building() ? [] : await listTerritories((await getRuntime()).db);
  return (
    <>
      <h1>Territoires</h1>
      <p>Les territoires qui construisent leur stratégie d&apos;inclusion numérique sur cette instance de Maillage.</p>
      {territories.length === 0 ? (
        <p>Aucun territoire pour l&apos;instant.</p>
      ) : (
        <ul>
          {territories.map((t) => (
            <li key={t.id}>
              <Link href={`/territoires/${t.slug}`}>{t.name}</Link> — {perimeterKindShort[t.kind]}
              {t.isDemo ? (
                <>
                  {" "}
                  <span className="fr-badge fr-badge--sm fr-badge--info">Démonstration</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

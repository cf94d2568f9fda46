import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { listTerritories } from "@/modules/territories/queries";
import { perimeterKindShort } from "@/modules/territories/validation";

export const metadata: Metadata = { title: "Territoires" };

export default async function TerritoriesPage() {
  const { db } = await getRuntime();
  const territories = await listTerritories(db);
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

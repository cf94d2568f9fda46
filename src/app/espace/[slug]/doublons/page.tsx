import { countOf } from "@/platform/text";
import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Hidden } from "@/ui/form";
import { duplicateCandidates } from "@/modules/places/duplicates";
import { mergePlacesAction } from "@/modules/places/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { Brief } from "@/modules/places/ui/place-brief";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Doublons de lieux" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DuplicatesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { fusion } = readSingleSearchParams(await searchParams);
  const { territory } = await territoryPage(slug, "editRegistry", `/espace/${slug}/doublons`);
  const { db } = await getRuntime();
  const pairs = await duplicateCandidates(db, territory.id);
  return (
    <>
      <h2>Doublons possibles</h2>
      {fusion ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>
            Les deux fiches sont fusionnées : <a href={`/espace/${territory.slug}/lieux/${encodeURIComponent(fusion)}/modifier`}>voir la fiche gardée</a>. La liste
            ci-dessous montre les autres doublons possibles.
          </p>
        </div>
      ) : null}
      <p>
        Deux fiches d&apos;une même commune dont les noms se ressemblent, ou dont les adresses se ressemblent à quelques pas l&apos;une de
        l&apos;autre. Fusionner garde, champ par champ, la valeur la plus récente, réunit les listes (services, publics…) et supprime
        l&apos;autre fiche. La fusion est inscrite au journal.
      </p>
      {pairs.length === 0 ? (
        <p>Aucun doublon possible dans ce territoire.</p>
      ) : (
        <div className="fr-table">
          <Table>
            <caption>{countOf(pairs.length, "paire", "paires")} de fiches à examiner</caption>
            <thead>
              <tr>
                <th scope="col">Fiche A</th>
                <th scope="col">Fiche B</th>
                <th scope="col">Pourquoi</th>
                <th scope="col">Fusionner</th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <tr key={`${pair.a.id}-${pair.b.id}`}>
                  <td><Brief p={pair.a} /></td>
                  <td><Brief p={pair.b} /></td>
                  <td>{pair.reasons.join(", ")}</td>
                  <td>
                    <ActionForm action={mergePlacesAction} submitLabel={`Fusionner dans la fiche A (${pair.a.name})`}>
                      <Hidden name="territory" value={territory.slug} />
                      <Hidden name="keep" value={pair.a.id} />
                      <Hidden name="remove" value={pair.b.id} />
                    </ActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </>
  );
}

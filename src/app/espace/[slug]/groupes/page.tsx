import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { countOf } from "@/platform/text";
import { readSingleSearchParams } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { groupPolicy } from "@/modules/groups/policy";
import { listGroups } from "@/modules/groups/queries";
import { kindLabels } from "@/modules/groups/validation";
import { createGroupAction } from "@/modules/groups/actions";
import { GroupFields } from "@/modules/groups/ui/group-fields";
import { ActionForm, Hidden } from "@/ui/form";

export const metadata: Metadata = { title: "Groupes de travail" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The territory's working groups, commissions, committees and workshops; the coordination creates them. */
export default async function GroupsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSingleSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/groupes`);
  const { db } = await getRuntime();
  const list = await listGroups(db, territory.id);
  const canCreate = groupPolicy.create(principal, territory);
  return (
    <>
      <h2>Groupes de travail</h2>
      <p>
        Des groupes qui réunissent des acteurs de mondes qui se rencontrent rarement (social, emploi, éducation, santé, culture,
        numérique…). Pour chaque groupe, Maillage montre les mondes présents et ceux qui manquent, et propose les structures à inviter.
      </p>
      {sp.supprime ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>Le groupe est supprimé.</p>
        </div>
      ) : null}
      {list.length === 0 ? <p>Aucun groupe pour l&apos;instant.</p> : null}
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
        {list.map((g) => (
          <li key={g.id} className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-enlarge-link">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title">
                    <Link href={`/espace/${territory.slug}/groupes/${g.id}`} prefetch={false}>
                      {g.name}
                    </Link>
                  </h3>
                  <p className="fr-card__desc">{g.purpose || "Pas encore d'objet écrit."}</p>
                  <div className="fr-card__start">
                    <p className="fr-card__detail">{kindLabels[g.kind]}</p>
                  </div>
                  <div className="fr-card__end">
                    <p className="fr-card__detail">
                      {countOf(g.members, "personne", "personnes")} · {countOf(g.openProposals, "proposition ouverte", "propositions ouvertes")}
                    </p>
                  </div>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {canCreate ? (
        <section aria-labelledby="nouveau-groupe" className="fr-mt-6w">
          <h3 id="nouveau-groupe">Créer un groupe</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <ActionForm action={createGroupAction} submitLabel="Créer le groupe">
                <Hidden name="territory" value={territory.slug} />
                <GroupFields />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

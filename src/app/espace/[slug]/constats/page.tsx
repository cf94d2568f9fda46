import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { territoryPage } from "@/modules/territories/web";
import { FilterSelect } from "@/ui/filter-select";
import { ActionForm, Field, Hidden, RadioGroup } from "@/ui/form";
import { communeNames } from "@/modules/territories/communes";
import { themes } from "@/modules/themes/themes";
import { findingAbilities } from "@/modules/findings/policy";
import { findingsSetting, listFindings, listGroups } from "@/modules/findings/queries";
import { filtersSchema, findingKinds, kindLabels } from "@/modules/findings/validation";
import { FindingFields } from "@/modules/findings/ui/finding-fields";
import { FindingCard } from "@/modules/findings/ui/finding-card";
import { createFindingAction, createGroupAction, findingsSettingsAction } from "@/modules/findings/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { prefillNotice, readPrefill } from "@/modules/findings/prefill";

export const metadata: Metadata = { title: "Constats du diagnostic" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  ajoute: "Le constat est ajouté.",
  modifie: "Le constat est modifié.",
  supprime: "Le constat est supprimé.",
  fusionne: "Les deux constats sont fusionnés.",
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Strengths and questions of the diagnostic: recorded, tagged, grouped, merged, prioritised by votes. */
export default async function FindingsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/constats`);
  const { db } = await getRuntime();
  const setting = await findingsSetting(db, territory.id);
  const can = findingAbilities(principal, { id: territory.id, ...setting });
  const filters = filtersSchema.parse({ kind: one(sp.type), theme: one(sp.theme), commune: one(sp.commune), group: one(sp.groupe), tri: one(sp.tri) });
  const [items, groups, names] = [
    await listFindings(db, territory.id, filters, principal.kind === "user" ? principal.userId : undefined),
    await listGroups(db, territory.id),
    await communeNames(db, territory.id),
  ];
  const notice = Object.keys(notices).find((k) => sp[k] !== undefined);
  // One click from a free-text answer of a questionnaire: the form comes prefilled, first on the page, saying so.
  const prefill = can.record ? readPrefill(sp) : undefined;
  const usedCommunes = [...new Set(items.flatMap((f) => f.communes))].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, "fr"));
  const addForm = can.record ? (
    <section aria-labelledby="ajouter-titre" className={prefill ? "fr-mb-4w" : "fr-mt-4w"} id="ajouter" tabIndex={-1}>
      <h3 id="ajouter-titre">Ajouter un constat</h3>
      {prefill ? (
        <div className="fr-alert fr-alert--info fr-mb-3w" data-testid="constat-prerempli">
          <h4 className="fr-alert__title">{prefillNotice(prefill).title}</h4>
          <p>{prefillNotice(prefill).body}</p>
        </div>
      ) : null}
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <ActionForm action={createFindingAction} submitLabel="Ajouter le constat">
            <Hidden name="territory" value={territory.slug} />
            <FindingFields groups={groups} defaults={prefill ? { origin: "answer", text: prefill.text, originRef: prefill.originRef, originLabel: prefill.originLabel } : {}} />
          </ActionForm>
        </div>
      </div>
    </section>
  ) : null;
  return (
    <>
      <h2>Constats : atouts et questionnements</h2>
      <p>
        Ce que le diagnostic fait ressortir, des questionnaires, des réunions et des entretiens : les <strong>atouts</strong> (ce qui
        marche déjà, les projets de référence) et les <strong>questionnements</strong> (enjeux, problèmes, besoins). Les personnes
        partenaires les soutiennent pour dire ce qui compte le plus ; ils nourrissent l&apos;<Link href={`/espace/${territory.slug}/diagnostic/etat-des-lieux`}>état des lieux</Link>.
      </p>
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      {prefill ? addForm : null}

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <form method="get" aria-label="Filtrer les constats">
            <FilterSelect id="constats-type" name="type" label="Type" value={filters.kind} options={findingKinds.map((k) => ({ value: k, label: kindLabels[k] }))} />
            <FilterSelect id="constats-theme" name="theme" label="Thème" value={filters.theme} options={themes.map((t) => ({ value: t.id, label: t.label }))} />
            <FilterSelect id="constats-commune" name="commune" label="Commune" value={filters.commune} options={usedCommunes.map((c) => ({ value: c, label: names.get(c) ?? c }))} />
            {groups.length ? <FilterSelect id="constats-groupe" name="groupe" label="Groupe" value={filters.group} options={groups.map((g) => ({ value: g.id, label: g.title }))} /> : null}
            <FilterSelect id="constats-tri" name="tri" label="Ordre" value={filters.tri} empty="Les plus soutenus d'abord" options={[{ value: "recent", label: "Les plus récents d'abord" }]} />
            <ul className="fr-btns-group fr-btns-group--inline-sm">
              <li>
                <button className="fr-btn" type="submit">Afficher</button>
              </li>
              <li>
                <Link className="fr-btn fr-btn--tertiary" href={`/espace/${territory.slug}/constats`}>Tout afficher</Link>
              </li>
            </ul>
          </form>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          {findingKinds
            .filter((k) => !filters.kind || filters.kind === k)
            .map((kind) => {
              const list = items.filter((f) => f.kind === kind);
              return (
                <section key={kind} aria-labelledby={`titre-${kind}`} className="fr-mb-4w">
                  <h3 id={`titre-${kind}`}>
                    {kind === "strength" ? "Atouts" : "Questionnements"} ({list.length})
                  </h3>
                  {list.length === 0 ? <p>Aucun pour l&apos;instant.</p> : null}
                  <ol className="fr-raw-list">
                    {list.map((f) => (
                      <li key={f.id}>
                        <FindingCard f={f} slug={territory.slug} names={names} groups={groups} canVote={can.vote} canOrganise={can.organise} />
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
        </div>
      </div>

      {prefill ? null : addForm}

      {can.organise ? (
        <section aria-labelledby="groupes-titre" className="fr-mt-4w">
          <h3 id="groupes-titre">Groupes de constats</h3>
          {groups.length ? <p>Groupes : {groups.map((g) => g.title).join(", ")}.</p> : <p>Aucun groupe pour l&apos;instant.</p>}
          <ActionForm action={createGroupAction} submitLabel="Créer le groupe">
            <Hidden name="territory" value={territory.slug} />
            <Field name="title" label="Titre du nouveau groupe" hint="Par exemple : Démarches en ligne des personnes âgées" />
          </ActionForm>
        </section>
      ) : null}

      {can.configure ? (
        <section aria-labelledby="reglages-titre" className="fr-mt-4w">
          <h3 id="reglages-titre">Qui ajoute des constats ?</h3>
          <ActionForm action={findingsSettingsAction} submitLabel="Enregistrer">
            <Hidden name="territory" value={territory.slug} />
            <RadioGroup
              name="partnersRecordFindings"
              legend="Les personnes partenaires peuvent-elles ajouter des constats ?"
              defaultValue={setting.partnersRecordFindings ? "oui" : "non"}
              options={[
                { value: "oui", label: "Oui, la coordination et les partenaires" },
                { value: "non", label: "Non, seulement la coordination" },
              ]}
            />
          </ActionForm>
        </section>
      ) : null}
    </>
  );
}

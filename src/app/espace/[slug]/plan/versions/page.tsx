import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams } from "@/platform/web/search-params";
import { formatDate, formatNumber } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { ActionForm, Field, Hidden, RadioGroup } from "@/ui/form";
import { ActionErrorNotice } from "@/ui/action-error";
import { Table } from "@/ui/table";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { planAbilities } from "@/modules/plan/policy";
import { planChoices, planSettingsOf, versionContent } from "@/modules/plan/queries";
import { listPlanVersions } from "@/modules/plan/versions";
import { compareVersions } from "@/modules/plan/compare";
import { createVersionAction, inKindSettingsAction, versionButtonAction } from "@/modules/plan/actions";

export const metadata: Metadata = { title: "Versions du plan d'action" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The plan's versions: list, new version, freeze, publish; two versions side by side (?de=1&a=2). */
export default async function PlanVersionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan/versions`);
  const { db } = await getRuntime();
  const can = planAbilities(principal, territory);
  const versions = await listPlanVersions(db, territory.id);
  const settings = await planSettingsOf(db, territory.id);
  const from = versions.find((v) => String(v.number) === one(sp.de));
  const to = versions.find((v) => String(v.number) === one(sp.a));
  let diff: ReturnType<typeof compareVersions> | undefined;
  if (from && to) {
    const choices = await planChoices(db, territory.id);
    const names = {
      axes: new Map(choices.axes.map((a) => [a.id, a.title])),
      objectives: new Map(choices.objectives.map((o) => [o.id, o.title])),
      actors: new Map(choices.actors.map((a) => [a.id, a.name])),
    };
    diff = compareVersions(await versionContent(db, territory.id, from.id), await versionContent(db, territory.id, to.id), names);
  }
  const done = one(sp.nouvelle) ? `La version ${one(sp.nouvelle)} est ouverte : c'est la version en cours, copie de la précédente (qui est figée).` : sp.figee !== undefined ? "La version est figée." : sp.publiee !== undefined ? "La version est publiée sur la page publique du territoire." : sp.retiree !== undefined ? "Le plan n'est plus publié." : undefined;
  const base = `/espace/${territory.slug}/plan`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Plan d'action", href: base }} current="Versions du plan" />
      <h2>Versions du plan</h2>
      <ActionErrorNotice code={sp.erreur} />
      {done ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <p>
        La version en cours est la dernière, tant qu&apos;elle n&apos;est pas figée. Une version figée ne change plus : c&apos;est celle que l&apos;on vote, que l&apos;on signe, que l&apos;on publie. Une nouvelle
        version part d&apos;une copie de la dernière ; les deux se comparent action par action.
      </p>
      {versions.length === 0 ? (
        <p>Le plan n&apos;a pas encore de version : elle s&apos;ouvre avec la première action.</p>
      ) : (
        <div className="fr-table">
          <Table>
            <caption>Versions du plan d&apos;action</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Période</th>
                <th scope="col">Actions</th>
                <th scope="col">État</th>
                {can.edit ? <th scope="col">Gérer</th> : null}
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link href={`${base}?version=${v.number}`}>
                      {v.number}. {v.title}
                    </Link>
                  </td>
                  <td>
                    {v.startYear}–{v.endYear}
                  </td>
                  <td>{formatNumber(v.actions)}</td>
                  <td>
                    {v.frozenAt ? `Figée le ${formatDate(v.frozenAt)}` : "En cours"}
                    {v.publishedAt ? `, publiée le ${formatDate(v.publishedAt)}` : ""}
                  </td>
                  {can.edit ? (
                    <td>
                      {!v.frozenAt ? <VersionButton slug={territory.slug} number={v.number} op="freeze" label="Figer" /> : null}
                      {v.frozenAt && !v.publishedAt ? <VersionButton slug={territory.slug} number={v.number} op="publish" label="Publier" /> : null}
                      {v.publishedAt ? <VersionButton slug={territory.slug} number={v.number} op="unpublish" label="Retirer de la page publique" /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      {can.edit ? (
        <section aria-labelledby="nouvelle-titre" className="fr-mt-4w">
          <h3 id="nouvelle-titre">Nouvelle version</h3>
          <p>Copie de la dernière version, avec toutes ses actions ; la dernière version est figée si elle ne l&apos;était pas.</p>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-md-8">
              <ActionForm action={createVersionAction} submitLabel="Ouvrir une nouvelle version">
                <Hidden name="territory" value={territory.slug} />
                <Field name="title" label="Titre (facultatif)" maxLength={200} hint="Ex. : Plan révisé après le comité de pilotage de juin" />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}

      {versions.length > 1 ? (
        <section aria-labelledby="comparer-titre" className="fr-mt-4w">
          <h3 id="comparer-titre">Comparer deux versions</h3>
          <form method="get" aria-label="Choisir deux versions à comparer">
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-4">
                <VersionSelect id="comparer-de" name="de" label="Version de départ" versions={versions} value={from?.number ?? versions[1]?.number} />
              </div>
              <div className="fr-col-12 fr-col-md-4">
                <VersionSelect id="comparer-a" name="a" label="Version d'arrivée" versions={versions} value={to?.number ?? versions[0]?.number} />
              </div>
            </div>
            <button className="fr-btn fr-btn--secondary" type="submit">
              Comparer
            </button>
          </form>
          {diff && from && to ? (
            <div className="fr-mt-3w" data-testid="comparaison">
              <h4>
                De la version {from.number} à la version {to.number}
              </h4>
              <p>
                {diff.added.length} ajoutée{diff.added.length > 1 ? "s" : ""}, {diff.removed.length} retirée{diff.removed.length > 1 ? "s" : ""}, {diff.changed.length} modifiée{diff.changed.length > 1 ? "s" : ""},{" "}
                {diff.unchanged} inchangée{diff.unchanged > 1 ? "s" : ""}.
              </p>
              {diff.added.length ? (
                <>
                  <h5>Actions ajoutées</h5>
                  <ul>
                    {diff.added.map((a) => (
                      <li key={a.lineageId}>{a.title}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {diff.removed.length ? (
                <>
                  <h5>Actions retirées</h5>
                  <ul>
                    {diff.removed.map((a) => (
                      <li key={a.lineageId}>{a.title}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {diff.changed.length ? (
                <>
                  <h5>Actions modifiées</h5>
                  {diff.changed.map((c) => (
                    <div className="fr-table" key={c.lineageId}>
                      <Table>
                        <caption>{c.title}</caption>
                        <thead>
                          <tr>
                            <th scope="col">Champ</th>
                            <th scope="col">Version {from.number}</th>
                            <th scope="col">Version {to.number}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.changes.map((ch) => (
                            <tr key={ch.field}>
                              <th scope="row">{ch.label}</th>
                              <td>{ch.before}</td>
                              <td>{ch.after}</td>
                            </tr>
                          ))}
                        </tbody>
                      </Table>
                    </div>
                  ))}
                </>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {can.edit ? (
        <section aria-labelledby="nature-titre" className="fr-mt-4w">
          <h3 id="nature-titre">Apports en nature : en jours ou en euros ?</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-md-8">
              <ActionForm action={inKindSettingsAction} submitLabel="Enregistrer">
                <Hidden name="territory" value={territory.slug} />
                <RadioGroup
                  name="inKindUnit"
                  legend="Le territoire compte les apports en nature…"
                  defaultValue={settings.inKindUnit}
                  options={[
                    { value: "euros", label: "en euros", hint: "les jours sont valorisés au prix d'une journée" },
                    { value: "jours", label: "en jours" },
                  ]}
                />
                <Field name="dayValueEuros" label="Valeur d'une journée (€)" inputMode="decimal" defaultValue={String(settings.dayValueEuros)} />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

function VersionButton({ slug, number, op, label }: { slug: string; number: number; op: "freeze" | "publish" | "unpublish"; label: string }) {
  return (
    <form action={versionButtonAction}>
      <input type="hidden" name="territory" value={slug} />
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="op" value={op} />
      <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm">
        {label}
        <span className="fr-sr-only"> la version {number}</span>
      </button>
    </form>
  );
}

function VersionSelect({ id, name, label, versions, value }: { id: string; name: string; label: string; versions: { number: number; title: string }[]; value: number | undefined }) {
  return (
    <div className="fr-select-group">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} name={name} defaultValue={value === undefined ? undefined : String(value)}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {`Version ${v.number} : ${v.title}`}
          </option>
        ))}
      </select>
    </div>
  );
}

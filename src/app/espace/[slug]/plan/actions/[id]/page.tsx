import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams } from "@/platform/web/search-params";
import { formatDate, formatNumber } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { communeNames } from "@/modules/territories/communes";
import { speakerIdsOf } from "@/modules/actors";
import { themeLabel } from "@/modules/themes";
import { ActionForm, Hidden, SelectField } from "@/ui/form";
import { ActionErrorNotice } from "@/ui/action-error";
import { Table } from "@/ui/table";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { actionPolicy, planAbilities } from "@/modules/plan/policy";
import { findActionSheet, inKindValue, planChoices, planSettingsOf, sheetTotals } from "@/modules/plan/queries";
import { actionStatuses, fundingStatusLabels, inKindLabels, publicLabel, statusLabels } from "@/modules/plan/vocabulary";
import { arrangeActionAction, setActionStatusAction } from "@/modules/plan/actions";
import { euros, period, StatusBadge } from "@/modules/plan/ui/action-cards";
import { BudgetLineForm, DocumentForm, Folded, FundingForm, InKindForm, PartnerForm, RowButton, StepForm } from "@/modules/plan/ui/row-forms";
import { actionIndicatorChoices } from "@/composition/evaluation/picker";
import { ActionIndicatorPicker } from "@/composition/evaluation/ui/indicator-picker";
import { indicatorsOfActionLineage } from "@/modules/indicators/queries";
import { StatusHistory } from "@/modules/governance/ui/status-history";

export const metadata: Metadata = { title: "Fiche action du plan" };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = { cree: "L'action est créée. Ajoutez-lui son budget, ses financements et ses étapes.", modifie: "L'action est enregistrée.", copie: "Voici la copie : modifiez ce qui change." };
const rowNotices: Record<string, string> = { supprimee: "La ligne est supprimée.", faite: "L'étape est marquée comme faite.", "a-faire": "L'étape est de nouveau à faire." };

/** Where the action came from, as a link: a working group's proposal or a meeting's decision. */
function originLink(slug: string, origin: string, originId: string | null) {
  if (!originId || origin === "typed") return null;
  return origin === "decision"
    ? { href: `/espace/${slug}/decisions#decision-${originId}`, label: "une décision de réunion" }
    : { href: `/espace/${slug}/groupes#proposition-${originId}`, label: "une proposition d'un groupe de travail" };
}

/** The evaluation's indicators tied to this action (by lineage), with their status on their own page. */
function EvaluationIndicators({ slug, list }: { slug: string; list: { id: string; name: string }[] }) {
  if (list.length === 0) return null;
  return (
    <>
      <p className="fr-mb-1w">Suivis dans l&apos;évaluation :</p>
      <ul>
        {list.map((i) => (
          <li key={i.id}>
            <Link href={`/espace/${slug}/evaluation/indicateurs/${i.id}`}>{i.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export default async function ActionSheetPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan/actions/${id}`);
  const { db } = await getRuntime();
  const sheet = await findActionSheet(db, territory.id, id);
  if (!sheet) notFound();
  const { action } = sheet;
  const [settings, names, choices, leadSpeakerIds] = [await planSettingsOf(db, territory.id), await communeNames(db, territory.id), await planChoices(db, territory.id), await speakerIdsOf(db, action.leadActorId)];
  const can = planAbilities(principal, territory);
  const edit = can.edit && !action.frozen;
  const track = actionPolicy.track(principal, territory, { leadSpeakerIds }) && !action.frozen;
  const totals = sheetTotals(sheet, settings.dayValueEuros);
  const ids = { slug: territory.slug, actionId: action.id };
  const year = Number((action.startMonth ?? new Date().toISOString()).slice(0, 4));
  const origin = originLink(territory.slug, action.origin, action.originId);
  const notice = Object.keys(notices).find((k) => sp[k] !== undefined);
  const rowNotice = rowNotices[String(sp.ligne ?? "")];
  const base = `/espace/${territory.slug}/plan`;
  return (
    <>
      <WorkspaceBreadcrumb territory={territory} module={{ label: "Plan d'action", href: base }} current={crumbLabel(action.title)} />
      <ActionErrorNotice code={sp.erreur} />
      {notice || rowNotice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notice ? notices[notice] : rowNotice}</p>
        </div>
      ) : null}
      <StatusBadge status={action.status} />
      <h2 className="fr-mt-1w">{action.title}</h2>
      <p className="fr-text--sm">
        Version {action.versionNumber} du plan{action.frozen ? " (figée : cette fiche ne change plus)" : ""}. Modifiée le {formatDate(action.updatedAt)}
        {action.updatedBy ? ` par ${action.updatedBy}` : ""}.
      </p>
      {origin ? (
        <p>
          Issue d&apos;<Link href={origin.href}>{origin.label}</Link>.
        </p>
      ) : null}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {edit ? (
          <li>
            <Link className="fr-btn" href={`${base}/actions/${action.id}/modifier`}>
              Modifier l&apos;action
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="fr-btn fr-btn--secondary" href={`${base}/actions/${action.id}/financements`}>
            Financements possibles
          </Link>
        </li>
        {can.edit ? (
          <li>
            <form action={arrangeActionAction}>
              <input type="hidden" name="territory" value={territory.slug} />
              <input type="hidden" name="action" value={action.id} />
              <input type="hidden" name="op" value="duplicate" />
              <button type="submit" className="fr-btn fr-btn--tertiary">
                Dupliquer
              </button>
            </form>
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="description-titre" className="fr-mt-3w">
        <h3 id="description-titre">En bref</h3>
        {action.description ? <p style={{ whiteSpace: "pre-line" }}>{action.description}</p> : null}
        <dl>
          <dt className="fr-text--bold">Axe</dt>
          <dd>{sheet.axis?.title ?? "Sans axe"}</dd>
          <dt className="fr-text--bold">Objectifs</dt>
          <dd>{sheet.objectives.length ? sheet.objectives.map((o) => o.title).join(" ; ") : "Aucun objectif relié"}</dd>
          <dt className="fr-text--bold">Structure porteuse</dt>
          <dd>{sheet.lead ? <Link href={`/espace/${territory.slug}/acteurs/${sheet.lead.id}`}>{sheet.lead.name}</Link> : "À trouver"}</dd>
          <dt className="fr-text--bold">Quand</dt>
          <dd>
            {period(action.startMonth, action.endMonth)}
            {action.recurring ? ", reconduite chaque année" : ""}
          </dd>
          <dt className="fr-text--bold">Publics</dt>
          <dd>{action.publics.length ? action.publics.map(publicLabel).join(", ") : "Non précisés"}</dd>
          <dt className="fr-text--bold">Thèmes</dt>
          <dd>{action.themes.length ? action.themes.map(themeLabel).join(", ") : "Non précisés"}</dd>
          <dt className="fr-text--bold">Communes visées</dt>
          <dd>{action.communes.length ? action.communes.map((c) => names.get(c) ?? c).join(", ") : "Tout le territoire"}</dd>
        </dl>
      </section>

      {track ? (
        <section aria-labelledby="statut-titre" className="fr-mt-3w">
          <h3 id="statut-titre">Où en est l&apos;action ?</h3>
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-md-6">
              <ActionForm action={setActionStatusAction} submitLabel="Changer le statut">
                <Hidden name="territory" value={territory.slug} />
                <Hidden name="action" value={action.id} />
                <SelectField name="status" label="Statut" defaultValue={action.status} options={actionStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} />
              </ActionForm>
            </div>
          </div>
        </section>
      ) : null}

      {/* Governance: the status history with the decisions cited, and the form that cites one. */}
      <StatusHistory db={db} principal={principal} territory={territory} action={action} track={track} />

      <section aria-labelledby="partenaires-titre" className="fr-mt-4w" id="partner">
        <h3 id="partenaires-titre">Structures partenaires</h3>
        {sheet.partners.length === 0 ? <p>Aucune structure partenaire pour l&apos;instant.</p> : null}
        <ul>
          {sheet.partners.map((p) => (
            <li key={p.actorId} className="fr-mb-1w">
              <Link href={`/espace/${territory.slug}/acteurs/${p.actorId}`}>{p.name}</Link>
              {p.role ? ` : ${p.role}` : ""}
              {edit ? <RowButton {...ids} kind="partner" row={p.actorId} op="delete" label="Retirer" srLabel={p.name} /> : null}
            </li>
          ))}
        </ul>
        {edit ? <Folded summary="Ajouter une structure partenaire">{<PartnerForm {...ids} actors={choices.actors.filter((a) => a.id !== action.leadActorId)} />}</Folded> : null}
      </section>

      <section aria-labelledby="etapes-titre" className="fr-mt-4w" id="step">
        <h3 id="etapes-titre">Étapes</h3>
        {sheet.steps.length === 0 ? <p>Aucune étape pour l&apos;instant.</p> : null}
        <ol>
          {sheet.steps.map((s) => (
            <li key={s.id} className="fr-mb-2w">
              <span>{s.done ? <s>{s.title}</s> : s.title}</span>
              {s.done ? <span className="fr-badge fr-badge--sm fr-badge--success fr-ml-1w">Faite</span> : null}
              {s.dueDate ? <span className="fr-text--sm"> — échéance le {formatDate(s.dueDate)}</span> : null}
              {track ? (
                <div className="fr-btns-group--inline-sm">
                  <RowButton {...ids} kind="step" row={s.id} op={s.done ? "undone" : "done"} label={s.done ? "Remettre à faire" : "Marquer comme faite"} srLabel={s.title} tone="secondary" />
                  <RowButton {...ids} kind="step" row={s.id} op="delete" label="Supprimer" srLabel={s.title} />
                  <Folded summary={`Modifier l'étape « ${crumbLabel(s.title, 40)} »`}>
                    <StepForm {...ids} row={s.id} defaults={{ title: s.title, dueDate: s.dueDate ?? "" }} />
                  </Folded>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {track ? <Folded summary="Ajouter une étape">{<StepForm {...ids} />}</Folded> : null}
      </section>

      <section aria-labelledby="budget-titre" className="fr-mt-4w" id="budget">
        <h3 id="budget-titre">Budget</h3>
        {sheet.budget.length === 0 ? (
          <p>Aucune ligne de budget pour l&apos;instant.</p>
        ) : (
          <div className="fr-table">
            <Table>
              <caption>Budget de l&apos;action par année</caption>
              <thead>
                <tr>
                  <th scope="col">Année</th>
                  <th scope="col">Poste</th>
                  <th scope="col">Prévu</th>
                  <th scope="col">Réalisé</th>
                  {edit ? <th scope="col">Modifier</th> : null}
                </tr>
              </thead>
              <tbody>
                {sheet.budget.map((b) => (
                  <tr key={b.id}>
                    <td>{b.year}</td>
                    <td>{b.item}</td>
                    <td>{euros(b.planned)}</td>
                    <td>{b.actual === null ? "—" : euros(b.actual)}</td>
                    {edit ? (
                      <td>
                        <RowButton {...ids} kind="budget" row={b.id} op="delete" label="Supprimer" srLabel={`${b.item} ${b.year}`} />
                        <Folded summary="Modifier">
                          <BudgetLineForm {...ids} row={b.id} year={year} defaults={b} />
                        </Folded>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total
                  </th>
                  <td>{euros(totals.planned)}</td>
                  <td>{euros(totals.actual)}</td>
                  {edit ? <td /> : null}
                </tr>
              </tfoot>
            </Table>
          </div>
        )}
        {edit ? <Folded summary="Ajouter une ligne de budget">{<BudgetLineForm {...ids} year={year} />}</Folded> : null}
      </section>

      <section aria-labelledby="financements-titre" className="fr-mt-4w" id="funding">
        <h3 id="financements-titre">Co-financements</h3>
        {totals.overfunded || totals.overfundedYears.length ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" data-testid="surfinancement">
            <p>
              Les financements (hors refusés) dépassent le coût prévu
              {totals.overfunded ? ` : ${euros(totals.funding)} pour ${euros(totals.planned)} de coût` : ""}
              {totals.overfundedYears.length ? ` (${totals.overfundedYears.length > 1 ? "années" : "année"} ${totals.overfundedYears.join(", ")})` : ""}. Vérifiez
              qu&apos;un même besoin n&apos;est pas compté deux fois, ou complétez le budget.
            </p>
          </div>
        ) : null}
        <p>
          Financements acquis (accordés ou versés) : {euros(totals.secured)} ; demandés ou envisagés : {euros(totals.funding - totals.secured)} ; reste à trouver :{" "}
          {euros(Math.max(0, totals.planned - totals.funding))}.
        </p>
        {sheet.fundings.length ? (
          <div className="fr-table">
            <Table>
              <caption>Co-financements de l&apos;action</caption>
              <thead>
                <tr>
                  <th scope="col">Année</th>
                  <th scope="col">Financeur</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Montant</th>
                  {edit ? <th scope="col">Modifier</th> : null}
                </tr>
              </thead>
              <tbody>
                {sheet.fundings.map((f) => (
                  <tr key={f.id}>
                    <td>{f.year}</td>
                    <td>{f.sourceName ? `${f.sourceName}${f.sourceFunder ? ` (${f.sourceFunder})` : ""}` : f.funderLabel}</td>
                    <td>{fundingStatusLabels[f.status]}</td>
                    <td>{euros(f.amount)}</td>
                    {edit ? (
                      <td>
                        <RowButton {...ids} kind="funding" row={f.id} op="delete" label="Supprimer" srLabel={`${f.sourceName ?? f.funderLabel} ${f.year}`} />
                        <Folded summary="Modifier">
                          <FundingForm {...ids} row={f.id} year={year} sources={choices.sources} defaults={f} />
                        </Folded>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
        {edit ? <Folded summary="Ajouter un co-financement">{<FundingForm {...ids} year={year} sources={choices.sources} />}</Folded> : null}
      </section>

      <section aria-labelledby="nature-titre" className="fr-mt-4w" id="inkind">
        <h3 id="nature-titre">Apports en nature</h3>
        <p className="fr-text--sm">
          {settings.inKindUnit === "jours"
            ? "Le territoire compte les apports en jours."
            : `Valorisés à ${formatNumber(settings.dayValueEuros)} € la journée, sauf valeur indiquée.`}{" "}
          Total : {settings.inKindUnit === "jours" ? `${formatNumber(sheet.inKind.reduce((s, k) => s + (k.days ?? 0), 0))} jours` : euros(totals.inKind)}.
        </p>
        {sheet.inKind.length ? (
          <div className="fr-table">
            <Table>
              <caption>Apports en nature</caption>
              <thead>
                <tr>
                  <th scope="col">Année</th>
                  <th scope="col">Type</th>
                  <th scope="col">Structure</th>
                  <th scope="col">Jours</th>
                  <th scope="col">Valeur</th>
                  {edit ? <th scope="col">Supprimer</th> : null}
                </tr>
              </thead>
              <tbody>
                {sheet.inKind.map((k) => (
                  <tr key={k.id}>
                    <td>{k.year}</td>
                    <td>
                      {inKindLabels[k.kind]}
                      {k.description ? ` : ${k.description}` : ""}
                    </td>
                    <td>{k.actorName ?? "—"}</td>
                    <td>{k.days === null ? "—" : formatNumber(k.days)}</td>
                    <td>{euros(inKindValue(k, settings.dayValueEuros))}</td>
                    {edit ? (
                      <td>
                        <RowButton {...ids} kind="inkind" row={k.id} op="delete" label="Supprimer" srLabel={`${inKindLabels[k.kind]} ${k.year}`} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ) : null}
        {edit ? <Folded summary="Ajouter un apport en nature">{<InKindForm {...ids} year={year} actors={choices.actors} unit={settings.inKindUnit} />}</Folded> : null}
      </section>

      <section aria-labelledby="documents-titre" className="fr-mt-4w" id="document">
        <h3 id="documents-titre">Documents</h3>
        {sheet.documents.length === 0 ? <p>Aucun document pour l&apos;instant.</p> : null}
        <ul>
          {sheet.documents.map((d) => (
            <li key={d.id}>
              <a href={d.url} rel="noopener noreferrer" target="_blank" title={`${d.title} (nouvelle fenêtre)`}>
                {d.title}
              </a>
              {edit ? <RowButton {...ids} kind="document" row={d.id} op="delete" label="Retirer" srLabel={d.title} /> : null}
            </li>
          ))}
        </ul>
        {edit ? <Folded summary="Ajouter un lien vers un document">{<DocumentForm {...ids} />}</Folded> : null}
      </section>

      <section aria-labelledby="indicateurs-titre" className="fr-mt-4w" id="indicator">
        <h3 id="indicateurs-titre">Indicateurs</h3>
        {sheet.indicators.length === 0 ? <p>Aucun indicateur pour l&apos;instant : comment saura-t-on que l&apos;action marche ?</p> : null}
        <ul>
          {sheet.indicators.map((i) => (
            <li key={i.id}>
              {i.label}
              {edit ? <RowButton {...ids} kind="indicator" row={i.id} op="delete" label="Retirer" srLabel={i.label} /> : null}
            </li>
          ))}
        </ul>
        <EvaluationIndicators slug={territory.slug} list={await indicatorsOfActionLineage(db, territory.id, action.lineageId)} />
        {edit ? (
          <Folded summary="Ajouter un indicateur">
            <ActionIndicatorPicker {...ids} lineageId={action.lineageId} options={await actionIndicatorChoices(db, territory.id, sheet.indicators.map((i) => i.indicatorKey))} />
          </Folded>
        ) : null}
      </section>

      {edit ? (
        <section aria-labelledby="suppression-titre" className="fr-mt-6w">
          <h3 id="suppression-titre">Supprimer l&apos;action</h3>
          <p>Son budget, ses financements, ses étapes et ses liens sont supprimés avec elle. La suppression est inscrite au journal.</p>
          <form action={arrangeActionAction}>
            <input type="hidden" name="territory" value={territory.slug} />
            <input type="hidden" name="action" value={action.id} />
            <input type="hidden" name="op" value="delete" />
            <button type="submit" className="fr-btn fr-btn--secondary">
              Supprimer définitivement
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

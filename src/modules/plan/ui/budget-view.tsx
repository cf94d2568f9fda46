import { SvgChart } from "@/ui/charts/svg-chart-view";
import { Pager } from "@/ui/pager";
import { Table } from "@/ui/table";
import { formatNumber } from "@/platform/text";
import { pageOf, VIEW_PAGE_SIZE } from "../paging";
import type { Money, PlanRollup } from "../rollup";
import { formatDays, formatEuros } from "../view-labels";
import { axisChartSvg, yearChartSvg } from "../charts";

function inKind(m: Money, unit: PlanRollup["unit"]): string {
  return unit === "jours" ? formatDays(m.inKindDays) : formatEuros(m.inKindEuros);
}

const moneyHeaders = ["Coût prévu", "Coût réalisé", "Acquis", "Demandé", "Reste à trouver", "En nature"];

/** The head of a money table: its first columns, then the six money columns (the same in every table). */
function MoneyHead({ first }: { first: string[] }) {
  return (
    <thead>
      <tr>
        {[...first, ...moneyHeaders].map((h) => (
          <th key={h} scope="col">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A chart beside the table that gives its figures (the table under it on a phone). */
function ChartAndTable({ svg, children }: { svg: string | null; children: React.ReactNode }) {
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-lg-5">{svg ? <SvgChart svg={svg} /> : null}</div>
      <div className="fr-col-12 fr-col-lg-7">
        <div className="fr-table fr-table--sm">{children}</div>
      </div>
    </div>
  );
}

function MoneyCells({ m, unit }: { m: Money; unit: PlanRollup["unit"] }) {
  return (
    <>
      <td>{formatEuros(m.planned)}</td>
      <td>{formatEuros(m.actual)}</td>
      <td>{formatEuros(m.secured)}</td>
      <td>{formatEuros(m.requested)}</td>
      <td>{formatEuros(m.missing)}</td>
      <td>{inKind(m, unit)}</td>
    </>
  );
}

/** The budget synthesis: totals, warnings, charts beside the tables that give their figures. */
export function BudgetView({
  rollup,
  axisTitle,
  actionHref,
  page = 1,
  pageHref,
}: {
  rollup: PlanRollup;
  axisTitle: (id: string | null) => string;
  actionHref?: (id: string) => string;
  /** The synthesis by action, 100 actions a page (paging.ts); without `pageHref`, every action (the printed page). */
  page?: number;
  pageHref?: (page: number) => string;
}) {
  const t = rollup.totals;
  const unit = rollup.unit;
  const shown = pageHref ? pageOf(rollup.actions, page) : { page: 1, pages: 1, items: rollup.actions, from: 1, to: rollup.actions.length };
  return (
    <>
      <ul className="fr-mb-3w" data-testid="budget-totals">
        <li>
          Coût prévu : <strong>{formatEuros(t.planned)}</strong> (réalisé à ce jour : {formatEuros(t.actual)})
        </li>
        <li>
          Financements acquis (accordés ou versés) : <strong>{formatEuros(t.secured)}</strong>
        </li>
        <li>Financements demandés, en attente de réponse : {formatEuros(t.requested)}</li>
        <li>Financements envisagés, pas encore demandés : {formatEuros(t.envisaged)}</li>
        <li>
          Reste à trouver : <strong>{formatEuros(t.missing)}</strong>
        </li>
        <li>
          Apports en nature : {formatEuros(t.inKindEuros)}, soit {formatDays(t.inKindDays)}
        </li>
      </ul>
      <p className="fr-text--sm">
        Le reste à trouver est, pour chaque action, son coût prévu moins l&apos;acquis et le demandé (jamais moins de zéro), puis la somme des
        actions : l&apos;excédent de financement d&apos;une action ne comble pas le manque d&apos;une autre. Les apports en nature sont comptés à
        part, valorisés selon le réglage du territoire.
      </p>
      {rollup.overfunded.length > 0 ? (
        <div className="fr-alert fr-alert--warning fr-mb-3w">
          <h3 className="fr-alert__title">Financements supérieurs au coût prévu</h3>
          <p>L&apos;acquis et le demandé dépassent le coût prévu pour ces actions : vérifiez leurs budgets ou leurs financements.</p>
          <ul>
            {rollup.overfunded.map((a) => (
              <li key={a.id}>
                {a.title} : coût prévu {formatEuros(a.planned)}, acquis et demandé {formatEuros(a.secured + a.requested)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>Par axe</h3>
      <ChartAndTable svg={rollup.axes.length > 0 ? axisChartSvg(rollup) : null}>
        <Table>
          <caption>Synthèse par axe</caption>
          <MoneyHead first={["Axe", "Actions"]} />
          <tbody>
            {rollup.axes.map((a) => (
              <tr key={a.id ?? "sans-axe"}>
                <th scope="row">{a.title}</th>
                <td>{a.actions}</td>
                <MoneyCells m={a} unit={unit} />
              </tr>
            ))}
            <tr>
              <th scope="row">Total du plan</th>
              <td>{rollup.actions.length}</td>
              <MoneyCells m={t} unit={unit} />
            </tr>
          </tbody>
        </Table>
      </ChartAndTable>

      <h3>Par année</h3>
      <ChartAndTable svg={rollup.byYear.length > 0 ? yearChartSvg(rollup) : null}>
        <Table>
          <caption>Par année (le reste à trouver calculé action par action, année par année)</caption>
          <MoneyHead first={["Année"]} />
          <tbody>
            {rollup.byYear.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <MoneyCells m={y} unit={unit} />
              </tr>
            ))}
          </tbody>
        </Table>
      </ChartAndTable>

      <h3>Par financeur</h3>
      {rollup.byFunder.length === 0 ? (
        <p>Aucun cofinancement n&apos;est encore renseigné.</p>
      ) : (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Cofinancements par financeur et par statut</caption>
            <thead>
              <tr>
                <th scope="col">Financeur</th>
                <th scope="col">Acquis</th>
                <th scope="col">Demandé</th>
                <th scope="col">Envisagé</th>
                <th scope="col">Refusé</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rollup.byFunder.map((f) => (
                <tr key={f.funder}>
                  <th scope="row">{f.funder}</th>
                  <td>{formatEuros(f.secured)}</td>
                  <td>{formatEuros(f.requested)}</td>
                  <td>{formatEuros(f.envisaged)}</td>
                  <td>{formatEuros(f.refused)}</td>
                  <td>{f.actions}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      <h3>Par action</h3>
      <div className="fr-table fr-table--sm">
        <Table>
          <caption>
            Synthèse par action
            {shown.pages > 1 ? ` (actions ${formatNumber(shown.from)} à ${formatNumber(shown.to)} sur ${formatNumber(rollup.actions.length)}, dans l'ordre du plan)` : ""}
          </caption>
          <MoneyHead first={["Action", "Axe"]} />
          <tbody>
            {shown.items.map((a) => (
              <tr key={a.id}>
                <th scope="row">{actionHref ? <a href={actionHref(a.id)}>{a.title}</a> : a.title}</th>
                <td>{axisTitle(a.axisId)}</td>
                <MoneyCells m={a} unit={unit} />
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      {pageHref ? <Pager page={shown.page} total={rollup.actions.length} pageSize={VIEW_PAGE_SIZE} href={pageHref} label="Pages de la synthèse par action" /> : null}
    </>
  );
}

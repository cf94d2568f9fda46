import Link from "next/link";
import { formatDate, formatNumber } from "@/platform/text";
import { indicatorStatusLabels, type IndicatorStatus } from "@/modules/indicators";
import { SvgChart } from "@/ui/charts/svg-chart-view";
import { Table } from "@/ui/table";
import { formatValue, statusBadge, type EvaluationData, type IndicatorLine } from "../report";
import { COMMITMENTS_PENDING, indicatorChartSvg, lineSentence, planChartSvg, summarySentences } from "../render";

export function StatusBadge({ status }: { status: IndicatorStatus }) {
  return <p className={`fr-badge fr-badge--sm fr-badge--no-icon fr-badge--${statusBadge[status]} fr-mb-1w`}>{indicatorStatusLabels[status]}</p>;
}

/** One indicator: its status, where it stands against its target, its trend as a chart beside the table of its values. */
export function IndicatorCard({ line, href, level = 4, chart = true, context }: { line: IndicatorLine; href?: string; level?: 3 | 4; chart?: boolean; context: string }) {
  const Heading = `h${level}` as const;
  const svg = chart ? indicatorChartSvg(line) : null;
  const rows = [
    ...(line.baseline ? [{ on: line.baseline.on, kind: "Valeur de départ", value: line.baseline.value }] : []),
    ...line.series.map((m) => ({ on: m.on, kind: m.isEstimate ? "Mesure (estimation)" : "Mesure", value: m.value })),
    ...line.targets.map((t) => ({ on: t.periodEnd, kind: "Cible", value: t.value })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return (
    <div className="fr-mb-4w" style={{ breakInside: "avoid" }}>
      <Heading className="fr-mb-1w">{href ? <Link href={href}>{line.name}</Link> : line.name}</Heading>
      <StatusBadge status={line.status} />
      <p className="fr-mb-1w">{lineSentence(line)}.</p>
      {line.progress !== null ? (
        <p className="fr-mb-1w">
          <label htmlFor={`progress-${context}-${line.id}`}>Avancement vers la cible : </label>
          <progress id={`progress-${context}-${line.id}`} max={100} value={line.progress}>
            {line.progress} %
          </progress>{" "}
          {line.progress} %
        </p>
      ) : null}
      <p className="fr-text--sm fr-mb-1w">
        Sens attendu : {line.direction.toLowerCase()}. Source : {line.source}.{line.owner ? ` Responsable : ${line.owner}.` : ""}
      </p>
      {rows.length > 0 ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          {svg ? (
            <div className="fr-col-12 fr-col-lg-7">
              <SvgChart svg={svg} />
            </div>
          ) : null}
          <div className={svg ? "fr-col-12 fr-col-lg-5" : "fr-col-12"}>
            <div className="fr-table fr-table--sm fr-mb-0">
              <Table>
                <caption>Valeurs de « {line.name} »</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Nature</th>
                    <th scope="col">Valeur</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={`${r.on}-${r.kind}-${i}`}>
                      <td>{formatDate(r.on)}</td>
                      <td>{r.kind}</td>
                      <td>{formatValue(r.value, line.unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </div>
        </div>
      ) : (
        <p className="fr-text--sm">Aucune valeur pour l&apos;instant.</p>
      )}
    </div>
  );
}

/** Overall plan health: actions by status (chart beside its table) and the share on track. */
export function PlanHealth({ data }: { data: EvaluationData }) {
  const svg = planChartSvg(data);
  if (data.plan.actions === 0) return <p>Le plan d&apos;action n&apos;a pas encore d&apos;action.</p>;
  return (
    <>
      <p>
        {data.plan.onTrackShare === null ? "Aucune action n'a encore commencé." : `${formatNumber(data.plan.onTrackShare)} % des actions engagées tiennent leur cap (planifiées, en cours ou terminées ; les idées et les actions abandonnées ne comptent pas).`}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        {svg ? (
          <div className="fr-col-12 fr-col-lg-7">
            <SvgChart svg={svg} />
          </div>
        ) : null}
        <div className="fr-col-12 fr-col-lg-5">
          <div className="fr-table fr-table--sm">
            <Table>
              <caption>Actions du plan par statut</caption>
              <thead>
                <tr>
                  <th scope="col">Statut</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.plan.byStatus.map((s) => (
                  <tr key={s.status}>
                    <td>{s.label}</td>
                    <td>{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </div>
      </div>
    </>
  );
}

export function Summary({ data }: { data: EvaluationData }) {
  return (
    <>
      {summarySentences(data).map((s) => (
        <p key={s}>{s}</p>
      ))}
    </>
  );
}

/** The report's and the dashboard's body: per objective, then per action, then the commitments' place. */
export function EvaluationBody({ data, hrefOf }: { data: EvaluationData; hrefOf?: (id: string) => string }) {
  return (
    <>
      <h2 id="objectifs">Par objectif</h2>
      {data.objectives.length === 0 ? <p>La stratégie n&apos;a pas encore d&apos;objectif.</p> : null}
      {data.objectives.map((o) => (
        <div key={o.id}>
          <h3 id={`objectif-${o.id}`}>{o.title}</h3>
          {o.indicators.length === 0 ? <p>Aucun indicateur pour cet objectif.</p> : o.indicators.map((l) => <IndicatorCard key={l.id} line={l} href={hrefOf?.(l.id)} context={o.id} />)}
        </div>
      ))}
      <h2 id="actions">Par action</h2>
      <PlanHealth data={data} />
      {data.actions.length > 0 ? (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>État des actions et de leurs indicateurs</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Statut</th>
                <th scope="col">Indicateurs</th>
              </tr>
            </thead>
            <tbody>
              {data.actions.map((a) => (
                <tr key={a.lineageId}>
                  <td>{a.title}</td>
                  <td>{a.statusLabel}</td>
                  <td>{a.indicators.length === 0 ? "aucun" : a.indicators.map((l) => `${l.name} (${indicatorStatusLabels[l.status].toLowerCase()})`).join(" ; ")}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : null}
      {data.actions
        .filter((a) => a.indicators.length > 0)
        .map((a) => (
          <div key={a.lineageId}>
            <h3 id={`action-${a.lineageId}`}>{a.title}</h3>
            {a.indicators.map((l) => (
              <IndicatorCard key={l.id} line={l} href={hrefOf?.(l.id)} context={a.lineageId} />
            ))}
          </div>
        ))}
      <h2 id="engagements">Engagements des partenaires</h2>
      {data.commitments ? (
        <div className="fr-table fr-table--sm">
          <Table>
            <caption>Suivi des engagements</caption>
            <thead>
              <tr>
                <th scope="col">Partenaire</th>
                <th scope="col">Engagement</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {data.commitments.map((c, i) => (
                <tr key={i}>
                  <td>{c.partner}</td>
                  <td>{c.commitment}</td>
                  <td>{c.health}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>{COMMITMENTS_PENDING}</p>
      )}
    </>
  );
}

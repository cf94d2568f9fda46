import Link from "next/link";
import { Table } from "@/ui/table";
import type { Timeline, TimelineRow } from "../timeline";
import { monthLabel } from "../timeline";
import { statusLabels } from "../view-labels";
import { TimelineKeys } from "./timeline-keys";

const BAR = "var(--background-action-high-blue-france)";
const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

function period(r: Pick<TimelineRow, "startMonth" | "endMonth">): string {
  if (!r.startMonth && !r.endMonth) return "non datée";
  if (r.startMonth && r.endMonth && r.startMonth !== r.endMonth) return `de ${monthLabel(r.startMonth)} à ${monthLabel(r.endMonth)}`;
  return `en ${monthLabel((r.startMonth ?? r.endMonth) as string)}`;
}

/**
 * The Gantt-style grid: a table (one row per action, one column per month), the months an action runs
 * filled, its steps marked ◆ (done ✓) in their month; every cell says in words what it shows, reachable
 * with the arrow keys. The same content as a plain table follows (`TimelineTable`).
 */
export function TimelineGrid({ timeline, actionHref, id = "calendrier-grille" }: { timeline: Timeline; actionHref?: (id: string) => string; id?: string }) {
  const { months, rows, years } = timeline;
  if (rows.length === 0) return <p>Aucune action datée sur cette période.</p>;
  return (
    <div className="fr-table fr-table--sm fr-table--no-caption-bottom" id={id} data-months={months.length}>
      <TimelineKeys gridId={id} />
      <Table style={{ fontSize: "0.75rem" }}>
        <caption>
          Calendrier des actions par mois, {years.length === 1 ? years[0] : `${years[0]}–${years.at(-1)}`} (flèches du clavier pour se déplacer de mois en mois)
        </caption>
        <thead>
          {years.length > 1 ? (
            <tr>
              <td />
              {years.map((y) => (
                <th key={y} scope="colgroup" colSpan={12}>
                  {y}
                </th>
              ))}
            </tr>
          ) : null}
          <tr>
            <th scope="col">Action</th>
            {months.map((m) => (
              <th key={m.key} scope="col" style={{ padding: "0.25rem", minWidth: "2.2rem" }}>
                <abbr title={m.long}>{m.label}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={r.id}>
              <th scope="row" style={{ minWidth: "12rem" }}>
                {actionHref ? (
                  <Link href={actionHref(r.id)} prefetch={false}>
                    {r.title}
                  </Link>
                ) : (
                  r.title
                )}
                <span className="fr-sr-only"> ({statusLabels[r.status]}, {period(r)})</span>
              </th>
              {months.map((m, mi) => {
                const on = r.from !== null && r.to !== null && mi >= r.from && mi <= r.to;
                const steps = r.steps.get(mi) ?? [];
                // A screen reader names the row (action) and column (month) of a cell: the cell says only what
                // happens then, and an empty month stays empty (a 2,000-action grid stays light).
                const words = [...(on ? ["en cours"] : []), ...steps.map((s) => `étape « ${s.title} » le ${day(s.dueDate)}${s.done ? ", faite" : ""}`)].join(" ; ");
                return (
                  <td key={m.key} data-cell={`${ri}:${mi}`} tabIndex={-1} style={{ padding: 0, height: "1.75rem", background: on ? BAR : undefined, color: on ? "#fff" : undefined, textAlign: "center" }}>
                    {words ? <span className="fr-sr-only">{words}</span> : null}
                    {steps.length > 0 ? (
                      <span aria-hidden="true" title={steps.map((s) => s.title).join(", ")}>
                        {steps.every((s) => s.done) ? "✓" : "◆"}
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="fr-text--xs">
        Légende : case bleue, mois où l&apos;action se déroule ; ◆ étape à faire ; ✓ étape faite. Une action commencée avant la période ou finie après est coupée aux bords.
      </p>
    </div>
  );
}

/** The same calendar as a plain table: each action's dates, status and steps in words. */
export function TimelineTable({ timeline, axisTitle }: { timeline: Timeline; axisTitle: (id: string | null) => string }) {
  const all = [...timeline.rows, ...timeline.outside, ...timeline.undated];
  return (
    <div className="fr-table fr-table--sm">
      <Table>
        <caption>Le calendrier en tableau : période et étapes de chaque action</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Axe</th>
            <th scope="col">Statut</th>
            <th scope="col">Période</th>
            <th scope="col">Étapes</th>
          </tr>
        </thead>
        <tbody>
          {all.map((r) => {
            const steps = [...[...r.steps.values()].flat(), ...r.otherSteps];
            return (
              <tr key={r.id}>
                <th scope="row">{r.title}</th>
                <td>{axisTitle(r.axisId)}</td>
                <td>{statusLabels[r.status]}</td>
                <td>{period(r)}</td>
                <td>
                  {steps.length === 0 ? (
                    "aucune"
                  ) : (
                    <ul className="fr-mb-0">
                      {steps.map((s, i) => (
                        <li key={i}>
                          {s.title}
                          {s.dueDate ? ` — ${day(s.dueDate)}` : " — sans date"}
                          {s.done ? " (faite)" : " (à faire)"}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}

/**
 * The timeline's grid and its table equivalent as markup kept with their timeline (ADR 031): a page of the
 * grid is 100 actions × 24 months, 2,400 cells that React rendered twice on every view (the HTML and the RSC
 * payload, element by element: ~100 ms of CPU per view, which PGlite's single thread shares with every other
 * request). A timeline is built once per version's view (content revision), page and years, and never
 * mutated (timeline.ts, paging.ts): its markup is the same until the plan changes, and is kept with it (a
 * write gives a new view, hence new timelines; the old markup goes with them). Links are plain links: the
 * action's sheet opens as a new page, as without JavaScript. The arrow keys are TimelineKeys' (a client
 * component beside the markup).
 */
import { html, tableHtml, type Html } from "@/ui/html";
import type { Timeline, TimelineRow } from "../timeline";
import { monthLabel } from "../timeline";
import { statusLabels } from "../view-labels";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const day = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));

export function period(r: Pick<TimelineRow, "startMonth" | "endMonth">): string {
  if (!r.startMonth && !r.endMonth) return "non datée";
  if (r.startMonth && r.endMonth && r.startMonth !== r.endMonth) return `de ${monthLabel(r.startMonth)} à ${monthLabel(r.endMonth)}`;
  return `en ${monthLabel((r.startMonth ?? r.endMonth) as string)}`;
}

// Kept per timeline (identity), then per link prefix (grid) or per axes list (table, the view's own array).
const grids = new WeakMap<Timeline, Map<string, Html>>();
const tables = new WeakMap<Timeline, WeakMap<object, Html>>();

/**
 * The Gantt-style grid (`<table>` and legend, inside the `.fr-table` the caller draws): one row per action,
 * one column per month, the months an action runs filled, its steps marked ◆ (done ✓) in their month; every
 * cell says in words what it shows. `actionBase`: the actions' sheets (`…/plan/actions`), or none (public page).
 */
export function timelineGridHtml(timeline: Timeline, actionBase: string | null): Html {
  let byBase = grids.get(timeline);
  if (!byBase) grids.set(timeline, (byBase = new Map()));
  const key = actionBase ?? "";
  const known = byBase.get(key);
  if (known) return known;
  const made = gridHtml(timeline, actionBase);
  byBase.set(key, made);
  return made;
}

function gridHtml({ months, rows, years }: Timeline, actionBase: string | null): Html {
  const yearsRow = years.length > 1 ? html`<tr><td></td>${years.map((y) => html`<th scope="colgroup" colspan="12">${y}</th>`)}</tr>` : "";
  const head = html`${yearsRow}<tr><th scope="col">Action</th>${months.map((m) => html`<th scope="col" class="maillage-month"><abbr title="${m.long}">${m.label}</abbr></th>`)}</tr>`;
  const body = rows.map((r, ri) => {
    const title = actionBase ? html`<a href="${`${actionBase}/${r.id}`}">${r.title}</a>` : r.title;
    const cells = months.map((_, mi) => {
      const on = r.from !== null && r.to !== null && mi >= r.from && mi <= r.to;
      const steps = r.steps.get(mi) ?? [];
      // A screen reader names the row (action) and column (month) of a cell: the cell says only what happens
      // then, and an empty month stays empty (a long grid stays light).
      const words = [...(on ? ["en cours"] : []), ...steps.map((s) => `étape « ${s.title} » le ${day(s.dueDate)}${s.done ? ", faite" : ""}`)].join(" ; ");
      return html`<td data-cell="${`${ri}:${mi}`}" tabindex="-1" class="${on ? "maillage-cell maillage-on" : "maillage-cell"}">${words ? html`<span class="fr-sr-only">${words}</span>` : ""}${
        steps.length > 0 ? html`<span aria-hidden="true" title="${steps.map((s) => s.title).join(", ")}">${steps.every((s) => s.done) ? "✓" : "◆"}</span>` : ""
      }</td>`;
    });
    return html`<tr><th scope="row" class="maillage-action">${title}<span class="fr-sr-only"> (${statusLabels[r.status]}, ${period(r)})</span></th>${cells}</tr>`;
  });
  const caption = `Calendrier des actions par mois, ${years.length === 1 ? years[0] : `${years[0]}–${years.at(-1)}`} (flèches du clavier pour se déplacer de mois en mois)`;
  // The twin of `<Table>` (src/ui/table.tsx), with the grid's class.
  return html`<table tabindex="0" class="maillage-timeline"><caption>${caption}</caption><thead>${head}</thead><tbody>${body}</tbody></table><p class="fr-text--xs">Légende : case bleue, mois où l'action se déroule ; ◆ étape à faire ; ✓ étape faite. Une action commencée avant la période ou finie après est coupée aux bords.</p>`;
}

/** The same calendar as a plain table (`<table>` for a `.fr-table`): each action's dates, status and steps in words. */
export function timelineTableHtml(timeline: Timeline, axes: readonly { id: string; title: string }[]): Html {
  let byAxes = tables.get(timeline);
  if (!byAxes) tables.set(timeline, (byAxes = new WeakMap()));
  const known = byAxes.get(axes);
  if (known) return known;
  const titles = new Map(axes.map((a) => [a.id, a.title]));
  const axisTitle = (id: string | null) => (id ? (titles.get(id) ?? "") : "sans axe");
  const all = [...timeline.rows, ...timeline.outside, ...timeline.undated];
  const made = tableHtml(
    "Le calendrier en tableau : période et étapes de chaque action",
    html`<tr><th scope="col">Action</th><th scope="col">Axe</th><th scope="col">Statut</th><th scope="col">Période</th><th scope="col">Étapes</th></tr>`,
    all.map((r) => {
      const steps = [...[...r.steps.values()].flat(), ...r.otherSteps];
      const list =
        steps.length === 0
          ? "aucune"
          : html`<ul class="fr-mb-0">${steps.map((s) => html`<li>${s.title}${s.dueDate ? ` — ${day(s.dueDate)}` : " — sans date"}${s.done ? " (faite)" : " (à faire)"}</li>`)}</ul>`;
      return html`<tr><th scope="row">${r.title}</th><td>${axisTitle(r.axisId)}</td><td>${statusLabels[r.status]}</td><td>${period(r)}</td><td>${list}</td></tr>`;
    }),
  );
  byAxes.set(axes, made);
  return made;
}

import type { Timeline } from "../timeline";
import type { PlanView } from "../read";
import { timelineGridHtml, timelineTableHtml } from "./timeline-html";
import { TimelineKeys } from "./timeline-keys";

/**
 * The Gantt-style grid: a table (one row per action, one column per month), reachable with the arrow keys
 * (TimelineKeys); its markup is kept with the timeline (timeline-html.ts). No dated action: a sentence.
 * `actionBase`: where the actions' sheets are (`/espace/<slug>/plan/actions`), none on the public page.
 */
export function TimelineGrid({ timeline, actionBase = null, id = "calendrier-grille" }: { timeline: Timeline; actionBase?: string | null; id?: string }) {
  if (timeline.rows.length === 0) return <p>Aucune action datée sur cette période.</p>;
  return (
    <>
      <TimelineKeys gridId={id} />
      <div className="fr-table fr-table--sm fr-table--no-caption-bottom" id={id} data-months={timeline.months.length} dangerouslySetInnerHTML={timelineGridHtml(timeline, actionBase)} />
    </>
  );
}

/** The same calendar as a plain table: each action's dates, status and steps in words (markup kept with the timeline). */
export function TimelineTable({ timeline, axes }: { timeline: Timeline; axes: PlanView["axes"] }) {
  return <div className="fr-table fr-table--sm" dangerouslySetInnerHTML={timelineTableHtml(timeline, axes)} />;
}

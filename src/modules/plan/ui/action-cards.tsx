import Link from "next/link";
import { formatNumber } from "@/platform/text";
import { arrangeActionAction } from "../actions";
import type { ActionCard } from "../queries";
import { monthText } from "../validation";
import { statusLabels, type ActionStatus } from "../vocabulary";

const badge: Record<ActionStatus, string> = {
  idee: "fr-badge--new",
  planifiee: "fr-badge--info",
  en_cours: "fr-badge--success",
  en_pause: "",
  bloquee: "fr-badge--error",
  en_retard: "fr-badge--warning",
  terminee: "fr-badge--success",
  abandonnee: "",
};

export function StatusBadge({ status }: { status: ActionStatus }) {
  return <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${badge[status]}`}>{statusLabels[status]}</p>;
}

export const euros = (n: number) => `${formatNumber(Math.round(n * 100) / 100)} €`;

/** When an action runs, in words: "03/2027 → 12/2028", "dès 03/2027", "dates à fixer". */
export function period(start: string | null, end: string | null): string {
  if (start && end) return `${monthText(start)} → ${monthText(end)}`;
  if (start) return `dès ${monthText(start)}`;
  if (end) return `jusqu'à ${monthText(end)}`;
  return "dates à fixer";
}

/**
 * The actions of one axis as cards, in their order. « Monter » / « Descendre » are plain forms (they work without
 * JavaScript), shown to those who edit the working version.
 */
export function ActionCards({ slug, cards, canMove }: { slug: string; cards: ActionCard[]; canMove: boolean }) {
  return (
    <ol className="fr-raw-list fr-grid-row fr-grid-row--gutters">
      {cards.map((c, i) => (
        <li key={c.id} className="fr-col-12 fr-col-md-6 fr-col-lg-4" id={`action-${c.id}`}>
          <div className="fr-card fr-card--sm">
            <div className="fr-card__body">
              <div className="fr-card__content">
                <h4 className="fr-card__title">
                  <Link href={`/espace/${slug}/plan/actions/${c.id}`}>{c.title}</Link>
                </h4>
                <div className="fr-card__desc">
                  <p className="fr-mb-1w">Porteur : {c.leadName ?? "à trouver"}</p>
                  <p className="fr-mb-1w">
                    {period(c.startMonth, c.endMonth)}
                    {c.recurring ? ", reconduite chaque année" : ""}
                  </p>
                  <p className="fr-mb-1w">
                    Coût prévu {euros(c.planned)}, financements acquis {euros(c.secured)}
                  </p>
                  {c.steps ? (
                    <p className="fr-mb-0">
                      Étapes : {c.stepsDone} faite{c.stepsDone > 1 ? "s" : ""} sur {c.steps}
                    </p>
                  ) : null}
                </div>
                <div className="fr-card__start">
                  <StatusBadge status={c.status} />
                </div>
              </div>
              {canMove && cards.length > 1 ? (
                <div className="fr-card__footer">
                  <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                    {i > 0 ? (
                      <li>
                        <MoveButton slug={slug} id={c.id} op="up" title={c.title} />
                      </li>
                    ) : null}
                    {i < cards.length - 1 ? (
                      <li>
                        <MoveButton slug={slug} id={c.id} op="down" title={c.title} />
                      </li>
                    ) : null}
                  </ul>
                </div>
              ) : null}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

function MoveButton({ slug, id, op, title }: { slug: string; id: string; op: "up" | "down"; title: string }) {
  return (
    <form action={arrangeActionAction}>
      <input type="hidden" name="territory" value={slug} />
      <input type="hidden" name="action" value={id} />
      <input type="hidden" name="op" value={op} />
      <button type="submit" className={`fr-btn fr-btn--tertiary fr-btn--sm fr-btn--icon-left ${op === "up" ? "fr-icon-arrow-up-line" : "fr-icon-arrow-down-line"}`} title={`${op === "up" ? "Monter" : "Descendre"} « ${title} »`}>
        {op === "up" ? "Monter" : "Descendre"}
        <span className="fr-sr-only"> « {title} »</span>
      </button>
    </form>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { readSearchParams } from "@/platform/web/search-params";
import { formatDate } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { ActionErrorNotice } from "@/ui/action-error";
import { planAbilities } from "@/modules/plan/policy";
import { listActionCards, listAxes } from "@/modules/plan/queries";
import { findPlanVersion, listPlanVersions } from "@/modules/plan/versions";
import { ActionCards } from "@/modules/plan/ui/action-cards";

export const metadata: Metadata = { title: "Plan d'action" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = { supprime: "L'action est supprimée.", deplace: "L'action a changé de place." };

/** The plan by axis, as cards: the working version by default, any version with ?version=N. */
export default async function PlanPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan`);
  const { db } = await getRuntime();
  const can = planAbilities(principal, territory);
  const asked = Number(Array.isArray(sp.version) ? sp.version[0] : sp.version);
  const versions = await listPlanVersions(db, territory.id);
  const version = await findPlanVersion(db, territory.id, Number.isInteger(asked) && asked > 0 ? asked : undefined);
  const [cards, axes] = version ? [await listActionCards(db, territory.id, version.id), await listAxes(db, territory.id)] : [[], []];
  // New actions go to the working version (the latest, not frozen; created with the first action): none to add to
  // when the latest is frozen. The cards move only in the working version.
  const latest = versions[0];
  const canCreate = can.edit && (!latest || latest.frozenAt === null);
  const editable = can.edit && version !== undefined && version.frozenAt === null;
  const notice = Object.keys(notices).find((k) => sp[k] !== undefined);
  const base = `/espace/${territory.slug}/plan`;
  const groups = [...axes.map((a) => ({ id: a.id, title: a.title })), { id: null, title: "Sans axe" }]
    .map((g) => ({ ...g, cards: cards.filter((c) => c.axisId === g.id) }))
    .filter((g) => g.id !== null || g.cards.length > 0);
  return (
    <>
      <h2>Plan d&apos;action</h2>
      <ActionErrorNotice code={sp.erreur} />
      {notice ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{notices[notice]}</p>
        </div>
      ) : null}
      <p>
        Qui fait quoi, quand, avec quels moyens : les actions du plan, rangées par axe de la <Link href={`/espace/${territory.slug}/strategie`}>stratégie</Link>.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {canCreate ? (
          <li>
            <Link className="fr-btn fr-icon-add-line" href={`${base}/actions/nouvelle`}>
              Nouvelle action
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="fr-btn fr-btn--secondary" href={`${base}/versions`}>
            Versions du plan
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={`${base}/calendrier`}>
            Calendrier
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={`${base}/budget`}>
            Budget
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--tertiary" href={`${base}/carte`}>
            Carte des communes
          </Link>
        </li>
      </ul>

      {versions.length > 1 ? (
        <form method="get" className="fr-mb-3w" aria-label="Choisir une version du plan">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="plan-version">
              Version affichée
            </label>
            <select className="fr-select" id="plan-version" name="version" defaultValue={String(version?.number ?? "")}>
              {versions.map((v) => (
                <option key={v.id} value={v.number}>
                  {`Version ${v.number} : ${v.title}${v.frozenAt ? " (figée)" : " (en cours)"}${v.publishedAt ? ", publiée" : ""}`}
                </option>
              ))}
            </select>
          </div>
          <button className="fr-btn fr-btn--secondary fr-btn--sm" type="submit">
            Afficher
          </button>
        </form>
      ) : null}

      {!version ? (
        <p>Le plan n&apos;a pas encore d&apos;action.{canCreate ? " Commencez par la première : une version 1 du plan s'ouvre avec elle." : ""}</p>
      ) : (
        <>
          <p className="fr-text--sm">
            Version {version.number} : {version.title} ({version.startYear}–{version.endYear})
            {version.frozenAt ? `, figée le ${formatDate(version.frozenAt)} : elle ne change plus.` : ", en cours."} {cards.length} action{cards.length > 1 ? "s" : ""}.
          </p>
          {groups.map((g) => (
            <section key={g.id ?? "sans-axe"} aria-labelledby={`axe-${g.id ?? "aucun"}`} className="fr-mb-5w">
              <h3 id={`axe-${g.id ?? "aucun"}`}>
                {g.title} ({g.cards.length})
              </h3>
              {g.cards.length === 0 ? <p>Aucune action dans cet axe pour l&apos;instant.</p> : <ActionCards slug={territory.slug} cards={g.cards} canMove={editable} />}
            </section>
          ))}
        </>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { formatDate } from "@/platform/text";
import { territoryPage } from "@/modules/territories/web";
import { crumbLabel, WorkspaceBreadcrumb } from "@/ui/breadcrumbs";
import { themeLabel } from "@/modules/themes";
import { parisDay } from "@/modules/funding/journey";
import { aidKindLabels, deadlineKindLabels } from "@/modules/funding/validation";
import { loadFundingMatch } from "@/composition/funding-match";

export const metadata: Metadata = { title: "Financements possibles" };

type Props = { params: Promise<{ slug: string; id: string }> };

const euros = (n: number) => `${Math.round(n).toLocaleString("fr-FR")} €`;
const month = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }) : null);

/** For one action of the plan: the sources whose perimeter, bearers, themes and deadlines fit, ranked, with why. */
export default async function ActionFundingPage({ params }: Props) {
  const { slug, id } = await params;
  const { territory } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan/actions/${id}/financements`);
  const { db } = await getRuntime();
  const page = await loadFundingMatch(db, territory.id, id, parisDay(new Date()));
  if (!page) notFound();
  const { action } = page;
  const start = month(action.startMonth);
  const end = month(action.endMonth);
  return (
    <>
      <WorkspaceBreadcrumb
        territory={territory}
        module={{ label: "Plan d'action", href: `/espace/${territory.slug}/plan` }}
        segments={[{ label: crumbLabel(action.title), href: `/espace/${territory.slug}/plan/actions/${action.id}` }]}
        current="Financements possibles"
      />
      <h2>Financements possibles : {action.title}</h2>
      <ul>
        <li>Porteur : {action.leadName ?? "pas encore choisi"}</li>
        <li>Thèmes : {action.themes.length ? action.themes.map(themeLabel).join(", ") : "aucun"}</li>
        <li>Où : {action.communeCount ? `${action.communeCount} commune${action.communeCount > 1 ? "s" : ""} du territoire` : "tout le territoire"}</li>
        {start ? <li>De {start}{end ? ` à ${end}` : ""}</li> : null}
        <li>
          {page.planned === null
            ? "Budget : pas encore de ligne de budget."
            : `Budget prévu : ${euros(page.planned)} ; financements accordés ou versés : ${euros(page.secured)} ; reste à trouver : ${euros(page.matchAction.amountNeeded ?? 0)}.`}
        </li>
      </ul>
      <p>
        {page.matches.length} source{page.matches.length > 1 ? "s" : ""} sur {page.looked} peuvent convenir, les plus proches d&apos;abord. Une source est écartée
        quand elle ne finance pas là où l&apos;action a lieu, pas ce type de porteur, ou aucun de ses thèmes.
      </p>
      <ol className="fr-raw-list">
        {page.matches.map((m, i) => (
          <li key={m.source.id} className="fr-mb-3w">
            <article className="fr-p-2w" style={{ border: "1px solid var(--border-default-grey)" }} aria-labelledby={`source-${i}`}>
              <h3 className="fr-h6 fr-mb-1w" id={`source-${i}`}>
                {i + 1}. <Link href={`/espace/${territory.slug}/financements/${m.source.id}`}>{m.source.name}</Link>
              </h3>
              <p className="fr-text--sm fr-mb-1w">
                {aidKindLabels[m.source.aidKind]}
                {m.source.local ? " · source locale" : ""}
                {m.nextDeadline ? ` · ${deadlineKindLabels[m.nextDeadline.kind].toLowerCase()} le ${formatDate(m.nextDeadline.date)}` : ""}
              </p>
              <p className="fr-text--sm fr-text--bold fr-mb-0">Pourquoi</p>
              <ul className="fr-text--sm">
                {m.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {m.cautions.length ? (
                <>
                  <p className="fr-text--sm fr-text--bold fr-mb-0">À vérifier</p>
                  <ul className="fr-text--sm">
                    {m.cautions.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}

import Link from "next/link";
import type { Territory } from "@/modules/territories";
import type { QuestionnaireAbilities } from "../policy";
import type { Questionnaire } from "../schema";
import { audienceLabels, statusLabels } from "../types";
import { WorkspaceBreadcrumb } from "@/ui/breadcrumbs";

type Tab = "construction" | "apercu" | "campagnes" | "resultats" | "reponses";

const badge = { draft: "fr-badge--new", published: "fr-badge--success", closed: "fr-badge--info" } as const;

/** Below the workspace menu (drawn by the layout): the questionnaire's title, status and its own tabs. */
export function QuestionnaireNav({ territory, can, questionnaire, current }: { territory: Territory; can: QuestionnaireAbilities; questionnaire: Questionnaire; current: Tab }) {
  const base = `/espace/${territory.slug}/questionnaires/${questionnaire.id}`;
  const tabs: { id: Tab; label: string; href: string; show: boolean }[] = [
    { id: "construction", label: "Questions", href: base, show: can.view },
    { id: "apercu", label: "Aperçu", href: `${base}/apercu`, show: can.view },
    { id: "campagnes", label: "Campagnes et liens", href: `${base}/campagnes`, show: can.view },
    { id: "resultats", label: "Résultats", href: `${base}/resultats`, show: can.viewResults },
    { id: "reponses", label: "Réponses reçues", href: `${base}/reponses`, show: can.moderate },
  ];
  const here = tabs.find((t) => t.id === current && t.id !== "construction");
  return (
    <>
      {/* The workspace menu draws no breadcrumb on a questionnaire's pages: this one names the questionnaire. */}
      <WorkspaceBreadcrumb
        territory={territory}
        module={{ label: "Questionnaires", href: `/espace/${territory.slug}/questionnaires` }}
        segments={here ? [{ label: questionnaire.title, href: base }] : []}
        current={here ? here.label : questionnaire.title}
      />
      <p className="fr-mb-1w">
        <Link href={`/espace/${territory.slug}/questionnaires`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          Tous les questionnaires
        </Link>
      </p>
      <h2 className="fr-mb-1w">
        {questionnaire.title}{" "}
        <span className={`fr-badge fr-badge--sm ${badge[questionnaire.status]}`}>{statusLabels[questionnaire.status]}</span>
        {questionnaire.demo ? <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Démonstration</span> : null}
      </h2>
      <p className="fr-text--sm fr-mb-2w">Public : {audienceLabels[questionnaire.audience]}</p>
      <nav className="fr-mb-4w" aria-label="Pages du questionnaire">
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          {tabs
            .filter((t) => t.show)
            .map((t) => (
              <li key={t.id}>
                <Link className={`fr-btn fr-btn--sm ${t.id === current ? "" : "fr-btn--tertiary"}`} href={t.href} aria-current={t.id === current ? "page" : undefined}>
                  {t.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
    </>
  );
}

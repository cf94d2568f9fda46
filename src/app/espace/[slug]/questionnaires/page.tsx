import type { Metadata } from "next";
import Link from "next/link";
import { getRuntime } from "@/platform/runtime";
import { formatNumber } from "@/platform/text";
import { ActionForm, Field, RadioGroup } from "@/ui/form";
import { listQuestionnaires } from "@/modules/questionnaires/queries";
import { templateQuestionCount, templates } from "@/modules/questionnaires/templates";
import { audienceLabels, statusLabels } from "@/modules/questionnaires/types";
import { questionnairesPage } from "@/modules/questionnaires/ui/load";
import { formatDay } from "@/modules/questionnaires/ui/format";
import { createQuestionnaireAction } from "@/modules/questionnaires/actions";
import { readSearchParams } from "@/platform/web/search-params";
import { Table } from "@/ui/table";

export const metadata: Metadata = { title: "Questionnaires participatifs" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The territory's questionnaires, and a new one from a template, from another one, or empty. */
export default async function QuestionnairesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = readSearchParams(await searchParams);
  const { territory, can } = await questionnairesPage(slug, "view", `/espace/${slug}/questionnaires`);
  const { db } = await getRuntime();
  const list = await listQuestionnaires(db, territory.id);
  const origins = [
    ...Object.values(templates).map((t) => ({ value: t.id, label: `Modèle « ${t.title} » (${templateQuestionCount(t)} questions)`, hint: t.summary })),
    ...list.map((q) => ({ value: q.id, label: `Copie de « ${q.title} »`, hint: "Une nouvelle version, sans ses réponses : à utiliser pour changer ce qui ne peut plus l'être." })),
    { value: "vide", label: "Questionnaire vide", hint: "Vous écrivez toutes les questions." },
  ];
  return (
    <>
      <h2>Questionnaires participatifs</h2>
      <p>
        Les questionnaires recueillent ce que vivent et pensent les habitants, les acteurs, les élus et les agents : leurs atouts, leurs
        difficultés, leurs attentes. Ils nourrissent le diagnostic partagé. Chaque questionnaire se diffuse par un lien public (et son QR
        code), sans compte ; les réponses papier se saisissent ici.
      </p>
      {sp.supprime === "1" ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>Le questionnaire est supprimé.</p>
        </div>
      ) : null}
      {list.length > 0 ? (
        <div className="fr-table">
          <Table>
            <caption>Questionnaires du territoire</caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Public</th>
                <th scope="col">État</th>
                <th scope="col">Réponses</th>
                <th scope="col">Modifié le</th>
              </tr>
            </thead>
            <tbody>
              {list.map((q) => (
                <tr key={q.id}>
                  <th scope="row">
                    <Link href={`/espace/${territory.slug}/questionnaires/${q.id}`}>{q.title}</Link>
                    {q.demo ? <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">Démonstration</span> : null}
                  </th>
                  <td>{audienceLabels[q.audience]}</td>
                  <td>{statusLabels[q.status]}</td>
                  <td>
                    {q.responses > 0 && can.viewResults ? (
                      <Link href={`/espace/${territory.slug}/questionnaires/${q.id}/resultats`}>{formatNumber(q.responses)}</Link>
                    ) : (
                      formatNumber(q.responses)
                    )}
                  </td>
                  <td>{formatDay(q.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p>Aucun questionnaire pour l&apos;instant.</p>
      )}
      {can.edit ? (
        <section className="fr-mt-6w" aria-labelledby="nouveau">
          <h3 id="nouveau">Créer un questionnaire</h3>
          <p>
            Les modèles ont été écrits à partir de la méthode du diagnostic participatif, en mots simples. Partez d&apos;un modèle puis
            adaptez-le : la copie vous appartient.
          </p>
          <div className="fr-col-12 fr-col-md-8">
            <ActionForm action={createQuestionnaireAction} submitLabel="Créer le questionnaire">
              <input type="hidden" name="territory" value={territory.slug} />
              <RadioGroup name="origin" legend="Partir de" options={origins} defaultValue="habitants" />
              <Field name="title" label="Titre (facultatif)" hint="Sinon, le titre du modèle." maxLength={200} />
            </ActionForm>
          </div>
        </section>
      ) : null}
    </>
  );
}

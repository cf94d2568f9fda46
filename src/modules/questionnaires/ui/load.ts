import { forbidden, notFound, redirect } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { signInPath } from "@/platform/web/guard";
import { territoryPage } from "@/modules/territories";
import { questionnaireAbilities, questionnairePolicy, type QuestionnaireAction } from "../policy";
import { loadQuestionnaire } from "../queries";

/** A workspace page of the territory's questionnaires: the territory, the principal, the abilities; or 404 / sign-in / 403. */
export async function questionnairesPage(slug: string, action: QuestionnaireAction, next: string) {
  const page = await territoryPage(slug, "viewPublicPage", next);
  if (!questionnairePolicy[action](page.principal, page.territory)) {
    if (page.principal.kind !== "user") redirect(signInPath(next));
    forbidden();
  }
  return { ...page, can: questionnaireAbilities(page.principal, page.territory) };
}

/** The same, for one questionnaire of the territory (unknown id → 404). */
export async function questionnairePage(slug: string, id: string, action: QuestionnaireAction, next: string) {
  const page = await questionnairesPage(slug, action, next);
  const { db } = await getRuntime();
  const loaded = await loadQuestionnaire(db, page.territory.id, id);
  if (!loaded) notFound();
  return { ...page, ...loaded, db };
}

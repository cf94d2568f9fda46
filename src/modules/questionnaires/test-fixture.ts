/**
 * A small hand-made questionnaire for the tests (and the bench): built through the real commands, as
 * a coordinator would in the builder.
 */
import type { Principal } from "@/platform/auth/principal";
import type { Db } from "@/platform/db/client";
import { type TerritoryRef } from "@/modules/territories";
import { addQuestion, addSection, createQuestionnaire, publishQuestionnaire } from "./commands/builder";
import { loadQuestionnaire } from "./queries";

type QuestionForm = Record<string, unknown>;

/** The form fields of a question (what the builder's form posts). */
export function questionForm(section: string, fields: QuestionForm & { type: string; label: string; choices?: string[] }): QuestionForm {
  const { choices, ...rest } = fields;
  return { section, help: "", ...(choices ? { new_choices: choices.join("\n") } : {}), ...rest };
}

async function version(db: Db, territory: TerritoryRef, id: string): Promise<number> {
  const loaded = await loadQuestionnaire(db, territory.id, id);
  if (!loaded) throw new Error("questionnaire not found");
  return loaded.questionnaire.version;
}

export type Fixture = { id: string; sections: string[]; q: Record<string, string> };

/**
 * Two screens:
 * 1. "Équipement": Q1 ordinateur (single, required: Oui / Non), Q2 usages (multiple + autre),
 *    Q3 pourquoi (long text, shown if Q1 = Non, same screen), Q4 aise (scale 1–5).
 * 2. "Vous": Q5 age (single: Moins de 30 ans / 30 à 59 ans / 60 ans ou plus), Q6 foyer (number 1–20),
 *    Q7 commune (required), Q8 courriel (short text, personal), Q9 atelier (single Oui/Non, shown if Q4 = 1).
 */
export async function buildFixture(db: Db, principal: Principal, territory: TerritoryRef, options: { publish?: boolean } = {}): Promise<Fixture> {
  const { id } = await createQuestionnaire(db, principal, territory, { origin: "vide", title: "Questionnaire de test" });
  const s1 = await addSection(db, principal, territory, id, { title: "Équipement", version: await version(db, territory, id) });
  const s2 = await addSection(db, principal, territory, id, { title: "Vous", version: await version(db, territory, id) });
  const q: Record<string, string> = {};
  const add = async (key: string, form: QuestionForm) => {
    q[key] = (await addQuestion(db, principal, territory, id, { ...form, version: await version(db, territory, id) })).id;
  };
  await add("ordinateur", questionForm(s1.id, { type: "single", label: "Avez-vous un ordinateur ?", required: "on", choices: ["Oui", "Non"] }));
  await add("usages", questionForm(s1.id, { type: "multiple", label: "Que faites-vous en ligne ?", choices: ["Courriels", "Démarches", "Vidéos"], allow_other: "on" }));
  await add("pourquoi", questionForm(s1.id, { type: "long_text", label: "Pourquoi pas d'ordinateur ?", condition_question: q.ordinateur, condition_operator: "equals", condition_value: "non" }));
  await add("aise", questionForm(s1.id, { type: "scale", label: "À l'aise ?", scale_min: "Pas du tout", scale_max: "Tout à fait" }));
  await add("age", questionForm(s2.id, { type: "single", label: "Votre âge", choices: ["Moins de 30 ans", "30 à 59 ans", "60 ans ou plus"] }));
  await add("foyer", questionForm(s2.id, { type: "number", label: "Personnes au foyer", min: "1", max: "20" }));
  await add("commune", questionForm(s2.id, { type: "commune", label: "Votre commune", required: "on" }));
  await add("courriel", questionForm(s2.id, { type: "short_text", label: "Votre courriel", personal: "on" }));
  await add("atelier", questionForm(s2.id, { type: "single", label: "Un atelier vous aiderait-il ?", choices: ["Oui", "Non"], condition_question: q.aise, condition_operator: "equals", condition_value: "1" }));
  if (options.publish) await publishQuestionnaire(db, principal, territory, id, { version: await version(db, territory, id) });
  return { id, sections: [s1.id, s2.id], q };
}

export async function currentVersion(db: Db, territory: TerritoryRef, id: string): Promise<number> {
  return version(db, territory, id);
}

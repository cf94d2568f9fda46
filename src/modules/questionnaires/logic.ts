/**
 * The rules of a questionnaire that need no database: order of the questions, conditional display,
 * the screens a person goes through, what a screen's form means, and what must hold before publishing.
 */
import { LONG_TEXT_MAX, OTHER, OUTSIDE, SHORT_TEXT_MAX, type Choice, type Condition, type QuestionSettings, type QuestionType } from "./types";

export type QuestionDef = {
  id: string;
  sectionId: string;
  position: number;
  type: QuestionType;
  label: string;
  help: string;
  required: boolean;
  personal: boolean;
  settings: QuestionSettings;
  condition: Condition | null;
};

export type SectionDef = { id: string; position: number; title: string; description: string };

/** A questionnaire's structure, sections and questions in order, each question numbered from 1. */
export type Structure = {
  sections: (SectionDef & { questions: (QuestionDef & { number: number })[] })[];
};

/** What a response holds for one question (the typed columns of an answer). */
export type AnswerValue = { key?: string | null; keys?: string[] | null; number?: number | null; text?: string | null };
export type Answers = ReadonlyMap<string, AnswerValue>;

export function buildStructure(sections: SectionDef[], questions: QuestionDef[]): Structure {
  let n = 0;
  const sorted = [...sections].sort((a, b) => a.position - b.position);
  return {
    sections: sorted.map((s) => ({
      ...s,
      questions: questions
        .filter((q) => q.sectionId === s.id)
        .sort((a, b) => a.position - b.position)
        .map((q) => ({ ...q, number: ++n })),
    })),
  };
}

export function allQuestions(structure: Structure) {
  return structure.sections.flatMap((s) => s.questions);
}

export function choicesOf(q: Pick<QuestionDef, "type" | "settings">): Choice[] {
  if (q.type === "scale") return [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }));
  const list = q.settings.choices ?? [];
  return q.settings.allowOther && (q.type === "single" || q.type === "multiple") ? [...list, { value: OTHER, label: "Autre" }] : list;
}

export function isChoice(type: QuestionType): type is "single" | "multiple" {
  return type === "single" || type === "multiple";
}

/** Questions whose answers can be counted by value (charts, filters, cross-tabulation). */
export function isCategorical(type: QuestionType): boolean {
  return type === "single" || type === "multiple" || type === "scale" || type === "commune";
}

/** Does an answer satisfy a condition? No answer never does. */
export function conditionHolds(condition: Condition, answer: AnswerValue | undefined): boolean {
  if (!answer) return false;
  const value = condition.value;
  if (condition.operator === "contains") {
    if (answer.keys) return answer.keys.includes(value);
    if (answer.text) return answer.text.toLowerCase().includes(value.toLowerCase());
    return answer.key === value;
  }
  if (answer.keys) return answer.keys.length === 1 && answer.keys[0] === value;
  if (answer.number !== null && answer.number !== undefined) return Number(value.replace(",", ".")) === answer.number;
  return answer.key === value;
}

/** Questions asked in this campaign: personal ones are never asked when it is anonymous. */
export function asked(q: Pick<QuestionDef, "personal">, anonymous: boolean): boolean {
  return !(anonymous && q.personal);
}

/** Whether a question is shown given the answers so far (its condition's question must be shown and answered so). */
export function isVisible(q: QuestionDef, answers: Answers, byId: ReadonlyMap<string, QuestionDef>, anonymous: boolean, depth = 0): boolean {
  if (!asked(q, anonymous)) return false;
  if (!q.condition) return true;
  const source = byId.get(q.condition.questionId);
  // A condition on a question that no longer exists hides nothing; chains are short (earlier questions only).
  if (!source || depth > 50) return true;
  return isVisible(source, answers, byId, anonymous, depth + 1) && conditionHolds(q.condition, answers.get(source.id));
}

/**
 * The screens a person goes through: each section with its visible questions, sections left empty
 * skipped. A question whose condition depends on an answer of the same section cannot be hidden or
 * shown by the page without JavaScript while the person answers: it is carried on the section's
 * screen as a `sameScreenCondition` question (hidden, revealed at once by the page's script when its
 * condition holds) and, once the screen is saved and if its condition holds, asked again on a
 * follow-up screen of the same section (`level` 1, 2… for chains). A follow-up screen whose questions
 * were all answered on the screen before (with JavaScript) is skipped by `nextStep`.
 */
export function visibleSteps(structure: Structure, answers: Answers, anonymous: boolean) {
  const byId = new Map(allQuestions(structure).map((q) => [q.id, q] as const));
  type StepQuestion = QuestionDef & { number: number; sameScreenCondition: boolean };
  const steps: { section: Structure["sections"][number]; level: number; questions: StepQuestion[] }[] = [];
  for (const section of structure.sections) {
    // Depth: 0 for a question that does not depend on this section, 1 + its source's depth otherwise.
    const depth = new Map<string, number>();
    for (const q of section.questions) {
      const source = q.condition ? depth.get(q.condition.questionId) : undefined;
      depth.set(q.id, source === undefined ? 0 : source + 1);
    }
    const levels = Math.max(0, ...depth.values());
    for (let level = 0; level <= levels; level++) {
      const onScreen = new Set<string>();
      const questions: StepQuestion[] = [];
      for (const q of section.questions) {
        const d = depth.get(q.id) ?? 0;
        if (!asked(q, anonymous)) continue;
        if (d === level && isVisible(q, answers, byId, anonymous)) {
          questions.push({ ...q, sameScreenCondition: false });
          onScreen.add(q.id);
        } else if (d > level && q.condition && onScreen.has(q.condition.questionId)) {
          questions.push({ ...q, sameScreenCondition: true });
          onScreen.add(q.id);
        }
      }
      if (questions.some((q) => !q.sameScreenCondition)) steps.push({ section, level, questions });
    }
  }
  return steps;
}

/** The questions a person is really asked (a question revealed on a screen is also on its follow-up screen). */
export function askedQuestions(steps: readonly { questions: readonly { id: string; sameScreenCondition: boolean }[] }[]): Set<string> {
  return new Set(steps.flatMap((s) => s.questions.filter((q) => !q.sameScreenCondition).map((q) => q.id)));
}

/**
 * The screen after `step` (1-based): a follow-up screen is skipped when every question on it was
 * already answered, revealed by the page's script, on the screen just saved (`shownInline`).
 */
export function nextStep(steps: readonly Step[], step: number, shownInline: ReadonlySet<string>): number {
  let next = step + 1;
  while (next <= steps.length) {
    const s = steps[next - 1];
    if (!s || s.level === 0 || !s.questions.filter((q) => !q.sameScreenCondition).every((q) => shownInline.has(q.id))) break;
    next++;
  }
  return next;
}

/** A follow-up screen carries its section's title, marked as the rest of it. */
export function stepTitle(step: Pick<Step, "section" | "level">): string {
  return step.level > 0 ? `${step.section.title} (suite)` : step.section.title;
}

/** "Étape 2 sur 4": screens are numbered by section, a follow-up screen shares its section's number. */
export function stepNumbering(steps: readonly Step[], index: number): { number: number; count: number } {
  const ids = steps.map((s) => s.section.id);
  const distinct = ids.filter((id, i) => ids.indexOf(id) === i);
  const current = steps[index - 1];
  return { number: current ? distinct.indexOf(current.section.id) + 1 : 1, count: distinct.length };
}

export type Step = ReturnType<typeof visibleSteps>[number];

// ---------- reading a screen's form ----------

export type FormInput = Record<string, string | string[] | undefined>;

export const fieldName = (questionId: string) => `q_${questionId}`;
export const otherFieldName = (questionId: string) => `q_${questionId}_autre`;
export const outsideFieldName = (questionId: string) => `q_${questionId}_hors`;

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).replace(/\r\n?/g, "\n");
}

function all(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

const frenchNumber = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 6 });

/** "12", "12,5", "1 200", "-3" → a number; anything else → NaN. */
export function parseFrenchNumber(raw: string): number {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return NaN;
  return Number(s);
}

const plural = (n: number, word: string) => `${frenchNumber.format(n)} ${word}${n > 1 ? "s" : ""}`;

/** Resolves a commune typed by a person (INSEE code, "hors", or a message to show). */
export type CommuneResolver = (typed: string) => { code: string } | { error: string };

/** The hidden field the page's script turns on when it reveals a conditional question on the screen. */
export const shownFieldName = (questionId: string) => `q_${questionId}_affichee`;

export type ScreenResult = { answers: Map<string, AnswerValue | null>; errors: Record<string, string[]>; shownInline: Set<string> };

/**
 * Reads the answers of one screen. Returns, for each question shown on it, the answer to store (null:
 * nothing to store, the previous answer is removed) and the French messages per field. A question
 * revealed on this screen (`sameScreenCondition`) is read only if the page's script showed it (its
 * hidden field is sent) and its condition holds; if its condition does not hold it is cleared, whatever
 * was sent; if it holds but the page could not show it (no JavaScript), it is left for the follow-up
 * screen. Required questions are not enforced for a paper questionnaire typed in afterwards (what was
 * left blank stays blank).
 */
export function readScreen(step: Step, form: FormInput, resolveCommune: CommuneResolver, earlier: Answers, options: { enforceRequired: boolean } = { enforceRequired: true }): ScreenResult {
  const answers = new Map<string, AnswerValue | null>();
  const errors: Record<string, string[]> = {};
  const shownInline = new Set<string>();
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const q of step.questions) {
    const name = fieldName(q.id);
    if (q.sameScreenCondition && q.condition) {
      const sourceId = q.condition.questionId;
      // An answer cleared on this screen counts as no answer (not the one saved before).
      const source = answers.has(sourceId) ? answers.get(sourceId) : earlier.get(sourceId);
      if (!conditionHolds(q.condition, source ?? undefined)) {
        answers.set(q.id, null);
        continue;
      }
      if (all(form[shownFieldName(q.id)]).length === 0) continue;
      shownInline.add(q.id);
    }
    const value = readQuestion(q, form, resolveCommune, (m) => fail(name, m), (m) => fail(otherFieldName(q.id), m));
    if (value === null && q.required && options.enforceRequired && !errors[name] && !errors[otherFieldName(q.id)]) {
      fail(name, q.type === "multiple" ? "Cochez au moins une réponse : cette question est obligatoire." : q.type === "single" || q.type === "scale" ? "Choisissez une réponse : cette question est obligatoire." : "Répondez à cette question : elle est obligatoire.");
    }
    answers.set(q.id, value);
  }
  return { answers, errors, shownInline };
}

function readOther(q: QuestionDef, form: FormInput, failOther: (m: string) => void): string {
  const text = first(form[otherFieldName(q.id)]).trim();
  if (text.length > SHORT_TEXT_MAX) failOther(`Votre précision fait ${plural(text.length, "caractère")} : ${frenchNumber.format(SHORT_TEXT_MAX)} au plus.`);
  return text;
}

function readQuestion(q: QuestionDef, form: FormInput, resolveCommune: CommuneResolver, fail: (m: string) => void, failOther: (m: string) => void): AnswerValue | null {
  const raw = form[fieldName(q.id)];
  const known = new Set(choicesOf(q).map((c) => c.value));
  switch (q.type) {
    case "single": {
      let value = first(raw).trim();
      const other = q.settings.allowOther ? readOther(q, form, failOther) : "";
      // A precision typed without ticking "Autre" still means "Autre".
      if (!value && other) value = OTHER;
      if (!value) return null;
      if (!known.has(value)) {
        fail("Cette réponse ne fait pas partie des choix proposés.");
        return null;
      }
      return { key: value, text: value === OTHER && other ? other : null };
    }
    case "multiple": {
      const values = [...new Set(all(raw))];
      const other = q.settings.allowOther ? readOther(q, form, failOther) : "";
      if (other && !values.includes(OTHER)) values.push(OTHER);
      if (values.length === 0) return null;
      if (values.some((v) => !known.has(v))) {
        fail("Une des réponses cochées ne fait pas partie des choix proposés.");
        return null;
      }
      // Stored in the order of the choices, whatever the order sent.
      const order = choicesOf(q).map((c) => c.value);
      values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return { keys: values, text: values.includes(OTHER) && other ? other : null };
    }
    case "scale": {
      const value = first(raw).trim();
      if (!value) return null;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 5) {
        fail("Choisissez une valeur de 1 à 5.");
        return null;
      }
      return { number: n };
    }
    case "number": {
      const value = first(raw).trim();
      if (!value) return null;
      const n = parseFrenchNumber(value);
      if (!Number.isFinite(n) || Math.abs(n) > 1e12) {
        fail("Écrivez un nombre, en chiffres (par exemple 3 ou 2,5).");
        return null;
      }
      const { min, max } = q.settings;
      if (min !== null && min !== undefined && n < min) {
        fail(max !== null && max !== undefined ? `Écrivez un nombre entre ${frenchNumber.format(min)} et ${frenchNumber.format(max)}.` : `Écrivez un nombre d'au moins ${frenchNumber.format(min)}.`);
        return null;
      }
      if (max !== null && max !== undefined && n > max) {
        fail(min !== null && min !== undefined ? `Écrivez un nombre entre ${frenchNumber.format(min)} et ${frenchNumber.format(max)}.` : `Écrivez un nombre d'au plus ${frenchNumber.format(max)}.`);
        return null;
      }
      return { number: n };
    }
    case "short_text":
    case "long_text": {
      const limit = q.type === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      const text = first(raw).trim();
      if (!text) return null;
      if (text.length > limit) {
        fail(`Votre réponse fait ${plural(text.length, "caractère")} : ${frenchNumber.format(limit)} au plus. Raccourcissez-la.`);
        return null;
      }
      return { text };
    }
    case "commune": {
      if (all(form[outsideFieldName(q.id)]).length > 0) return { key: OUTSIDE };
      const typed = first(raw).trim();
      if (!typed) return null;
      if (typed.length > 200) {
        fail("Écrivez seulement le nom de votre commune ou son code postal.");
        return null;
      }
      const resolved = resolveCommune(typed);
      if ("error" in resolved) {
        fail(resolved.error);
        return null;
      }
      return { key: resolved.code };
    }
  }
}

// ---------- checks of the structure ----------

/** A condition must point to an earlier question (strictly before, in the questionnaire's order), with a value it can take. */
export function conditionProblem(structure: Structure, q: Pick<QuestionDef, "id">, condition: Condition): string | null {
  const list = allQuestions(structure);
  const target = list.find((x) => x.id === condition.questionId);
  const self = list.find((x) => x.id === q.id);
  if (!target) return "La question dont dépend l'affichage n'existe pas dans ce questionnaire.";
  if (self && target.number >= self.number) return `La condition doit porter sur une question placée avant celle-ci (Q${target.number} est après ou est la même question).`;
  if (target.type === "long_text" || target.type === "short_text") {
    if (condition.operator !== "contains") return "Pour une question à texte libre, seule la condition « contient » est possible.";
    return condition.value.trim() ? null : "Indiquez le mot que la réponse doit contenir.";
  }
  if (target.type === "number") return Number.isFinite(parseFrenchNumber(condition.value)) ? null : "Indiquez un nombre pour la condition.";
  if (target.type === "commune") return condition.value.trim() ? null : "Indiquez le code INSEE de la commune (ou « hors »).";
  if (!choicesOf(target).some((c) => c.value === condition.value)) return `La valeur choisie ne fait pas partie des réponses possibles à la question Q${target.number}.`;
  if (condition.operator === "contains" && target.type !== "multiple") return "La condition « contient » ne s'applique qu'aux questions à choix multiples ou à texte libre.";
  return null;
}

/** Everything that prevents publishing, in plain French; empty when the questionnaire can be published. */
export function publishProblems(structure: Structure): string[] {
  const problems: string[] = [];
  if (structure.sections.length === 0) problems.push("Le questionnaire n'a aucune partie : ajoutez-en une, avec des questions.");
  for (const [i, s] of structure.sections.entries()) {
    if (s.questions.length === 0) problems.push(`La partie ${i + 1} « ${s.title} » n'a aucune question : ajoutez-en ou supprimez la partie.`);
    for (const q of s.questions) {
      if (isChoice(q.type) && (q.settings.choices ?? []).length === 0) problems.push(`La question Q${q.number} « ${q.label} » n'a aucun choix de réponse.`);
      if (q.condition) {
        const problem = conditionProblem(structure, q, q.condition);
        if (problem) problems.push(`Q${q.number} « ${q.label} » : ${problem}`);
      }
      if (q.type === "number" && q.settings.min !== null && q.settings.min !== undefined && q.settings.max !== null && q.settings.max !== undefined && q.settings.min > q.settings.max) {
        problems.push(`Q${q.number} « ${q.label} » : le minimum est plus grand que le maximum.`);
      }
    }
  }
  return problems;
}

/** A readable sentence for a condition ("si Q3 « Avez-vous un ordinateur ? » est égale à « Oui »"). */
export function describeCondition(structure: Structure, condition: Condition): string {
  const target = allQuestions(structure).find((q) => q.id === condition.questionId);
  if (!target) return "condition sur une question supprimée";
  const label = choicesOf(target).find((c) => c.value === condition.value)?.label ?? condition.value;
  return `si la réponse à Q${target.number} « ${target.label} » ${condition.operator === "contains" ? "contient" : "est"} « ${label} »`;
}

/** The key of a new choice, from its label, unique among the existing ones ("Très souvent" → "tres-souvent"). */
export function choiceKey(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "choix";
  let key = base === OTHER ? "autre-choix" : base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

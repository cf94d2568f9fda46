import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { allQuestions, choiceKey, conditionProblem, isChoice, publishProblems, type Structure } from "../logic";
import { questionnairePolicy } from "../policy";
import { answeredChoices, answeredQuestions, isUuid, loadQuestionnaire, loadStructure, submittedCount, type LoadedQuestionnaire } from "../queries";
import { questionnaireQuestions, questionnaires, questionnaireSections, type Question, type Questionnaire } from "../schema";
import { isTemplateId, templates, templateSettings } from "../templates";
import { OTHER, type Condition, type QuestionSettings } from "../types";
import { choiceLabelField, createSchema, questionnaireSchema, questionSchema, sectionSchema } from "../validation";
import { refuseClosed } from "../closed";
import { type Territory, userId, invalid } from "./shared";

/** Building a questionnaire: the questionnaire itself (create, copy, edit, publish, close), its sections and its questions. */

/** Copies a template's sections and questions into a questionnaire (conditions point to the copies). */
async function copyTemplate(tx: Executor, questionnaireId: string, templateId: keyof typeof templates): Promise<void> {
  const template = templates[templateId];
  const ids = new Map<string, { id: string; settings: QuestionSettings }>();
  for (const [si, section] of template.sections.entries()) {
    const [s] = await tx.insert(questionnaireSections).values({ questionnaireId, position: si + 1, title: section.title, description: section.description ?? "" }).returning({ id: questionnaireSections.id });
    if (!s) throw new Error("section insert returned nothing");
    for (const [qi, q] of section.questions.entries()) {
      let condition: Condition | null = null;
      if (q.showIf) {
        const source = ids.get(q.showIf.key);
        const value = source?.settings.choices?.find((c) => c.label === q.showIf?.label)?.value;
        if (!source || !value) throw new Error(`template ${templateId}: condition of ${q.key} on an unknown question or choice`);
        condition = { questionId: source.id, operator: q.showIf.operator, value };
      }
      const settings = templateSettings(q);
      const [created] = await tx
        .insert(questionnaireQuestions)
        .values({ questionnaireId, sectionId: s.id, position: qi + 1, type: q.type, label: q.label, help: q.help ?? "", required: q.required ?? false, personal: q.personal ?? false, settings, condition })
        .returning({ id: questionnaireQuestions.id });
      if (!created) throw new Error("question insert returned nothing");
      ids.set(q.key, { id: created.id, settings });
    }
  }
}

/** Copies another questionnaire of the territory (a new version of it, as a draft without answers). */
async function copyQuestionnaire(tx: Executor, questionnaireId: string, source: Structure): Promise<void> {
  const ids = new Map<string, string>();
  for (const section of source.sections) {
    const [s] = await tx.insert(questionnaireSections).values({ questionnaireId, position: section.position, title: section.title, description: section.description }).returning({ id: questionnaireSections.id });
    if (!s) throw new Error("section insert returned nothing");
    for (const q of section.questions) {
      const condition = q.condition ? { ...q.condition, questionId: ids.get(q.condition.questionId) ?? q.condition.questionId } : null;
      const [created] = await tx
        .insert(questionnaireQuestions)
        .values({ questionnaireId, sectionId: s.id, position: q.position, type: q.type, label: q.label, help: q.help, required: q.required, personal: q.personal, settings: q.settings, condition })
        .returning({ id: questionnaireQuestions.id });
      if (!created) throw new Error("question insert returned nothing");
      ids.set(q.id, created.id);
    }
  }
}

/** A new draft: from one of our templates, as a copy of a questionnaire of the territory, or empty ("vide"). */
export async function createQuestionnaire(db: Db, principal: Principal, territory: Territory, raw: Record<string, unknown>, options: { demo?: boolean } = {}): Promise<{ id: string }> {
  authorize(questionnairePolicy.edit(principal, territory));
  const input = parseOrThrow(createSchema, raw);
  let source: LoadedQuestionnaire | undefined;
  if (input.origin !== "vide" && !isTemplateId(input.origin)) {
    source = await loadQuestionnaire(db, territory.id, input.origin);
    if (!source) throw invalid({ origin: ["Choisissez un modèle, un questionnaire du territoire ou « questionnaire vide »."] });
  }
  const template = isTemplateId(input.origin) ? templates[input.origin] : undefined;
  const title = input.title || template?.title || (source ? `${source.questionnaire.title} (copie)` : "");
  if (title.length < 3) throw invalid({ title: ["Indiquez le titre du questionnaire (au moins 3 caractères)."] });
  return db.transaction(async (tx) => {
    const [q] = await tx
      .insert(questionnaires)
      .values({
        territoryId: territory.id,
        title,
        intro: template?.intro ?? source?.questionnaire.intro ?? "",
        audience: template?.audience ?? source?.questionnaire.audience ?? "other",
        origin: template ? template.id : source ? source.questionnaire.id : null,
        demo: options.demo ?? false,
        createdBy: userId(principal),
      })
      .returning({ id: questionnaires.id });
    if (!q) throw new Error("questionnaire insert returned nothing");
    if (template) await copyTemplate(tx, q.id, template.id);
    if (source) await copyQuestionnaire(tx, q.id, source.structure);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire", entityId: q.id, action: "create", after: { title, origin: input.origin } });
    return { id: q.id };
  });
}

/**
 * Takes the questionnaire for a change: it must be the version the form was built from (else
 * `edit_conflict`); its version is incremented in the same transaction.
 */
async function take(tx: Executor, territoryId: string, id: string, version: number | undefined): Promise<Questionnaire> {
  if (!isUuid(id)) throw new AppError("not_found");
  const [row] = await tx
    .update(questionnaires)
    .set({ version: sql`${questionnaires.version} + 1`, updatedAt: new Date() })
    .where(and(eq(questionnaires.territoryId, territoryId), eq(questionnaires.id, id), version === undefined ? undefined : eq(questionnaires.version, version)))
    .returning();
  if (row) return row;
  const [exists] = await tx.select({ id: questionnaires.id }).from(questionnaires).where(and(eq(questionnaires.territoryId, territoryId), eq(questionnaires.id, id)));
  if (!exists) throw new AppError("not_found", { message: "Ce questionnaire n'existe pas (ou plus) dans ce territoire." });
  throw new AppError("edit_conflict", { message: "Ce questionnaire a été modifié depuis que vous avez ouvert la page (par vous dans un autre onglet, ou par quelqu'un d'autre). Rechargez la page, puis refaites votre changement." });
}

/** The version a form sent ("version" field); a missing or odd value never matches. */
export function versionOf(raw: Record<string, unknown>): number {
  const n = Number(raw.version);
  return Number.isInteger(n) ? n : -1;
}

export async function updateQuestionnaire(db: Db, principal: Principal, territory: Territory, id: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  const input = parseOrThrow(questionnaireSchema, raw);
  await db.transaction(async (tx) => {
    const before = await take(tx, territory.id, id, versionOf(raw));
    await tx.update(questionnaires).set(input).where(and(eq(questionnaires.territoryId, territory.id), eq(questionnaires.id, id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire", entityId: id, action: "update", before: { title: before.title, intro: before.intro, audience: before.audience }, after: input });
  });
}

/** Only a questionnaire that never received an answer can be deleted (answers are never thrown away this way). */
export async function deleteQuestionnaire(db: Db, principal: Principal, territory: Territory, id: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    const q = await take(tx, territory.id, id, versionOf(raw));
    if ((await submittedCount(tx, territory.id, id)) > 0) throw new AppError("answers_exist", { message: "Ce questionnaire a déjà reçu des réponses : il ne peut plus être supprimé. Vous pouvez le clore." });
    await tx.delete(questionnaires).where(and(eq(questionnaires.territoryId, territory.id), eq(questionnaires.id, id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire", entityId: id, action: "delete", before: { title: q.title } });
  });
}

export async function publishQuestionnaire(db: Db, principal: Principal, territory: Territory, id: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.publish(principal, territory));
  await db.transaction(async (tx) => {
    const q = await take(tx, territory.id, id, versionOf(raw));
    const problems = publishProblems(await loadStructure(tx, territory.id, id));
    if (problems.length > 0) throw new AppError("validation", { message: `Le questionnaire ne peut pas encore être publié : ${problems.join(" ")}` });
    await tx.update(questionnaires).set({ status: "published", publishedAt: q.publishedAt ?? new Date(), closedAt: null }).where(and(eq(questionnaires.territoryId, territory.id), eq(questionnaires.id, id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire", entityId: id, action: "publish", before: { status: q.status }, after: { status: "published" } });
  });
}

/** Closing stops every campaign at once; results and exports stay. */
export async function closeQuestionnaire(db: Db, principal: Principal, territory: Territory, id: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.publish(principal, territory));
  await db.transaction(async (tx) => {
    const q = await take(tx, territory.id, id, versionOf(raw));
    if (q.status !== "published") throw new AppError("validation", { message: "Seul un questionnaire publié peut être clos." });
    await tx.update(questionnaires).set({ status: "closed", closedAt: new Date() }).where(and(eq(questionnaires.territoryId, territory.id), eq(questionnaires.id, id)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire", entityId: id, action: "close", before: { status: q.status }, after: { status: "closed" } });
  });
}

// ---------- sections ----------

export async function addSection(db: Db, principal: Principal, territory: Territory, questionnaireId: string, raw: Record<string, unknown>): Promise<{ id: string }> {
  authorize(questionnairePolicy.edit(principal, territory));
  const input = parseOrThrow(sectionSchema, raw);
  return db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${questionnaireSections.position}), 0)::int` }).from(questionnaireSections).where(eq(questionnaireSections.questionnaireId, questionnaireId));
    const [s] = await tx.insert(questionnaireSections).values({ questionnaireId, position: (last?.n ?? 0) + 1, ...input }).returning({ id: questionnaireSections.id });
    if (!s) throw new Error("section insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_section", entityId: s.id, action: "create", after: { questionnaireId, ...input } });
    return { id: s.id };
  });
}

async function sectionOf(tx: Executor, questionnaireId: string, sectionId: string) {
  if (!isUuid(sectionId)) throw new AppError("not_found");
  const [s] = await tx.select().from(questionnaireSections).where(and(eq(questionnaireSections.questionnaireId, questionnaireId), eq(questionnaireSections.id, sectionId)));
  if (!s) throw new AppError("not_found", { message: "Cette partie n'existe pas (ou plus) dans ce questionnaire." });
  return s;
}

export async function updateSection(db: Db, principal: Principal, territory: Territory, questionnaireId: string, sectionId: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  const input = parseOrThrow(sectionSchema, raw);
  await db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    const before = await sectionOf(tx, questionnaireId, sectionId);
    await tx.update(questionnaireSections).set(input).where(eq(questionnaireSections.id, sectionId));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_section", entityId: sectionId, action: "update", before: { title: before.title, description: before.description }, after: input });
  });
}

/** Refused when one of its questions has answers, or when a later question's condition points into it. */
export async function deleteSection(db: Db, principal: Principal, territory: Territory, questionnaireId: string, sectionId: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    const section = await sectionOf(tx, questionnaireId, sectionId);
    const structure = await loadStructure(tx, territory.id, questionnaireId);
    const inside = structure.sections.find((s) => s.id === sectionId)?.questions ?? [];
    if ((await answeredQuestions(tx, territory.id, inside.map((q) => q.id))).size > 0) {
      throw new AppError("answers_exist", { message: `Des réponses ont déjà été reçues aux questions de la partie « ${section.title} » : elle ne peut plus être supprimée. Vous pouvez modifier ses libellés.` });
    }
    const ids = new Set(inside.map((q) => q.id));
    const dependent = allQuestions(structure).find((q) => !ids.has(q.id) && q.condition && ids.has(q.condition.questionId));
    if (dependent) throw new AppError("validation", { message: `La question Q${dependent.number} « ${dependent.label} » dépend d'une question de cette partie : modifiez d'abord sa condition.` });
    await tx.delete(questionnaireSections).where(eq(questionnaireSections.id, sectionId));
    await renumberSections(tx, questionnaireId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_section", entityId: sectionId, action: "delete", before: { title: section.title, questions: inside.map((q) => q.label) } });
  });
}

async function renumberSections(tx: Executor, questionnaireId: string): Promise<void> {
  await tx.execute(sql`update ${questionnaireSections} s set position = o.n from (
    select id, row_number() over (order by position, id) as n from ${questionnaireSections} where questionnaire_id = ${questionnaireId}) o
    where s.id = o.id`);
}

async function renumberQuestions(tx: Executor, sectionId: string): Promise<void> {
  await tx.execute(sql`update ${questionnaireQuestions} q set position = o.n from (
    select id, row_number() over (order by position, id) as n from ${questionnaireQuestions} where section_id = ${sectionId}) o
    where q.id = o.id`);
}

/** Every condition must still point to an earlier question once the order changes. */
function checkOrder(structure: Structure): void {
  for (const q of allQuestions(structure)) {
    if (!q.condition) continue;
    const problem = conditionProblem(structure, q, q.condition);
    if (problem) throw new AppError("validation", { message: `Ce déplacement est refusé : Q${q.number} « ${q.label} » dépend d'une question qui serait placée après elle.` });
  }
}

/** Moves a section one place up or down. */
export async function moveSection(db: Db, principal: Principal, territory: Territory, questionnaireId: string, sectionId: string, direction: "up" | "down", raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    await sectionOf(tx, questionnaireId, sectionId);
    const structure = await loadStructure(tx, territory.id, questionnaireId);
    const i = structure.sections.findIndex((s) => s.id === sectionId);
    const j = direction === "up" ? i - 1 : i + 1;
    const a = structure.sections[i];
    const b = structure.sections[j];
    if (!a || !b) return;
    const swapped = [...structure.sections];
    swapped[i] = b;
    swapped[j] = a;
    checkOrder(renumbered(swapped));
    await tx.update(questionnaireSections).set({ position: b.position }).where(eq(questionnaireSections.id, a.id));
    await tx.update(questionnaireSections).set({ position: a.position }).where(eq(questionnaireSections.id, b.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_section", entityId: sectionId, action: "move", after: { direction } });
  });
}

function renumbered(sections: Structure["sections"]): Structure {
  let n = 0;
  return { sections: sections.map((s) => ({ ...s, questions: s.questions.map((q) => ({ ...q, number: ++n })) })) };
}

// ---------- questions ----------

type QuestionValues = Pick<Question, "sectionId" | "type" | "label" | "help" | "required" | "personal" | "settings" | "condition">;

/** The question as the form describes it; existing choices keep their keys, new lines get new keys. */
function questionValues(raw: Record<string, unknown>, current?: Question): { values: QuestionValues; removed: string[] } {
  const picked = typeof raw.condition === "string" ? raw.condition : "";
  const [conditionQuestion = "", conditionValue = ""] = picked.split("::");
  const input = parseOrThrow(questionSchema, picked ? { ...raw, condition_question: conditionQuestion, condition_value: conditionValue } : raw);
  const settings: QuestionSettings = {};
  const removed: string[] = [];
  if (isChoice(input.type)) {
    const previous = new Map((current?.settings.choices ?? []).map((c) => [c.value, c]));
    const remove = new Set(input.choice_remove);
    const choices = input.choice_value.flatMap((value) => {
      const typed = raw[choiceLabelField(value)];
      const label = (typeof typed === "string" ? typed : "").trim();
      if (label.length > 200) throw invalid({ [choiceLabelField(value)]: ["Un choix ne doit pas dépasser 200 caractères."] });
      if (!previous.has(value)) return [];
      if (remove.has(value) || !label) {
        removed.push(value);
        return [];
      }
      return [{ value, label }];
    });
    for (const value of previous.keys()) if (!input.choice_value.includes(value) && !removed.includes(value)) removed.push(value);
    const taken = new Set(previous.keys());
    for (const label of input.new_choices.split("\n").map((l) => l.trim()).filter(Boolean)) {
      if (choices.some((c) => c.label.toLowerCase() === label.toLowerCase())) continue;
      const value = choiceKey(label, taken);
      taken.add(value);
      choices.push({ value, label });
    }
    if (choices.length > 100) throw invalid({ new_choices: ["100 choix au plus par question."] });
    settings.choices = choices;
    if (input.allow_other) settings.allowOther = true;
    else if (current?.settings.allowOther) removed.push(OTHER);
  } else if (current && isChoice(current.type)) {
    removed.push(...(current.settings.choices ?? []).map((c) => c.value));
  }
  if (input.type === "number") {
    settings.min = input.min;
    settings.max = input.max;
  }
  if (input.type === "scale") {
    if (input.scale_min) settings.scaleMin = input.scale_min;
    if (input.scale_max) settings.scaleMax = input.scale_max;
  }
  const condition: Condition | null = input.condition_question ? { questionId: input.condition_question, operator: input.condition_operator, value: input.condition_value } : null;
  return {
    values: { sectionId: input.section, type: input.type, label: input.label, help: input.help, required: input.required, personal: input.personal, settings, condition },
    removed,
  };
}

/** The structure with this question placed (or replaced) where the form puts it: for checking its condition. */
function withQuestion(structure: Structure, id: string, values: QuestionValues, position: number): Structure {
  const sections = structure.sections.map((s) => {
    const others = s.questions.filter((q) => q.id !== id);
    if (s.id !== values.sectionId) return { ...s, questions: others };
    const placed = [...others];
    placed.splice(Math.min(position - 1, placed.length), 0, { ...values, id, position, number: 0 });
    return { ...s, questions: placed };
  });
  return renumbered(sections);
}

function checkCondition(structure: Structure, id: string, values: QuestionValues): void {
  if (!values.condition) return;
  // Picked from the list: "contains" for a multiple choice, "equals" otherwise.
  const target = allQuestions(structure).find((q) => q.id === values.condition?.questionId);
  if (target?.type === "multiple") values.condition.operator = "contains";
  else if (target && target.type !== "short_text" && target.type !== "long_text") values.condition.operator = "equals";
  if (values.condition.questionId === id) throw invalid({ condition: ["Une question ne peut pas dépendre d'elle-même."] });
  const problem = conditionProblem(structure, { id }, values.condition);
  if (problem) throw invalid({ condition: [problem] });
}

export async function addQuestion(db: Db, principal: Principal, territory: Territory, questionnaireId: string, raw: Record<string, unknown>): Promise<{ id: string }> {
  authorize(questionnairePolicy.edit(principal, territory));
  const { values } = questionValues(raw);
  return db.transaction(async (tx) => {
    const q = await take(tx, territory.id, questionnaireId, versionOf(raw));
    refuseClosed(q);
    await sectionOf(tx, questionnaireId, values.sectionId);
    if (values.required && (await submittedCount(tx, territory.id, questionnaireId)) > 0) {
      throw new AppError("answers_exist", {
        message: "Des réponses ont déjà été reçues : une question ajoutée maintenant ne peut être que facultative (les personnes qui ont déjà répondu ne l'ont pas vue). Décochez « obligatoire ».",
        fieldErrors: { required: ["Une question ajoutée après les premières réponses est facultative."] },
      });
    }
    const structure = await loadStructure(tx, territory.id, questionnaireId);
    const position = (structure.sections.find((s) => s.id === values.sectionId)?.questions.length ?? 0) + 1;
    const id = "00000000-0000-0000-0000-000000000000";
    checkCondition(withQuestion(structure, id, values, position), id, values);
    const [created] = await tx.insert(questionnaireQuestions).values({ questionnaireId, position, ...values }).returning({ id: questionnaireQuestions.id });
    if (!created) throw new Error("question insert returned nothing");
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_question", entityId: created.id, action: "create", after: values });
    return { id: created.id };
  });
}

async function questionOf(tx: Executor, questionnaireId: string, questionId: string): Promise<Question> {
  if (!isUuid(questionId)) throw new AppError("not_found");
  const [q] = await tx.select().from(questionnaireQuestions).where(and(eq(questionnaireQuestions.questionnaireId, questionnaireId), eq(questionnaireQuestions.id, questionId)));
  if (!q) throw new AppError("not_found", { message: "Cette question n'existe pas (ou plus) dans ce questionnaire." });
  return q;
}

/**
 * Wording, help, choices' labels, new choices, the condition and the place stay editable; once the
 * question has answers, its type, its "personal" mark and the choices already answered cannot change,
 * and it cannot become required (see docs/decisions/005-questionnaire-versions.md).
 */
export async function updateQuestion(db: Db, principal: Principal, territory: Territory, questionnaireId: string, questionId: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    const current = await questionOf(tx, questionnaireId, questionId);
    const { values, removed } = questionValues(raw, current);
    await sectionOf(tx, questionnaireId, values.sectionId);
    const answered = (await answeredQuestions(tx, territory.id, [questionId])).size > 0;
    if (answered) {
      if (values.type !== current.type) {
        throw new AppError("answers_exist", {
          message: "Cette question a déjà des réponses : son type ne peut plus changer (les réponses reçues deviendraient illisibles). Ajoutez plutôt une nouvelle question, ou copiez le questionnaire.",
          fieldErrors: { type: ["Le type d'une question qui a des réponses ne change plus."] },
        });
      }
      const used = removed.length > 0 ? await answeredChoices(tx, territory.id, questionId) : new Set<string>();
      const lost = removed.filter((v) => used.has(v));
      if (lost.length > 0) {
        const labels = lost.map((v) => (v === OTHER ? "Autre" : (current.settings.choices?.find((c) => c.value === v)?.label ?? v)));
        throw new AppError("answers_exist", {
          message: `Des personnes ont déjà choisi ${labels.map((l) => `« ${l} »`).join(", ")} : ce choix ne peut plus être retiré. Vous pouvez le renommer.`,
          fieldErrors: Object.fromEntries(lost.map((v) => [v === OTHER ? "allow_other" : choiceLabelField(v), ["Ce choix a déjà été choisi par quelqu'un : il ne peut plus être retiré."]])),
        });
      }
      if (values.required && !current.required) {
        throw new AppError("answers_exist", { message: "Cette question a déjà des réponses : elle ne peut plus devenir obligatoire (les personnes qui l'ont laissée vide auraient des réponses incomplètes).", fieldErrors: { required: ["Elle reste facultative."] } });
      }
      if (values.personal !== current.personal) {
        throw new AppError("answers_exist", { message: "Cette question a déjà des réponses : on ne peut plus changer si elle demande une information personnelle.", fieldErrors: { personal: ["Ce réglage ne change plus."] } });
      }
    }
    const structure = await loadStructure(tx, territory.id, questionnaireId);
    const samePlace = current.sectionId === values.sectionId;
    const position = samePlace ? current.position : (structure.sections.find((s) => s.id === values.sectionId)?.questions.length ?? 0) + 1;
    const placed = withQuestion(structure, questionId, values, position);
    checkCondition(placed, questionId, values);
    checkOrder(placed);
    await tx.update(questionnaireQuestions).set({ ...values, position }).where(eq(questionnaireQuestions.id, questionId));
    if (!samePlace) await renumberQuestions(tx, current.sectionId);
    const { id: _id, questionnaireId: _q, ...before } = current;
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_question", entityId: questionId, action: "update", before, after: values });
  });
}

export async function deleteQuestion(db: Db, principal: Principal, territory: Territory, questionnaireId: string, questionId: string, raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    const current = await questionOf(tx, questionnaireId, questionId);
    if ((await answeredQuestions(tx, territory.id, [questionId])).size > 0) {
      throw new AppError("answers_exist", { message: "Cette question a déjà des réponses : elle ne peut plus être supprimée. Vous pouvez modifier son libellé, ou copier le questionnaire pour en faire une nouvelle version." });
    }
    const structure = await loadStructure(tx, territory.id, questionnaireId);
    const dependent = allQuestions(structure).find((q) => q.condition?.questionId === questionId);
    if (dependent) throw new AppError("validation", { message: `La question Q${dependent.number} « ${dependent.label} » dépend de celle-ci : modifiez d'abord sa condition.` });
    await tx.delete(questionnaireQuestions).where(eq(questionnaireQuestions.id, questionId));
    await renumberQuestions(tx, current.sectionId);
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_question", entityId: questionId, action: "delete", before: { label: current.label, type: current.type } });
  });
}

/** Moves a question one place up or down within its section. */
export async function moveQuestion(db: Db, principal: Principal, territory: Territory, questionnaireId: string, questionId: string, direction: "up" | "down", raw: Record<string, unknown>): Promise<void> {
  authorize(questionnairePolicy.edit(principal, territory));
  await db.transaction(async (tx) => {
    refuseClosed(await take(tx, territory.id, questionnaireId, versionOf(raw)));
    const current = await questionOf(tx, questionnaireId, questionId);
    const structure = await loadStructure(tx, territory.id, questionnaireId);
    const section = structure.sections.find((s) => s.id === current.sectionId);
    if (!section) return;
    const i = section.questions.findIndex((q) => q.id === questionId);
    const j = direction === "up" ? i - 1 : i + 1;
    const a = section.questions[i];
    const b = section.questions[j];
    if (!a || !b) return;
    const swapped = [...section.questions];
    swapped[i] = b;
    swapped[j] = a;
    checkOrder(renumbered(structure.sections.map((s) => (s.id === section.id ? { ...s, questions: swapped } : s))));
    await tx.update(questionnaireQuestions).set({ position: b.position }).where(eq(questionnaireQuestions.id, a.id));
    await tx.update(questionnaireQuestions).set({ position: a.position }).where(eq(questionnaireQuestions.id, b.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire_question", entityId: questionId, action: "move", after: { direction } });
  });
}

import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { addQuestion, addSection, closeQuestionnaire, createQuestionnaire, deleteQuestion, deleteSection, moveQuestion, publishQuestionnaire, updateQuestion } from "./commands/builder";
import { createCampaign } from "./commands/campaigns";
import { clientKey, loadDraftContext, saveStep, startResponse, type Respondent } from "./commands/answers";
import { setExcluded } from "./commands/moderation";
import { allQuestions, fieldName, otherFieldName, outsideFieldName, shownFieldName, visibleSteps } from "./logic";
import { campaignByToken, findCampaign, loadQuestionnaire } from "./queries";
import { questionnaireAnswers, questionnaireResponses, type Campaign } from "./schema";
import { buildFixture, currentVersion, questionForm, type Fixture } from "./test-fixture";
import { templates } from "./templates";

let database: Database;
let territory: Territory;
let elsewhere: Territory;
let coordinator: Principal;
let contributor: Principal;
let partner: Principal;
let observer: Principal;
let fixture: Fixture;
let campaign: Campaign;

const web: Respondent = { kind: "web" };

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  territory = await createTestTerritory(db, { name: "Charente", slug: "charente-questionnaires", kind: "departement", code: "16" });
  elsewhere = await createTestTerritory(db, { name: "Vienne", slug: "vienne-questionnaires", kind: "departement", code: "86" });
  const people = await Promise.all([createUser(db), createUser(db), createUser(db), createUser(db)]);
  const [c, k, p, o] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number]];
  await addMember(db, territory.id, c.id, "coordinator");
  await addMember(db, territory.id, k.id, "contributor");
  await addMember(db, territory.id, p.id, "partner");
  await addMember(db, territory.id, o.id, "observer");
  [coordinator, contributor, partner, observer] = [await principalOf(db, c.id), await principalOf(db, k.id), await principalOf(db, p.id), await principalOf(db, o.id)];
  fixture = await buildFixture(db, coordinator, territory, { publish: true });
  const created = await createCampaign(db, coordinator, territory, fixture.id, { label: "Campagne de test", anonymous: "oui" });
  campaign = (await findCampaign(db, territory.id, fixture.id, created.id)) as Campaign;
});
afterAll(async () => {
  await database?.close();
});

const f = (key: string) => fieldName(fixture.q[key] as string);
/** The hidden field the page's script sends with a conditional question it revealed on the screen. */
const shown = (key: string) => ({ [shownFieldName(fixture.q[key] as string)]: "1" });

/** A response through the real screens; returns its id. */
async function answer(screens: Record<string, string | string[]>[], options: { respondent?: Respondent; key?: string; camp?: Campaign } = {}): Promise<string> {
  const respondent = options.respondent ?? web;
  const camp = options.camp ?? campaign;
  const { token } = await startResponse(database.db, camp, respondent);
  let id = "";
  for (const [i, form] of screens.entries()) {
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft not found");
    id = context.draft.id;
    const outcome = await saveStep(database.db, context, respondent, i + 1, form, { finish: i === screens.length - 1, clientKey: options.key ?? `cle-${Math.random()}` });
    if (i === screens.length - 1) expect(outcome).toEqual({ submitted: true });
  }
  return id;
}

async function responseCount(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(questionnaireResponses);
  return row?.n ?? 0;
}

async function answersOf(responseId: string) {
  const rows = await database.db.select().from(questionnaireAnswers).where(eq(questionnaireAnswers.responseId, responseId));
  return new Map(rows.map((r) => [r.questionId, r]));
}

const screen1 = (over: Record<string, string | string[]> = {}) => ({ [f("ordinateur")]: "oui", [f("aise")]: "4", ...over });
const screen2 = (over: Record<string, string | string[]> = {}) => ({ [f("commune")]: "Angoulême", ...over });

describe("templates", () => {
  for (const template of Object.values(templates)) {
    it(`« ${template.title} » becomes a draft with its sections, 15 to 30 questions and conditions on earlier questions`, async () => {
      const { id } = await createQuestionnaire(database.db, contributor, territory, { origin: template.id });
      const loaded = await loadQuestionnaire(database.db, territory.id, id);
      const questions = allQuestions(loaded?.structure ?? { sections: [] });
      expect(loaded?.questionnaire.status).toBe("draft");
      expect(loaded?.questionnaire.title).toBe(template.title);
      expect(questions.length).toBe(template.sections.reduce((n, s) => n + s.questions.length, 0));
      expect(questions.length).toBeGreaterThanOrEqual(15);
      expect(questions.length).toBeLessThanOrEqual(30);
      const conditional = questions.filter((q) => q.condition);
      expect(conditional.length).toBeGreaterThanOrEqual(1);
      for (const q of conditional) {
        const target = questions.find((x) => x.id === q.condition?.questionId);
        expect(target?.number).toBeLessThan(q.number);
      }
      // Ready to publish as it is.
      await publishQuestionnaire(database.db, coordinator, territory, id, { version: loaded?.questionnaire.version });
    });
  }

  it("a partner or an observer may not create a questionnaire; a coordinator of another territory neither", async () => {
    await expectAppError(createQuestionnaire(database.db, partner, territory, { origin: "habitants" }), "forbidden");
    await expectAppError(createQuestionnaire(database.db, observer, territory, { origin: "vide", title: "Test" }), "forbidden");
    await expectAppError(createQuestionnaire(database.db, coordinator, elsewhere, { origin: "vide", title: "Test" }), "forbidden");
  });
});

describe("the builder", () => {
  it("refuses a form built from an older version of the questionnaire", async () => {
    const { id } = await createQuestionnaire(database.db, coordinator, territory, { origin: "vide", title: "Brouillon" });
    const v = await currentVersion(database.db, territory, id);
    await addSection(database.db, coordinator, territory, id, { title: "Partie 1", version: v });
    await expectAppError(addSection(database.db, coordinator, territory, id, { title: "Partie 2", version: v }), "edit_conflict");
  });

  it("refuses a condition on a later question, and to publish with an empty part or a choice question without choices", async () => {
    const { id } = await createQuestionnaire(database.db, coordinator, territory, { origin: "vide", title: "Brouillon 2" });
    const s = await addSection(database.db, coordinator, territory, id, { title: "Partie 1", version: await currentVersion(database.db, territory, id) });
    const a = await addQuestion(database.db, coordinator, territory, id, { ...questionForm(s.id, { type: "single", label: "Première", choices: ["Oui", "Non"] }), version: await currentVersion(database.db, territory, id) });
    const b = await addQuestion(database.db, coordinator, territory, id, {
      ...questionForm(s.id, { type: "short_text", label: "Seconde", condition_question: a.id, condition_value: "oui" }),
      version: await currentVersion(database.db, territory, id),
    });
    // The first question may not depend on the second, which comes after it.
    await expectAppError(
      updateQuestion(database.db, coordinator, territory, id, a.id, {
        ...questionForm(s.id, { type: "single", label: "Première", choice_value: ["oui", "non"], choice_label__oui: "Oui", choice_label__non: "Non", condition_question: b.id, condition_operator: "contains", condition_value: "x" }),
        version: await currentVersion(database.db, territory, id),
      }),
      "validation",
      "condition",
    );
    // Moving the dependent question above its source is refused too.
    await expectAppError(moveQuestion(database.db, coordinator, territory, id, b.id, "up", { version: await currentVersion(database.db, territory, id) }), "validation");
    await addSection(database.db, coordinator, territory, id, { title: "Partie vide", version: await currentVersion(database.db, territory, id) });
    const refused = await expectAppError(publishQuestionnaire(database.db, coordinator, territory, id, { version: await currentVersion(database.db, territory, id) }), "validation");
    expect(refused.message).toContain("« Partie vide » n'a aucune question");
    // A contributor builds; only a coordinator publishes.
    await expectAppError(publishQuestionnaire(database.db, contributor, territory, id, { version: await currentVersion(database.db, territory, id) }), "forbidden");
  });
});

describe("answering", () => {
  it("keeps the answers of each screen in the draft, and sends them at the end", async () => {
    const before = await responseCount();
    const { token } = await startResponse(database.db, campaign, web);
    let context = await loadDraftContext(database.db, token);
    expect(context).toBeDefined();
    if (!context) return;
    expect(await saveStep(database.db, context, web, 1, screen1({ [f("usages")]: ["courriels", "videos"] }), { finish: false })).toEqual({ next: 2 });
    // The connection drops: the same link brings back what was answered.
    context = await loadDraftContext(database.db, token);
    expect(context?.draft.answers.get(fixture.q.usages as string)?.keys).toEqual(["courriels", "videos"]);
    expect(context?.draft.answers.get(fixture.q.ordinateur as string)?.key).toBe("oui");
    if (!context) return;
    expect(await saveStep(database.db, context, web, 2, screen2(), { finish: true, clientKey: "k-1" })).toEqual({ submitted: true });
    expect(await responseCount()).toBe(before + 1);
    // Once sent, the link opens nothing any more.
    expect(await loadDraftContext(database.db, token)).toBeUndefined();
  });

  it("asks required questions, in French, on the screen where they are", async () => {
    const { token } = await startResponse(database.db, campaign, web);
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    const error = await expectAppError(saveStep(database.db, context, web, 1, { [f("aise")]: "3" }, { finish: false }), "validation", f("ordinateur"));
    expect(error.fieldErrors?.[f("ordinateur")]?.[0]).toBe("Choisissez une réponse : cette question est obligatoire.");
    await expectAppError(saveStep(database.db, context, web, 1, screen1({ [f("aise")]: "6" }), { finish: false }), "validation", f("aise"));
    await expectAppError(saveStep(database.db, context, web, 1, screen1({ [f("ordinateur")]: "peut-etre" }), { finish: false }), "validation", f("ordinateur"));
  });

  it("refuses answers over the size limits with a message, and numbers out of range", async () => {
    const { token } = await startResponse(database.db, campaign, web);
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    const long = await expectAppError(saveStep(database.db, context, web, 1, screen1({ [f("ordinateur")]: "non", [f("pourquoi")]: "a".repeat(5001), ...shown("pourquoi") }), { finish: false }), "validation", f("pourquoi"));
    expect(long.fieldErrors?.[f("pourquoi")]?.[0]).toBe("Votre réponse fait 5\u202f001 caractères : 5\u202f000 au plus. Raccourcissez-la.");
    await expectAppError(saveStep(database.db, context, web, 1, screen1({ [otherFieldName(fixture.q.usages as string)]: "b".repeat(301) }), { finish: false }), "validation", otherFieldName(fixture.q.usages as string));
    // Answered on the screen (revealed by the page's script): its follow-up screen (2) is skipped.
    expect(await saveStep(database.db, context, web, 1, screen1({ [f("ordinateur")]: "non", [f("pourquoi")]: "a".repeat(5000), ...shown("pourquoi") }), { finish: false })).toEqual({ next: 3 });
    const fresh = await loadDraftContext(database.db, token);
    if (!fresh) throw new Error("draft");
    const n = await expectAppError(saveStep(database.db, fresh, web, 3, screen2({ [f("foyer")]: "25" }), { finish: true }), "validation", f("foyer"));
    expect(n.fieldErrors?.[f("foyer")]?.[0]).toBe("Écrivez un nombre entre 1 et 20.");
    await expectAppError(saveStep(database.db, fresh, web, 3, screen2({ [f("foyer")]: "deux" }), { finish: true }), "validation", f("foyer"));
  });

  it("shows a conditional question only when the earlier answer calls for it, and drops its answer otherwise", async () => {
    const { token } = await startResponse(database.db, campaign, web);
    let context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    // Q9 "atelier" is shown only if Q4 "aise" = 1.
    await saveStep(database.db, context, web, 1, screen1({ [f("aise")]: "1" }), { finish: false });
    context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    const steps = visibleSteps(context.structure, context.draft.answers, true);
    expect(steps[1]?.questions.map((q) => q.id)).toContain(fixture.q.atelier);
    await saveStep(database.db, context, web, 2, screen2({ [f("atelier")]: "oui" }), { finish: false });
    // Back to screen 1: a different answer hides Q9, and its answer is removed.
    context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    expect(context.draft.answers.get(fixture.q.atelier as string)?.key).toBe("oui");
    await saveStep(database.db, context, web, 1, screen1({ [f("aise")]: "5" }), { finish: false });
    context = await loadDraftContext(database.db, token);
    expect(context?.draft.answers.has(fixture.q.atelier as string)).toBe(false);
    // Same screen: "pourquoi" (if Q1 = Non) is dropped when Q1 = Oui, whatever was typed.
    if (!context) throw new Error("draft");
    await saveStep(database.db, context, web, 1, screen1({ [f("ordinateur")]: "oui", [f("pourquoi")]: "texte tapé par erreur", ...shown("pourquoi") }), { finish: false });
    context = await loadDraftContext(database.db, token);
    expect(context?.draft.answers.has(fixture.q.pourquoi as string)).toBe(false);
  });

  it("without JavaScript, asks a same-screen conditional question on a follow-up screen only when its condition holds", async () => {
    const { token } = await startResponse(database.db, campaign, web);
    let context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    // No script: "pourquoi" was not shown, so whatever the request carries for it is not stored yet.
    expect(await saveStep(database.db, context, web, 1, screen1({ [f("ordinateur")]: "non", [f("pourquoi")]: "envoyé sans être montré" }), { finish: false })).toEqual({ next: 2 });
    context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    expect(context.draft.answers.has(fixture.q.pourquoi as string)).toBe(false);
    const steps = visibleSteps(context.structure, context.draft.answers, true);
    expect(steps.map((s) => [s.level, s.questions.filter((q) => !q.sameScreenCondition).map((q) => q.id)])).toEqual([
      [0, [fixture.q.ordinateur, fixture.q.usages, fixture.q.aise]],
      [1, [fixture.q.pourquoi]],
      [0, [fixture.q.age, fixture.q.foyer, fixture.q.commune]],
    ]);
    expect(await saveStep(database.db, context, web, 2, { [f("pourquoi")]: "Trop cher" }, { finish: false })).toEqual({ next: 3 });
    context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    expect(await saveStep(database.db, context, web, 3, screen2(), { finish: true })).toEqual({ submitted: true });
    const [row] = await database.db.select().from(questionnaireAnswers).where(and(eq(questionnaireAnswers.responseId, context.draft.id), eq(questionnaireAnswers.questionId, fixture.q.pourquoi as string)));
    expect(row?.text).toBe("Trop cher");

    // "Oui": no follow-up screen, the next screen is "Vous" and nothing is stored for "pourquoi".
    const other = await startResponse(database.db, campaign, web);
    const ctx = await loadDraftContext(database.db, other.token);
    if (!ctx) throw new Error("draft");
    expect(await saveStep(database.db, ctx, web, 1, screen1({ [f("ordinateur")]: "oui", [f("pourquoi")]: "ignoré" }), { finish: false })).toEqual({ next: 2 });
    const after = await loadDraftContext(database.db, other.token);
    expect(after?.draft.answers.has(fixture.q.pourquoi as string)).toBe(false);
    expect(visibleSteps(after?.structure ?? { sections: [] }, after?.draft.answers ?? new Map(), true).map((s) => s.section.title)).toEqual(["Équipement", "Vous"]);
  });

  it("finds the commune by name, postcode or the suggestion's label, or records « hors du territoire »", async () => {
    const id = await answer([screen1(), screen2({ [f("commune")]: "16000" })]);
    expect((await answersOf(id)).get(fixture.q.commune as string)?.key).toBe("16015");
    const id2 = await answer([screen1(), screen2({ [f("commune")]: "Cognac (16100)" })]);
    expect((await answersOf(id2)).get(fixture.q.commune as string)?.key).toBe("16102");
    const id3 = await answer([screen1(), screen2({ [f("commune")]: "", [outsideFieldName(fixture.q.commune as string)]: "on" })]);
    expect((await answersOf(id3)).get(fixture.q.commune as string)?.key).toBe("hors");
    // Poitiers is in Vienne, not in this territory.
    const { token } = await startResponse(database.db, campaign, web);
    await saveStep(database.db, (await loadDraftContext(database.db, token)) as never, web, 1, screen1(), { finish: false });
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    const error = await expectAppError(saveStep(database.db, context, web, 2, screen2({ [f("commune")]: "Poitiers" }), { finish: true }), "validation", f("commune"));
    expect(error.fieldErrors?.[f("commune")]?.[0]).toContain("Aucune commune du territoire ne correspond à « Poitiers »");
  });

  it("stores nothing identifying in an anonymous campaign: no personal question, no address, no account", async () => {
    const id = await answer([screen1(), screen2({ [f("courriel")]: "personne@exemple.test" })], { key: clientKey("secret", campaign.id, "203.0.113.7", "Mozilla") });
    const answers = await answersOf(id);
    expect(answers.has(fixture.q.courriel as string)).toBe(false);
    const [row] = await database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, id));
    expect(row?.source).toBe("web");
    expect(row?.enteredBy).toBeNull();
    expect(row?.draftTokenHash).toBeNull();
    const stored = JSON.stringify(row) + JSON.stringify([...answers.values()]);
    expect(stored).not.toContain("203.0.113.7");
    expect(stored).not.toContain("Mozilla");
    expect(stored).not.toContain("personne@exemple.test");
    // The key differs from one campaign to another for the same client.
    expect(clientKey("secret", "autre-campagne", "203.0.113.7", "Mozilla")).not.toBe(clientKey("secret", campaign.id, "203.0.113.7", "Mozilla"));
  });

  it("asks the personal question in a campaign that is not anonymous", async () => {
    const named = await createCampaign(database.db, coordinator, territory, fixture.id, { label: "Nominative", anonymous: "non" });
    const camp = (await findCampaign(database.db, territory.id, fixture.id, named.id)) as Campaign;
    const id = await answer([screen1(), screen2({ [f("courriel")]: "personne@exemple.test" })], { camp });
    expect((await answersOf(id)).get(fixture.q.courriel as string)?.text).toBe("personne@exemple.test");
  });

  it("marks paper answers typed in by a member, and refuses observers", async () => {
    const id = await answer([screen1(), screen2()], { respondent: { kind: "paper", principal: partner } });
    const [row] = await database.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, id));
    expect(row?.source).toBe("paper");
    expect(row?.enteredBy).toBe(partner.kind === "user" ? partner.userId : "");
    expect(row?.clientKey).toBeNull();
    await expectAppError(startResponse(database.db, campaign, { kind: "paper", principal: observer }), "forbidden");
    // A paper questionnaire left partly blank is typed in as it is, required questions included.
    const blank = await answer([{ [f("aise")]: "2" }, { [f("age")]: "30-a-59-ans" }], { respondent: { kind: "paper", principal: contributor } });
    expect([...(await answersOf(blank)).keys()].sort()).toEqual([fixture.q.aise, fixture.q.age].sort());
    // A draft begun on paper cannot be continued on the public link, nor the reverse.
    const { token } = await startResponse(database.db, campaign, { kind: "paper", principal: coordinator });
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    await expectAppError(saveStep(database.db, context, web, 1, screen1(), { finish: false }), "not_found");
  });

  it("refuses answers before the opening date and after the closing date", async () => {
    const later = await createCampaign(database.db, coordinator, territory, fixture.id, { label: "Plus tard", opens: "2999-01-01" });
    const camp = (await findCampaign(database.db, territory.id, fixture.id, later.id)) as Campaign;
    expect((await campaignByToken(database.db, later.token))?.campaign.id).toBe(later.id);
    await expectAppError(startResponse(database.db, camp, web), "campaign_closed");
    const past = await createCampaign(database.db, coordinator, territory, fixture.id, { label: "Passée", opens: "2020-01-01", closes: "2020-02-01" });
    await expectAppError(startResponse(database.db, (await findCampaign(database.db, territory.id, fixture.id, past.id)) as Campaign, web), "campaign_closed");
  });

  it("refuses the 11th response of an hour from one client, keeps its answers, and flags the 10 before as suspect", async () => {
    const key = "cle-du-meme-appareil";
    for (let i = 0; i < 10; i++) await answer([screen1(), screen2()], { key });
    const { token } = await startResponse(database.db, campaign, web);
    await saveStep(database.db, (await loadDraftContext(database.db, token)) as never, web, 1, screen1(), { finish: false });
    const context = await loadDraftContext(database.db, token);
    if (!context) throw new Error("draft");
    const error = await expectAppError(saveStep(database.db, context, web, 2, screen2(), { finish: true, clientKey: key }), "rate_limited");
    expect(error.message).toContain("Vos réponses sont gardées");
    expect(await loadDraftContext(database.db, token)).toBeDefined();
    const [flagged] = await database.db
      .select({ n: count() })
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.clientKey, key), eq(questionnaireResponses.suspect, true)));
    expect(flagged?.n).toBe(10);
    const [audit] = await database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "flag_suspect"));
    expect(audit?.n).toBe(1);
    // Another client is not affected.
    await answer([screen1(), screen2()], { key: "un-autre-appareil" });
    // The coordinator sets the suspect ones aside; a partner may not.
    await expectAppError(setExcluded(database.db, partner, territory, fixture.id, { allSuspect: true }, true), "forbidden");
    expect(await setExcluded(database.db, coordinator, territory, fixture.id, { allSuspect: true }, true)).toBe(10);
  });
});

describe("editing a questionnaire that has answers", () => {
  it("refuses to change a question's type or remove an answered choice, with a 409 in French; wording and new optional questions stay allowed", async () => {
    const db = database.db;
    const usages = fixture.q.usages as string;
    const section = fixture.sections[0] as string;
    const base = { choice_value: ["courriels", "demarches", "videos"], choice_label__courriels: "Courriels", choice_label__demarches: "Démarches", choice_label__videos: "Vidéos", allow_other: "on" };
    // "usages" has answers (courriels, videos) from the tests above.
    const typeChange = await expectAppError(
      updateQuestion(db, coordinator, territory, fixture.id, usages, { ...questionForm(section, { type: "single", label: "Que faites-vous en ligne ?", ...base }), version: await currentVersion(db, territory, fixture.id) }),
      "answers_exist",
    );
    expect(typeChange.status).toBe(409);
    expect(typeChange.message).toContain("son type ne peut plus changer");
    const removal = await expectAppError(
      updateQuestion(db, coordinator, territory, fixture.id, usages, {
        ...questionForm(section, { type: "multiple", label: "Que faites-vous en ligne ?", ...base, choice_remove: "videos" }),
        version: await currentVersion(db, territory, fixture.id),
      }),
      "answers_exist",
    );
    expect(removal.message).toContain("« Vidéos »");
    // "Démarches" was never chosen: it may go. The wording and a label change are fine.
    await updateQuestion(db, coordinator, territory, fixture.id, usages, {
      ...questionForm(section, { type: "multiple", label: "Que faites-vous sur internet ?", ...base, choice_label__videos: "Vidéos en ligne", choice_remove: "demarches" }),
      version: await currentVersion(db, territory, fixture.id),
    });
    const loaded = await loadQuestionnaire(db, territory.id, fixture.id);
    const q = allQuestions(loaded?.structure ?? { sections: [] }).find((x) => x.id === usages);
    expect(q?.label).toBe("Que faites-vous sur internet ?");
    expect(q?.settings.choices).toEqual([
      { value: "courriels", label: "Courriels" },
      { value: "videos", label: "Vidéos en ligne" },
    ]);
    // New questions: optional yes, required no.
    await addQuestion(db, coordinator, territory, fixture.id, { ...questionForm(section, { type: "short_text", label: "Nouvelle question facultative" }), version: await currentVersion(db, territory, fixture.id) });
    await expectAppError(
      addQuestion(db, coordinator, territory, fixture.id, { ...questionForm(section, { type: "short_text", label: "Nouvelle obligatoire", required: "on" }), version: await currentVersion(db, territory, fixture.id) }),
      "answers_exist",
    );
    // Answered questions and their parts are not deleted.
    await expectAppError(deleteQuestion(db, coordinator, territory, fixture.id, usages, { version: await currentVersion(db, territory, fixture.id) }), "answers_exist");
    await expectAppError(deleteSection(db, coordinator, territory, fixture.id, section, { version: await currentVersion(db, territory, fixture.id) }), "answers_exist");
  });

  it("a copy is a new draft, without answers, whose conditions point to its own questions", async () => {
    const { id } = await createQuestionnaire(database.db, coordinator, territory, { origin: fixture.id });
    const copy = await loadQuestionnaire(database.db, territory.id, id);
    const original = await loadQuestionnaire(database.db, territory.id, fixture.id);
    expect(copy?.questionnaire.title).toBe("Questionnaire de test (copie)");
    expect(copy?.questionnaire.status).toBe("draft");
    const questions = allQuestions(copy?.structure ?? { sections: [] });
    expect(questions.map((q) => q.label)).toEqual(allQuestions(original?.structure ?? { sections: [] }).map((q) => q.label));
    const ids = new Set(questions.map((q) => q.id));
    for (const q of questions.filter((x) => x.condition)) expect(ids.has(q.condition?.questionId ?? "")).toBe(true);
    // Free to change there: the type of a question answered in the original.
    const usages = questions.find((q) => q.label === "Que faites-vous sur internet ?");
    await updateQuestion(database.db, coordinator, territory, id, usages?.id ?? "", {
      ...questionForm(usages?.sectionId ?? "", { type: "short_text", label: "Que faites-vous sur internet ?" }),
      version: await currentVersion(database.db, territory, id),
    });
  });

  it("a closed questionnaire takes no answers and no edits", async () => {
    const { id } = await createQuestionnaire(database.db, coordinator, territory, { origin: "elus" });
    await publishQuestionnaire(database.db, coordinator, territory, id, { version: await currentVersion(database.db, territory, id) });
    const c = await createCampaign(database.db, coordinator, territory, id, { label: "Élus" });
    await closeQuestionnaire(database.db, coordinator, territory, id, { version: await currentVersion(database.db, territory, id) });
    await expectAppError(startResponse(database.db, (await findCampaign(database.db, territory.id, id, c.id)) as Campaign, web), "campaign_closed");
    await expectAppError(addSection(database.db, coordinator, territory, id, { title: "Encore", version: await currentVersion(database.db, territory, id) }), "answers_exist");
  });
});

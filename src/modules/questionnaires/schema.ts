import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "@/platform/auth/schema";
import { territories } from "@/modules/territories";
import { audiences, questionnaireStatuses, questionTypes, type Condition, type QuestionSettings } from "./types";

export const questionnaireAudience = pgEnum("questionnaire_audience", audiences);
export const questionnaireStatus = pgEnum("questionnaire_status", questionnaireStatuses);
export const questionType = pgEnum("question_type", questionTypes);
export const responseSource = pgEnum("response_source", ["web", "paper"]);

/** A questionnaire of a territory: drafted, published (campaigns may collect answers), then closed. */
export const questionnaires = pgTable(
  "questionnaires",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Shown on the first screen of the answering page. */
    intro: text("intro").notNull().default(""),
    audience: questionnaireAudience("audience").notNull(),
    status: questionnaireStatus("status").notNull().default("draft"),
    /** Incremented by every change of the questionnaire or its questions: a stale builder form is refused. */
    version: integer("version").notNull().default(1),
    /** The template it was copied from, if any (`acteurs`, `habitants`, `elus`), or the questionnaire it copies. */
    origin: text("origin"),
    demo: boolean("demo").notNull().default(false),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("questionnaires_territory_idx").on(t.territoryId, t.createdAt)],
);

/** One screen of the answering page. */
export const questionnaireSections = pgTable(
  "questionnaire_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [index("questionnaire_sections_questionnaire_idx").on(t.questionnaireId, t.position)],
);

export const questionnaireQuestions = pgTable(
  "questionnaire_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => questionnaireSections.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    type: questionType("type").notNull(),
    label: text("label").notNull(),
    help: text("help").notNull().default(""),
    required: boolean("required").notNull().default(false),
    /** Asks for something that identifies a person (name, email, phone): never asked in an anonymous campaign. */
    personal: boolean("personal").notNull().default(false),
    settings: jsonb("settings").$type<QuestionSettings>().notNull().default({}),
    condition: jsonb("condition").$type<Condition>(),
  },
  (t) => [index("questionnaire_questions_section_idx").on(t.sectionId, t.position), index("questionnaire_questions_questionnaire_idx").on(t.questionnaireId)],
);

/** A public link (`/q/<token>`) collecting answers to a published questionnaire, between two dates. */
export const questionnaireCampaigns = pgTable(
  "questionnaire_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    /** Random, short, in the public URL. */
    token: text("token").notNull(),
    label: text("label").notNull(),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    /** Anonymous by default: questions marked personal are not asked. */
    anonymous: boolean("anonymous").notNull().default(true),
    demo: boolean("demo").notNull().default(false),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("questionnaire_campaigns_token_idx").on(t.token), index("questionnaire_campaigns_questionnaire_idx").on(t.questionnaireId)],
);

/**
 * One person's answers. A response is a draft (answers kept between screens, reached through a random
 * token whose hash only is stored) until it is submitted. Nothing identifying is stored: no address, no
 * account of the respondent; `clientKey` is a keyed hash (per campaign) used for the hourly limit, erased
 * once the hour has passed.
 */
export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    territoryId: uuid("territory_id")
      .notNull()
      .references(() => territories.id, { onDelete: "cascade" }),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => questionnaireCampaigns.id, { onDelete: "cascade" }),
    source: responseSource("source").notNull().default("web"),
    /** For a paper questionnaire: the member who typed it in. */
    enteredBy: text("entered_by").references(() => user.id, { onDelete: "set null" }),
    draftTokenHash: text("draft_token_hash"),
    clientKey: text("client_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** Sent in a flood from one client: shown to the coordinators, who may exclude it. */
    suspect: boolean("suspect").notNull().default(false),
    /** Left out of the results and exports by a coordinator. */
    excluded: boolean("excluded").notNull().default(false),
    demo: boolean("demo").notNull().default(false),
  },
  (t) => [
    index("questionnaire_responses_results_idx").on(t.questionnaireId, t.submittedAt),
    index("questionnaire_responses_campaign_idx").on(t.campaignId, t.clientKey),
    uniqueIndex("questionnaire_responses_draft_idx").on(t.draftTokenHash).where(sql`${t.draftTokenHash} is not null`),
  ],
);

/**
 * One answer per question and response, in typed columns so that results are counted by the database:
 * `key` for a single choice or a commune (INSEE code or "hors"), `keys` for multiple choices, `number`
 * for a scale or a number, `text` for a free text or the "autre, précisez" text.
 */
export const questionnaireAnswers = pgTable(
  "questionnaire_answers",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questionnaireQuestions.id, { onDelete: "cascade" }),
    key: text("key"),
    keys: text("keys").array(),
    number: doublePrecision("number"),
    text: text("text"),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index("questionnaire_answers_question_idx").on(t.questionId, t.key, t.responseId)],
);

export type Questionnaire = typeof questionnaires.$inferSelect;
export type Section = typeof questionnaireSections.$inferSelect;
export type Question = typeof questionnaireQuestions.$inferSelect;
export type Campaign = typeof questionnaireCampaigns.$inferSelect;
export type QuestionnaireResponse = typeof questionnaireResponses.$inferSelect;
export type Answer = typeof questionnaireAnswers.$inferSelect;

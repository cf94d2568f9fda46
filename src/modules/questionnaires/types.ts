/**
 * The shapes of a questionnaire shared by the server, the pages and the forms (client components):
 * no import here, so that the browser bundle pulls nothing else.
 */

export const questionTypes = ["single", "multiple", "scale", "number", "short_text", "long_text", "commune"] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionTypeLabels: Record<QuestionType, string> = {
  single: "Choix unique",
  multiple: "Choix multiples",
  scale: "Échelle de 1 à 5",
  number: "Nombre",
  short_text: "Texte court",
  long_text: "Texte long",
  commune: "Commune de résidence",
};

export const audiences = ["actors", "inhabitants", "officials", "other"] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = {
  actors: "Acteurs du territoire",
  inhabitants: "Habitantes et habitants",
  officials: "Élus et agents",
  other: "Autre public",
};

export const questionnaireStatuses = ["draft", "published", "closed"] as const;
export type QuestionnaireStatus = (typeof questionnaireStatuses)[number];
export const statusLabels: Record<QuestionnaireStatus, string> = { draft: "Brouillon", published: "Publié", closed: "Clos" };

/** One option of a choice question. `value` is a stable key (answers keep it); `label` can be reworded. */
export type Choice = { value: string; label: string };

export type QuestionSettings = {
  /** Single and multiple choice. */
  choices?: Choice[];
  /** Single and multiple choice: adds "Autre, précisez" with a short text. */
  allowOther?: boolean;
  /** Number. */
  min?: number | null;
  max?: number | null;
  /** Scale 1–5: words under 1 and 5 ("Pas du tout", "Tout à fait"). */
  scaleMin?: string;
  scaleMax?: string;
};

export const conditionOperators = ["equals", "contains"] as const;
export type ConditionOperator = (typeof conditionOperators)[number];
export const conditionOperatorLabels: Record<ConditionOperator, string> = {
  equals: "est égale à",
  contains: "contient",
};

/** Show a question only if an earlier question's answer equals (or, for multiple choices, contains) a value. */
export type Condition = { questionId: string; operator: ConditionOperator; value: string };

/** The value of the "Autre, précisez" option of a choice question. */
export const OTHER = "autre";
/** The answer of a commune question for someone who lives outside the territory. */
export const OUTSIDE = "hors";

/** Size limits of free answers (refused beyond, with a message). */
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;

/** Submissions per client and campaign in an hour before the next is refused and the previous ones flagged. */
export const RESPONSES_PER_HOUR = 10;

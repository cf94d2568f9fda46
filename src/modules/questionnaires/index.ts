// Public entry of the questionnaires module: participatory questionnaires, their results and highlights.
// Other modules and the composition layer import from "@/modules/questionnaires" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { surveyHighlights } from "./highlights";
export type { SurveyHighlights } from "./highlights";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";
// Read by computed indicators of the evaluation (src/composition/evaluation/catalogue.ts): a question's share of answers.
export { questionnaireAnswers, questionnaireResponses } from "./schema";

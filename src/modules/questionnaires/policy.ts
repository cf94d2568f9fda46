import type { Principal, Role } from "@/platform/auth/principal";
import { abilitiesOf, isAdmin, roleIn } from "@/platform/auth/policy";
import { type TerritoryRef } from "@/modules/territories";

const hasRole = (...roles: Role[]) => (principal: Principal, t: TerritoryRef) => {
  if (isAdmin(principal)) return true;
  const role = roleIn(principal, t);
  return role !== undefined && roles.includes(role);
};

/**
 * Who does what with questionnaires:
 * - every member reads them, their campaigns and their results (observers are often elected
 *   officials: the diagnostic is theirs to read);
 * - coordinators and contributors (whose role is to contribute contents, questionnaires among them)
 *   build questionnaires; only coordinators publish, close and open campaigns (a public link speaks
 *   for the territory), and set aside suspect responses;
 * - every member who works with the public (all but observers) types in paper questionnaires;
 * - the raw answers (free texts included) are exported by those who build the questionnaires, and only they
 *   read the answers to questions marked personal (name, contact…), on the results pages too;
 * - anyone, without an account, answers an open campaign (the limits are in the command).
 */
export const questionnairePolicy = {
  view: hasRole("coordinator", "partner", "contributor", "observer"),
  edit: hasRole("coordinator", "contributor"),
  publish: hasRole("coordinator"),
  enterPaper: hasRole("coordinator", "partner", "contributor"),
  viewResults: hasRole("coordinator", "partner", "contributor", "observer"),
  export: hasRole("coordinator", "contributor"),
  viewPersonalAnswers: hasRole("coordinator", "contributor"),
  moderate: hasRole("coordinator"),
  answer: (_principal: Principal, _t: TerritoryRef) => true,
} as const;

export type QuestionnaireAction = keyof typeof questionnairePolicy;

/** Whether a question's answers may be shown to this principal (a personal question's only to those who export raw answers). */
export function mayReadAnswers(principal: Principal, t: TerritoryRef, question: { personal: boolean }): boolean {
  return !question.personal || questionnairePolicy.viewPersonalAnswers(principal, t);
}
export type QuestionnaireAbilities = Record<QuestionnaireAction, boolean>;

/** The abilities a page receives to show or hide its controls. */
export function questionnaireAbilities(principal: Principal, t: TerritoryRef): QuestionnaireAbilities {
  return abilitiesOf(questionnairePolicy, principal, t);
}

import { AppError } from "@/platform/errors";
import type { Questionnaire } from "./schema";

/**
 * A closed questionnaire does not change. One rule, one typed error (409 `answers_exist`, with its
 * French message) for the builder's commands and for the builder's pages alike: a page that opens
 * the form of a closed questionnaire says the same thing the command would say, not "access denied".
 */
export function closedRefusal(q: Pick<Questionnaire, "status">): AppError | undefined {
  return q.status === "closed"
    ? new AppError("answers_exist", { message: "Ce questionnaire est clos : rouvrez-le pour le modifier, ou copiez-le pour en faire une nouvelle version." })
    : undefined;
}

/** The commands' side of the rule: throw the refusal. */
export function refuseClosed(q: Pick<Questionnaire, "status">): void {
  const refusal = closedRefusal(q);
  if (refusal) throw refusal;
}

import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { questionnairePolicy } from "../policy";
import { isUuid } from "../queries";
import { questionnaireResponses } from "../schema";
import { type Territory } from "./shared";

/** Moderation: leaving suspect responses out of the results, or putting them back. */

/** Leaves responses out of the results (or puts them back); `ids` of this questionnaire, or every suspect one. */
export async function setExcluded(db: Db, principal: Principal, territory: Territory, questionnaireId: string, target: { ids: string[] } | { allSuspect: true }, excluded: boolean): Promise<number> {
  authorize(questionnairePolicy.moderate(principal, territory));
  if ("ids" in target && target.ids.some((id) => !isUuid(id))) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(questionnaireResponses)
      .set({ excluded, updatedAt: new Date() })
      .where(
        and(
          eq(questionnaireResponses.territoryId, territory.id),
          eq(questionnaireResponses.questionnaireId, questionnaireId),
          isNotNull(questionnaireResponses.submittedAt),
          "ids" in target ? inArray(questionnaireResponses.id, target.ids.length > 0 ? target.ids : ["00000000-0000-0000-0000-000000000000"]) : eq(questionnaireResponses.suspect, true),
        ),
      )
      .returning({ id: questionnaireResponses.id });
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "questionnaire", entityId: questionnaireId, action: excluded ? "exclude_responses" : "include_responses", after: { responses: rows.map((r) => r.id) } });
    return rows.length;
  });
}

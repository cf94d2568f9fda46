import { principalLabel, type Principal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { findActor } from "@/modules/actors";
import { territoryPolicy, type TerritoryRef } from "@/modules/territories";
import { maturityPolicy } from "./policy";
import { maturityAnswers, maturityAssessments } from "./schema";
import { assessmentSchema } from "./validation";

const submitter = (principal: Principal) => principalLabel(principal, { show: "name" });

/**
 * Records a new self-assessment of an actor the territory sees. Earlier submissions are kept (the
 * actor's progress stays visible); the newest one is the current assessment.
 */
export async function submitAssessment(db: Db, principal: Principal, territory: TerritoryRef, actorId: string, raw: unknown): Promise<{ id: string; submittedAt: Date }> {
  // Member check first: a stranger learns nothing, not even whether the actor exists.
  authorize(territoryPolicy.viewWorkspace(principal, territory));
  const found = await findActor(db, territory.id, actorId);
  if (!found) throw new AppError("not_found");
  authorize(maturityPolicy.selfAssess(principal, territory, found));
  const { answers } = parseOrThrow(assessmentSchema, raw);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(maturityAssessments)
      .values({ actorId: found.id, submittedBy: submitter(principal) })
      .returning({ id: maturityAssessments.id, submittedAt: maturityAssessments.submittedAt });
    if (!created) throw new Error("assessment insert returned nothing");
    await tx.insert(maturityAnswers).values(answers.map((a) => ({ assessmentId: created.id, ...a })));
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "maturity_assessment",
      entityId: created.id,
      action: "create",
      after: { actor: found.name, levels: Object.fromEntries(answers.map((a) => [a.dimension, a.level])), comments: Object.fromEntries(answers.filter((a) => a.comment).map((a) => [a.dimension, a.comment])) },
    });
    return created;
  });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createFinding } from "@/modules/findings";
import { planActionIndicators, planActionObjectives, planActions, planVersions } from "@/modules/plan";
import { deleteAxis, deleteObjective, strategyOf } from "@/modules/strategy";
import { createAxis, createObjective } from "@/modules/strategy/commands";
import { loadCoverage } from "@/composition/coverage/load";
import { strategyUsage } from "./usage";

/** The value, or a failed test when it is missing. */
function req<T>(v: T | undefined | null): T {
  if (v === undefined || v === null) throw new Error("missing value");
  return v;
}


let database: Database;
let territory: Territory;
let coordinator: Principal;
const ids = {} as Record<"axis" | "permanences" | "parents" | "unused" | "q1" | "q2" | "q3", string>;

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  territory = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-couverture", name: "Angoulême" });
  const u = await createUser(db);
  await addMember(db, territory.id, u.id, "coordinator");
  coordinator = await principalOf(db, u.id);
  ids.q1 = (await createFinding(db, coordinator, territory, { kind: "question", text: "Les seniors n'ont personne pour les aider.", themes: [], communes: [] })).id;
  ids.q2 = (await createFinding(db, coordinator, territory, { kind: "question", text: "Les parents et l'ENT.", themes: [], communes: [] })).id;
  ids.q3 = (await createFinding(db, coordinator, territory, { kind: "question", text: "La langue des signes.", themes: [], communes: [] })).id;
  await createFinding(db, coordinator, territory, { kind: "strength", text: "Un atout n'est pas une question.", themes: [], communes: [] });
  ids.axis = (await createAxis(db, coordinator, territory, { title: "Proximité" })).id;
  ids.permanences = (await createObjective(db, coordinator, territory, { title: "Des permanences", horizon: "court", axisId: ids.axis, findings: [ids.q1] })).id;
  ids.parents = (await createObjective(db, coordinator, territory, { title: "Les parents", horizon: "moyen", findings: [ids.q2] })).id;
  ids.unused = (await createObjective(db, coordinator, territory, { title: "Sans action", horizon: "long", findings: [] })).id;
  // Two versions of the plan: the first frozen keeps its link to the objective too.
  const [v1] = await db.insert(planVersions).values({ territoryId: territory.id, number: 1, title: "Plan 2026", kind: "annuel", startYear: 2026, endYear: 2026, frozenAt: new Date() }).returning();
  const [v2] = await db.insert(planVersions).values({ territoryId: territory.id, number: 2, title: "Plan 2026-2027", kind: "pluriannuel", startYear: 2026, endYear: 2027 }).returning();
  const actions = await db
    .insert(planActions)
    .values([
      { territoryId: territory.id, versionId: req(v1).id, title: "Permanence à Confolens", axisId: ids.axis, position: 0 },
      { territoryId: territory.id, versionId: req(v2).id, title: "Permanence à Confolens", axisId: ids.axis, position: 0 },
      { territoryId: territory.id, versionId: req(v2).id, title: "Permanence à Ruffec", position: 1 },
      { territoryId: territory.id, versionId: req(v2).id, title: "Abandonnée", status: "abandonnee", position: 2 },
    ])
    .returning({ id: planActions.id });
  await db.insert(planActionObjectives).values([
    { actionId: req(actions[0]).id, objectiveId: ids.permanences },
    { actionId: req(actions[1]).id, objectiveId: ids.permanences },
    { actionId: req(actions[2]).id, objectiveId: ids.permanences },
    { actionId: req(actions[3]).id, objectiveId: ids.parents },
  ]);
  await db.insert(planActionIndicators).values({ actionId: req(actions[1]).id, label: "Personnes accompagnées" });
});

afterAll(async () => {
  await database?.close();
});

describe("deleting what the plan still uses", () => {
  it("an objective that actions point to is refused with the list of those actions, in every version", async () => {
    const e = await expectAppError(deleteObjective(database.db, coordinator, territory, ids.permanences, strategyUsage), "still_used");
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      "L'objectif « Des permanences » ne peut pas être supprimé : 3 actions du plan s'y rattachent (« Permanence à Confolens (version 1) », « Permanence à Confolens (version 2) », « Permanence à Ruffec (version 2) »). Retirez-le d'abord de ces actions.",
    );
    expect((await strategyOf(database.db, territory.id)).objectives.some((o) => o.id === ids.permanences)).toBe(true);
  });

  it("without the reader, the restrict foreign key still refuses (a generic message, nothing deleted)", async () => {
    const e = await expectAppError(deleteObjective(database.db, coordinator, territory, ids.parents), "still_used");
    expect(e.message).toBe("Cet objectif ne peut pas être supprimé : des actions du plan s'y rattachent encore. Retirez-le d'abord de ces actions.");
    expect((await strategyOf(database.db, territory.id)).objectives.some((o) => o.id === ids.parents)).toBe(true);
  });

  it("an axis that actions are filed under is refused with their list", async () => {
    const e = await expectAppError(deleteAxis(database.db, coordinator, territory, ids.axis, strategyUsage), "still_used");
    expect(e.message).toContain("2 actions du plan s'y rattachent (« Permanence à Confolens (version 1) », « Permanence à Confolens (version 2) »)");
  });
});

describe("the coverage matrix of a territory", () => {
  it("reads the latest version of the plan, leaves abandoned actions out, ranks questions as the findings module does", async () => {
    const c = await loadCoverage(database.db, territory.id);
    expect(c.version).toEqual({ number: 2, title: "Plan 2026-2027", frozen: false });
    expect(c.rows.map((r) => [r.question.text, r.level])).toEqual([
      ["La langue des signes.", "none"],
      ["Les parents et l'ENT.", "objective"],
      ["Les seniors n'ont personne pour les aider.", "indicator"],
    ]);
    expect(c.objectivesWithoutAction.map((o) => o.title)).toEqual(["Les parents", "Sans action"]);
    expect(c.actionsWithoutIndicator.map((a) => a.title)).toEqual(["Permanence à Ruffec"]);
    expect(c.totals).toEqual({ questions: 3, questionsCovered: 2, objectives: 3, objectivesWithAction: 1, actions: 2, actionsWithIndicator: 1 });
  });
});

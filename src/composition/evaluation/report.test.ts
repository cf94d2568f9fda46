import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { insertPlanActions, insertPlanVersion } from "@/testing/plan-rows";
import { createIndicator, findEvaluationReport, listEvaluationReports } from "@/modules/indicators";
import { addMeasurement, setTarget } from "@/modules/indicators/commands";
import { planActions } from "@/modules/plan";
import { strategyObjectives } from "@/modules/strategy";
import type { Territory } from "@/modules/territories/queries";
import { eq } from "drizzle-orm";
import { buildEvaluation, currentEvaluation, publishEvaluation, type EvaluationSnapshot } from "./report";
import { evaluationOdt } from "./render";

let database: Database;
let territory: Territory;
let coordinator: Principal;
let partner: Principal;
let indicatorId: string;
let lineageId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  territory = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-rapport", name: "Angoulême" });
  for (const role of ["coordinator", "partner"] as const) {
    const u = await createUser(db);
    await addMember(db, territory.id, u.id, role);
    if (role === "coordinator") coordinator = await principalOf(db, u.id);
    else partner = await principalOf(db, u.id);
  }
  const [objective] = await db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Accompagner les seniors", horizon: "court" }).returning();
  if (!objective) throw new Error("no objective");
  const v = await insertPlanVersion(db, territory.id, { number: 1, startYear: 2026, endYear: 2026 });
  const [permanences] = await insertPlanActions(db, territory.id, v.id, [
    { title: "Permanences en mairie", status: "en_cours" },
    { title: "Bus numérique", status: "en_retard" },
    { title: "Ateliers", status: "idee" },
  ]);
  const [row] = await db.select({ lineageId: planActions.lineageId }).from(planActions).where(eq(planActions.id, permanences ?? ""));
  lineageId = row?.lineageId ?? "";
  ({ id: indicatorId } = await createIndicator(db, coordinator, territory, {
    name: "Seniors accompagnés",
    unit: "personnes",
    direction: "hausse",
    periodicity: "trimestrielle",
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    source: "manuel",
    baselineValue: "0",
    baselineOn: "2026-01-01",
    objectiveId: objective.id,
    actionLineageId: lineageId,
  }));
  await setTarget(db, coordinator, territory, indicatorId, { periodEnd: "2026-12-31", value: "200" });
  await addMeasurement(db, coordinator, territory, indicatorId, { measuredOn: "2026-03-31", value: "40" });
});

afterAll(async () => {
  await database?.close();
});

describe("the evaluation report", () => {
  it("gathers indicators by objective and action, with status, progress and plan health", async () => {
    const data = await buildEvaluation(database.db, territory, new Date("2026-04-15T10:00:00Z"));
    // 1 Jan → 15 Apr = 104 days of 364: expected 200 × 104/364 ≈ 57; 40 is behind → late. Progress 40/200 = 20 %.
    const [line] = data.objectives[0]?.indicators ?? [];
    expect(line).toMatchObject({ name: "Seniors accompagnés", status: "en_retard", progress: 20, latest: { on: "2026-03-31", value: 40, isEstimate: false }, target: { periodEnd: "2026-12-31", value: 200 } });
    expect(data.actions.find((a) => a.lineageId === lineageId)?.indicators.map((l) => l.name)).toEqual(["Seniors accompagnés"]);
    expect(data.summary).toEqual({ indicators: 1, byStatus: { atteint: 0, en_bonne_voie: 0, en_retard: 1, sans_donnees: 0 } });
    // 3 actions; the idea is not counted: 1 on track of 2 → 50 %.
    expect(data.plan).toEqual({
      actions: 3,
      byStatus: [
        { status: "idee", label: "Idée", count: 1 },
        { status: "en_cours", label: "En cours", count: 1 },
        { status: "en_retard", label: "En retard", count: 1 },
      ],
      onTrackShare: 50,
    });
    expect(data.commitments).toBeNull();
  });

  it("publishes numbered versions that never change, each saying what changed since the last", async () => {
    const { db } = database;
    await expectAppError(publishEvaluation(db, partner, territory, { comprends: "oui" }), "forbidden");
    await expectAppError(publishEvaluation(db, coordinator, territory, {}), "validation");
    expect(await publishEvaluation(db, coordinator, territory, { comprends: "oui" }, new Date("2026-04-15T10:00:00Z"))).toEqual({ version: 1 });
    const v1 = await findEvaluationReport<EvaluationSnapshot>(db, territory.id, 1);
    expect(v1?.data.changes.lines).toEqual(["Première version du rapport d'évaluation : pas de version précédente à comparer."]);
    await addMeasurement(db, coordinator, territory, indicatorId, { measuredOn: "2026-06-30", value: "120" });
    // On 1 July, expected ≈ 200 × 181/364 ≈ 99.5: 120 is ahead → on track.
    const now = new Date("2026-07-01T10:00:00Z");
    const current = await currentEvaluation(db, territory, now);
    expect(current.changes.since?.version).toBe(1);
    expect(current.changes.lines).toEqual(["« Seniors accompagnés » : en retard → en bonne voie.", "« Seniors accompagnés » : 1 nouvelle mesure, dernière valeur 120 pers. au 30 juin 2026."]);
    expect(await publishEvaluation(db, coordinator, territory, { comprends: "oui" }, now)).toEqual({ version: 2 });
    expect((await listEvaluationReports(db, territory.id)).map((r) => r.version)).toEqual([2, 1]);
    // Version 1 still reads as it was published.
    const again = await findEvaluationReport<EvaluationSnapshot>(db, territory.id, 1);
    expect(again?.data.data.objectives[0]?.indicators[0]?.status).toBe("en_retard");
  });

  it("writes an ODT that opens again with its sections, indicators and figures", async () => {
    const snapshot = await findEvaluationReport<EvaluationSnapshot>(database.db, territory.id, 2);
    if (!snapshot) throw new Error("no version 2");
    const bytes = evaluationOdt(snapshot.data, { version: 2, publishedAt: snapshot.publishedAt });
    const file = path.join(os.tmpdir(), `evaluation-${process.pid}.odt`);
    fs.writeFileSync(file, bytes);
    try {
      const content = execFileSync("unzip", ["-p", file, "content.xml"], { encoding: "utf8" });
      const text = content.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      for (const heading of ["Synthèse", "Ce qui a changé", "Indicateurs par objectif", "Actions du plan", "Engagements des partenaires"]) expect(content).toContain(`>${heading}<`);
      expect(text).toContain("Accompagner les seniors");
      expect(text).toContain("Seniors accompagnés");
      expect(text).toContain("Permanences en mairie");
      // The measurement of 30 June is a number cell.
      expect(content).toContain('office:value-type="float" office:value="120"');
      expect(execFileSync("unzip", ["-p", file, "mimetype"], { encoding: "utf8" })).toBe("application/vnd.oasis.opendocument.text");
      // Charts beside their tables: the indicator under its objective, the plan by status, the indicator under its action.
      const manifest = execFileSync("unzip", ["-p", file, "META-INF/manifest.xml"], { encoding: "utf8" });
      for (const n of [1, 2, 3]) expect(manifest).toContain(`<manifest:file-entry manifest:full-path="Pictures/graphique-${n}.svg" manifest:media-type="image/svg+xml"/>`);
      expect(manifest).not.toContain("graphique-4");
      const frames = [...content.matchAll(/<draw:frame [^>]*>(.*?)<\/draw:frame>/g)].map((m) => m[1]);
      expect(frames).toHaveLength(3);
      expect(frames[0]).toContain('<draw:image xlink:href="Pictures/graphique-1.svg"');
      expect(frames[0]).toContain("<svg:title>Évolution de l’indicateur «\u00a0Seniors accompagnés\u00a0»\u00a0: mesures et cibles</svg:title>");
      expect(frames[1]).toContain("<svg:title>Actions du plan par statut</svg:title><svg:desc>Barres horizontales, une par statut. Idée\u00a0: 1\u202f; En cours\u00a0: 1\u202f; En retard\u00a0: 1.</svg:desc>");
      // Each chart comes just before the table of its figures.
      const after = (frame: string) => content.slice(content.indexOf(frame) + frame.length);
      expect(after(frames[0] ?? "")).toMatch(/^<\/draw:frame><\/text:p><text:p text:style-name="Table_20_Caption">Valeurs de «\u00a0Seniors accompagnés\u00a0»/);
      expect(after(frames[1] ?? "")).toMatch(/^<\/draw:frame><\/text:p><text:p text:style-name="Table_20_Caption">Actions du plan par statut/);
      // The picture is the page's chart: its measurements, the baseline's 0, 40 and 120, and the target's 200 on the axis.
      const picture = execFileSync("unzip", ["-p", file, "Pictures/graphique-1.svg"], { encoding: "utf8" });
      expect(picture).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(picture).toContain(">Mesures<");
      expect(picture).toContain(">Cibles<");
      expect(picture).toContain(">200<");
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

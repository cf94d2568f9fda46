import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { createIndicator } from "@/modules/indicators";
import { addMeasurement, setTarget } from "@/modules/indicators/commands";
import { strategyObjectives } from "@/modules/strategy";
import { indicatorsCommand } from "./indicators";

let database: Database;
let withMeasure = "";
let empty = "";

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  const territory = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-indicateurs-cli", name: "Cognac" });
  const u = await createUser(db, { name: "Claire Coordination" });
  await addMember(db, territory.id, u.id, "coordinator");
  const coordinator = await principalOf(db, u.id);
  const [objective] = await db.insert(strategyObjectives).values({ territoryId: territory.id, title: "Former", horizon: "court" }).returning();
  const common = { direction: "hausse", periodicity: "annuelle", startsOn: "2026-01-01", endsOn: "2026-12-31", source: "manuel", objectiveId: objective?.id };
  ({ id: withMeasure } = await createIndicator(db, coordinator, territory, { ...common, name: "Ateliers tenus", unit: "nombre" }));
  ({ id: empty } = await createIndicator(db, coordinator, territory, { ...common, name: "Bénévoles, formés", unit: "personnes" }));
  await setTarget(db, coordinator, territory, withMeasure, { periodEnd: "2026-12-31", value: "40" });
  await addMeasurement(db, coordinator, territory, withMeasure, { measuredOn: "2026-03-31", value: "12", comment: "Premier trimestre", isEstimate: "oui" });
  await addMeasurement(db, coordinator, territory, withMeasure, { measuredOn: "2026-06-30", value: "25" });
});
afterAll(async () => {
  await database?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array, cb?: (e?: Error) => void) => {
    stdout += Buffer.from(chunk).toString("utf8");
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  vi.spyOn(console, "error").mockImplementation((m: string) => void (stderr += `${m}\n`));
  const code = await indicatorsCommand(database.db, args);
  return { code, stdout, stderr };
}

describe("npx maillage indicators export", () => {
  it("JSON: indicators with targets and measurements, data only on standard output", async () => {
    const { code, stdout, stderr } = await run(["export", "--territory", "cognac-indicateurs-cli", "--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { id: string; name: string; targets: unknown[]; measurements: { measuredOn: string; value: number; isEstimate: boolean; comment: string }[] }[];
    expect(json.map((i) => i.name)).toEqual(["Ateliers tenus", "Bénévoles, formés"]);
    expect(json[0]?.targets).toEqual([{ periodEnd: "2026-12-31", value: 40 }]);
    expect(json[0]?.measurements.map((m) => [m.measuredOn, m.value, m.isEstimate, m.comment])).toEqual([
      ["2026-03-31", 12, true, "Premier trimestre"],
      ["2026-06-30", 25, false, ""],
    ]);
    expect(json[1]?.measurements).toEqual([]);
    expect(stderr).toBe("« Cognac » : 2 indicateur(s), 2 mesure(s).\n");
  });

  it("CSV: one line per measurement, an indicator without measurement on one line", async () => {
    const { code, stdout } = await run(["export", "--territory", "cognac-indicateurs-cli", "--format", "csv"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^indicateur_id,nom,unite,sens,/);
    expect(lines[1]).toContain(`${withMeasure},Ateliers tenus,nombre,hausse,annuelle,2026-01-01,2026-12-31,manuel`);
    expect(lines[1]).toContain("2026-12-31=40");
    expect(lines[1]).toMatch(/,2026-03-31,12,oui,non,Premier trimestre,Claire Coordination$/);
    expect(lines[3]).toContain(`${empty},"Bénévoles, formés",personnes`);
    expect(lines[3]).toMatch(/,sans_donnees,,,,,,$/);
  });

  it("refuses an unknown format or territory with a message on standard error and nothing on standard output", async () => {
    const bad = await run(["export", "--territory", "cognac-indicateurs-cli", "--format", "xlsx"]);
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "Format inconnu : « xlsx ». Utilisation : npx maillage indicators export --territory ADRESSE --format csv|json\n" });
    const unknown = await run(["export", "--territory", "nulle-part", "--format", "csv"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain("Territoire inconnu : « nulle-part »");
  });
});

import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { seedAccompanimentFixture } from "@/testing/accompaniment-fixture";
import { accompanimentsCommand } from "./accompaniments";

let database: Database;
let fixture: Awaited<ReturnType<typeof seedAccompanimentFixture>>;
beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await seedAccompanimentFixture(database.db, "charente-cli");
});
afterAll(async () => {
  await database?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function run(args: string[]) {
  const chunks: Buffer[] = [];
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation(((chunk: string | Uint8Array, cb?: (e?: Error) => void) => {
    chunks.push(Buffer.from(chunk));
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  vi.spyOn(console, "error").mockImplementation((m: string) => void (stderr += `${m}\n`));
  const code = await accompanimentsCommand(database.db, args);
  return { code, stdout: Buffer.concat(chunks), stderr };
}

const lines = (b: Buffer) => b.toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");

describe("npx maillage accompaniments", () => {
  it("export: the records as CSV on standard output, no recorder, the count on standard error", async () => {
    const { code, stdout, stderr } = await run(["export", "--territory", "charente-cli", "--format", "csv"]);
    expect(code).toBe(0);
    const [header, ...rows] = lines(stdout);
    expect(header).toBe("identifiant,date,lieu,commune,structure,type,personnes,duree_minutes,themes,materiel,ou,autonomie,oriente_vers,titre,niveau,tranches_age,statuts,origine");
    expect(header).not.toMatch(/recorded|saisi_par|auteur/);
    expect(rows).toHaveLength(5);
    const r3 = rows.find((l) => l.startsWith(`${fixture.records.r3.id},`));
    expect(r3).toBe(`${fixture.records.r3.id},2026-02-03,Espace numérique d'Angoulême,Angoulême,Centre social de la Grand Font,collectif,8,120,courriel smartphone,,lieu,,,Atelier courriel,,60_69:5 70_79:3,,saisie`);
    expect(stderr).toContain("5 accompagnement(s)");
  });

  it("export pages through the records: with pages of 2 the same 5 lines, each once", async () => {
    const { recordRows } = await import("@/modules/accompaniments/export");
    const ids: unknown[] = [];
    for await (const page of recordRows(database.db, fixture.territory.id, {}, 2)) ids.push(...page.map((r) => r[0]));
    expect(ids.length).toBe(5);
    expect(new Set(ids).size).toBe(5);
  });

  it("stats --by theme|month|commune|orientation as CSV", async () => {
    expect(lines((await run(["stats", "--territory", "charente-cli", "--by", "theme", "--format", "csv"])).stdout)).toEqual([
      "cle,theme,accompagnements,personnes,minutes",
      "demarches,Demarches,3,4,120",
      "courriel,Courriel,2,9,150",
      "sante,Sante,1,1,60",
      "smartphone,Smartphone,1,8,120",
    ]);
    expect(lines((await run(["stats", "--territory", "charente-cli", "--by", "month", "--format", "csv"])).stdout)).toEqual([
      "cle,mois,accompagnements,personnes,minutes",
      "2026-01,janvier 2026,2,2,90",
      "2026-02,février 2026,2,10,180",
      "2026-03,mars 2026,1,1,30",
    ]);
    expect(lines((await run(["stats", "--territory", "charente-cli", "--by", "commune", "--format", "csv", "--from", "2026-02"])).stdout)).toEqual([
      "cle,commune,accompagnements,personnes,minutes",
      "16102,Cognac,2,3,90",
      "16015,Angoulême,1,8,120",
    ]);
    const flows = lines((await run(["stats", "--territory", "charente-cli", "--by", "orientation", "--format", "csv"])).stdout);
    expect(flows[0]).toBe("lieu_depart,lieu_depart_id,lieu_oriente,lieu_oriente_id,accompagnements,personnes");
    expect(flows.slice(1).map((l) => l.split(",").filter((_, i) => i !== 1 && i !== 3))).toEqual([
      ["Espace numérique d'Angoulême", "Médiathèque de Cognac", "1", "1"],
      ["Médiathèque de Cognac", "Espace numérique d'Angoulême", "1", "1"],
      ["Médiathèque de Cognac", "France services de Cognac", "1", "2"],
    ]);
  });

  it("stats as XLSX: one sheet per dimension, numbers stay numbers", async () => {
    const { code, stdout } = await run(["stats", "--territory", "charente-cli", "--format", "xlsx"]);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(stdout as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Thème", "Mois", "Lieu", "Commune", "Structure", "Tranche d'âge", "Statut", "Type d'accompagnement", "Où", "Autonomie atteinte", "Orientations"]);
    const place = book.getWorksheet("Lieu");
    expect(place?.getRow(2).values).toEqual([undefined, fixture.p1.id, "Espace numérique d'Angoulême", 3, 10, 210]);
  });

  it("bad input: data never on standard output, a French message and exit code 2", async () => {
    for (const args of [
      ["stats", "--territory", "charente-cli", "--by", "couleur"],
      ["stats", "--territory", "inconnu", "--by", "theme"],
      ["export", "--territory", "charente-cli", "--format", "pdf"],
      ["export", "--territory", "charente-cli", "--from", "2026-13"],
      ["export"],
    ]) {
      const { code, stdout, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stdout.length).toBe(0);
      expect(stderr.length).toBeGreaterThan(0);
    }
    expect((await run(["stats", "--territory", "charente-cli", "--by", "couleur"])).stderr).toContain("Regroupement inconnu : « couleur »");
  });
});

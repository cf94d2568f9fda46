import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { seedPlanFixture } from "@/testing/plan-fixture";
import { loadPlanDocument, planSheets } from "@/modules/plan/document";
import { planCommand } from "./plan";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedPlanFixture(database.db, "cognac-cli");
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
  const code = await planCommand(database.db, args);
  return { code, stdout: Buffer.concat(chunks), stderr };
}

describe("npx maillage plan export", () => {
  it("JSON of version 1 on standard output, data only (it parses whole), the message on standard error", async () => {
    const { code, stdout, stderr } = await run(["export", "--territory", "cognac-cli", "--format", "json", "--version", "1"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout.toString("utf8")) as { format: string; version: { number: number }; actions: { title: string }[]; synthesis: { totals: { planned: number } } };
    expect(json.format).toBe("maillage-plan");
    expect(json.version.number).toBe(1);
    expect(json.actions.map((a) => a.title)).toEqual(["Permanences numériques en mairie", "Ateliers parents et écrans", "Bus numérique"]);
    expect(json.synthesis.totals.planned).toBe(77000.5);
    expect(stderr).toContain("version 1");
  });

  it("without --version: the working version (2)", async () => {
    const { stdout } = await run(["export", "--territory", "cognac-cli", "--format", "json"]);
    expect((JSON.parse(stdout.toString("utf8")) as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual(["Version de travail"]);
  });

  it("XLSX on standard output has the web export's sheets and cells", async () => {
    const { code, stdout } = await run(["export", "--territory", "cognac-cli", "--format", "xlsx", "--version", "1"]);
    expect(code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(stdout as unknown as ExcelJS.Buffer);
    const territory = (await import("@/modules/territories/queries")).findTerritoryBySlug;
    const t = await territory(database.db, "cognac-cli");
    const doc = t ? await loadPlanDocument(database.db, t, { number: 1 }) : undefined;
    const sheets = doc ? planSheets(doc) : [];
    expect(book.worksheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    const actual = book.getWorksheet("Synthèse par axe")?.getRow(5).values;
    expect(actual).toEqual([undefined, "Total du plan", 3, 77000.5, 29500, 19500, 5000, 10000, 53000.5, 5000]);
  });

  it("mistakes: French message on standard error, exit code 2, nothing on standard output", async () => {
    for (const [args, message] of [
      [["export", "--territory", "nulle-part", "--format", "json"], "Territoire inconnu"],
      [["export", "--territory", "cognac-cli", "--format", "pdf"], "Format inconnu"],
      [["export", "--territory", "cognac-cli", "--format", "json", "--version", "9"], "n'a pas de version 9"],
      [["export", "--territory", "cognac-cli", "--format", "json", "--version", "deux"], "Numéro de version invalide"],
      [["export"], "Utilisation"],
    ] as const) {
      const { code, stdout, stderr } = await run([...args]);
      expect(code).toBe(2);
      expect(stdout.length).toBe(0);
      expect(stderr).toContain(message);
    }
  });
});

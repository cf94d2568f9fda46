import fs from "node:fs";
import ExcelJS from "exceljs";
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { readZipWithLimits } from "@/platform/files/zip";
import { openTestDatabase } from "@/testing/db";
import { seedPlanFixture } from "@/testing/plan-fixture";
import { loadPlanDocument, planJson, writePlanExport, type PlanDocument } from "./document";

let database: Database;
let fixture: Awaited<ReturnType<typeof seedPlanFixture>>;
let doc: PlanDocument;
beforeAll(async () => {
  database = await openTestDatabase();
  fixture = await seedPlanFixture(database.db, "cognac-exports");
  const loaded = await loadPlanDocument(database.db, fixture.territory, { number: 1 });
  if (!loaded) throw new Error("no plan");
  doc = loaded;
});
afterAll(async () => {
  await database?.close();
});

async function unzip(bytes: Uint8Array | string): Promise<Map<string, Buffer>> {
  if (typeof bytes === "string") throw new Error("expected bytes");
  const read = await readZipWithLimits(bytes);
  if (!read.ok) throw new Error(read.error);
  return read.entries;
}

/** The rows of a table of an ODF content.xml, each cell as [value type, value or text]. */
function odfTable(xml: string, name: string): (string | number | null)[][] {
  const table = new RegExp(`<table:table table:name="${name}"[^>]*>(.*?)</table:table>`).exec(xml)?.[1] ?? "";
  return [...table.matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/g)].map((cell) => {
      const attrs = cell[1] ?? "";
      const value = /office:value="([^"]*)"/.exec(attrs)?.[1];
      if (/value-type="float"/.test(attrs) && value !== undefined) return Number(value);
      const text = [...(cell[2] ?? "").matchAll(/<text:p[^>]*>(.*?)<\/text:p>/g)].map((p) => p[1]).join("\n");
      return text === "" ? null : text.replace(/&amp;/g, "&");
    }),
  );
}

describe("plan exports, opened again", () => {
  it("JSON follows docs/plan.schema.json and carries the hand-computed totals", () => {
    const schema = JSON.parse(fs.readFileSync("docs/plan.schema.json", "utf8")) as object;
    const ajv = new Ajv2020({ allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const json = planJson(doc);
    expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true);
    expect(json.version).toMatchObject({ number: 1, kind: "pluriannuel", startYear: 2026, endYear: 2027, publishedAt: "2026-01-11T10:00:00.000Z" });
    expect(json.synthesis.totals).toEqual({ planned: 77000.5, actual: 29500, secured: 19500, requested: 5000, envisaged: 10000, refused: 0, missing: 53000.5, inKindEuros: 5000, inKindDays: 20 });
    expect(json.actions[0]).toMatchObject({ title: "Permanences numériques en mairie", startMonth: "2026-01", endMonth: "2027-12" });
    // A schema that accepts anything would prove nothing: a wrong status is refused.
    const broken = JSON.parse(JSON.stringify(json)) as { actions: { status: string }[] };
    if (broken.actions[0]) broken.actions[0].status = "peut-être";
    expect(validate(broken)).toBe(false);
  });

  it("XLSX: one sheet per view, numbers as numbers, cell by cell", async () => {
    const bytes = await writePlanExport(doc, "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Actions", "Calendrier", "Budget", "Cofinancements", "En nature", "Synthèse par axe", "Par financeur", "Par année", "Communes"]);
    const budget = book.getWorksheet("Budget");
    expect(budget?.getRow(1).values).toEqual([undefined, "Axe", "Action", "Année", "Poste", "Prévu (€)", "Réalisé (€)"]);
    expect(budget?.getRow(2).values).toEqual([undefined, "Proximité", "Permanences numériques en mairie", 2026, "Poste de conseiller", 30000, 29500]);
    expect(budget?.getRow(5).values).toEqual([undefined, "", "Bus numérique", 2027, "Location", 12000.5]);
    const axes = book.getWorksheet("Synthèse par axe");
    // Axe, Actions, Prévu, Réalisé, Acquis, Demandé, Envisagé, Reste à trouver, En nature (€).
    expect(axes?.getRow(2).values).toEqual([undefined, "Proximité", 1, 61000, 29500, 15000, 5000, 10000, 41000, 5000]);
    expect(axes?.getRow(3).values).toEqual([undefined, "Compétences", 1, 4000, 0, 4500, 0, 0, 0, 0]);
    expect(axes?.getRow(4).values).toEqual([undefined, "Actions sans axe", 1, 12000.5, 0, 0, 0, 0, 12000.5, 0]);
    expect(axes?.getRow(5).values).toEqual([undefined, "Total du plan", 3, 77000.5, 29500, 19500, 5000, 10000, 53000.5, 5000]);
    const funders = book.getWorksheet("Par financeur");
    expect(funders?.getRow(2).values).toEqual([undefined, "Conseil départemental", 15000, 0, 0, 0, 1]);
    expect(funders?.getRow(3).values).toEqual([undefined, "CAF de la Charente", 4500, 5000, 0, 0, 2]);
    const communes = book.getWorksheet("Communes");
    expect(communes?.getRow(2).getCell(1).value).toBe("16102");
    expect(communes?.getRow(2).getCell(6).value).toBe(1);
  });

  it("ODS: the same sheets, numbers as float cells", async () => {
    const entries = await unzip(await writePlanExport(doc, "ods"));
    expect(entries.get("mimetype")?.toString()).toBe("application/vnd.oasis.opendocument.spreadsheet");
    const xml = entries.get("content.xml")?.toString("utf8") ?? "";
    expect([...xml.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Actions", "Calendrier", "Budget", "Cofinancements", "En nature", "Synthèse par axe", "Par financeur", "Par année", "Communes"]);
    const years = odfTable(xml, "Par année");
    expect(years[0]).toEqual(["Année", "Prévu (€)", "Réalisé (€)", "Acquis (€)", "Demandé (€)", "Envisagé (€)", "Reste à trouver (€)", "En nature (€)"]);
    // 2026: 30,000 + 4,000 planned; 15,000 + 4,500 secured; missing 30,000 − 15,000 − 5,000 = 10,000 (the workshops are covered).
    expect(years[1]).toEqual([2026, 34000, 29500, 19500, 5000, 0, 10000, 5000]);
    expect(years[2]).toEqual([2027, 43000.5, 0, 0, 0, 10000, 43000.5, 0]);
    const funding = odfTable(xml, "Cofinancements");
    expect(funding[1]).toEqual(["Proximité", "Permanences numériques en mairie", "Conseil départemental", 2026, "Accordé", 15000]);
  });

  it("ODT: French, a table of contents linking to the headings, French typography, numbers kept as values", async () => {
    const entries = await unzip(await writePlanExport(doc, "odt"));
    expect(entries.get("mimetype")?.toString()).toBe("application/vnd.oasis.opendocument.text");
    expect(entries.get("styles.xml")?.toString("utf8")).toContain('fo:language="fr" fo:country="FR"');
    const xml = entries.get("content.xml")?.toString("utf8") ?? "";
    expect(xml).toContain('<text:table-of-content text:name="Table des matières"');
    const toc = [...xml.matchAll(/<text:p text:style-name="Contents_20_1"><text:a xlink:type="simple" xlink:href="#(titre-\d+)">([^<]+)<\/text:a>/g)].map((m) => [m[1], m[2]]);
    expect(toc.map((t) => t[1])).toEqual(["Le plan en bref", "Actions", "Calendrier", "Budget", "Cofinancements", "En nature", "Synthèse par axe", "Par financeur", "Par année", "Communes"]);
    for (const [anchor] of toc) expect(xml).toContain(`<text:bookmark text:name="${anchor}"/>`);
    // « Acquis : … » with a non-breaking space before the colon; 77 000,5 with a narrow non-breaking space.
    expect(xml).toContain("Acquis\u00a0: cofinancements accordés ou versés.");
    expect(xml).toContain('office:value-type="float" office:value="77000.5"><text:p text:style-name="Number">77\u202f000,5</text:p>');
  });
});

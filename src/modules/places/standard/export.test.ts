import fs from "node:fs";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { exportCsv, exportJson } from "./export";
import { validateFile, type ValidationReport } from "./normalize";
import type { NormalizedPlace } from "./schema";
import { schemaErrors, schemaFields } from "./schema-json.testing";

const dir = "../shared/data/standard-mediation-numerique";
function rowsOf(csv: string): Record<string, string>[] {
  return parseCsv(csv, { columns: true }) as Record<string, string>[];
}

const places = (report: ValidationReport): NormalizedPlace[] => report.results.flatMap((r) => (r.record ? [r.record] : []));
const files = [
  ...fs.readdirSync(`${dir}/datasets`).map((f) => `datasets/${f}`),
  "exemple-valide.csv",
  ...["v0.1.0", "v0.1.1", "v1.0.0", "v1.0.1"].map((v) => `versions/${v}/exemple-valide.csv`),
];

describe("export round trip on every real file", () => {
  for (const file of files) {
    it(file, () => {
      const original = validateFile(fs.readFileSync(`${dir}/${file}`), file);
      const exported = places(original);
      expect(exported).toHaveLength(original.accepted + original.warned);
      const csv = exportCsv(exported);

      // Column order of the standard, and every row valid against schema.json itself.
      const [header] = parseCsv(csv, { to_line: 1 }) as string[][];
      expect(header).toEqual(schemaFields.map((f) => f.name));
      const rows = rowsOf(csv);
      expect(rows).toHaveLength(exported.length);
      for (const row of rows) expect(schemaErrors(row), row.id).toEqual([]);

      // Re-importing gives back the same places, none rejected, no error.
      for (const [bytes, name] of [[csv, "export.csv"], [exportJson(exported), "export.json"]] as const) {
        const again = validateFile(new TextEncoder().encode(bytes), name);
        expect(again.records).toBe(exported.length);
        expect(again.accepted + again.warned).toBe(exported.length);
        expect(again.issues.filter((i) => i.level === "error")).toEqual([]);
        expect(places(again)).toEqual(exported);
        // Warnings left only flag values the schema allows but that we doubt, kept on purpose: the placeholder
        // pivot (written back by the export), the Unix-epoch update date, hours outside the OSM syntax.
        for (const issue of again.issues) expect(["pivot", "date_maj", "horaires"]).toContain(issue.field);
        expect(again.issues.length).toBeLessThanOrEqual(original.issues.length);
      }
    });
  }
});

describe("CSV formula injection", () => {
  const base: NormalizedPlace = {
    id: "=HYPERLINK(\"http://x\")",
    nom: "@SUM(A1)",
    commune: "-Reims",
    code_postal: "51100",
    adresse: "+1 rue",
    date_maj: "2024-04-02",
    telephone: "+33180059880",
    latitude: -21.5,
    longitude: 165.4,
    typologie: ["=TYPE"],
    presentation_resume: `=${"x".repeat(279)}`,
  };

  it("prefixes free text starting with = + - @ with ', and leaves the phone and the latitude alone", () => {
    const [row] = rowsOf(exportCsv([base]));
    expect(row).toMatchObject({
      id: "'=HYPERLINK(\"http://x\")",
      nom: "'@SUM(A1)",
      commune: "'-Reims",
      adresse: "'+1 rue",
      typologie: "'=TYPE",
      telephone: "+33180059880",
      latitude: "-21.5",
      pivot: "00000000000000",
    });
    expect(schemaErrors(row ?? {})).toEqual([]);
  });

  it("keeps a neutralised résumé within its 280 characters", () => {
    const [row] = rowsOf(exportCsv([base]));
    expect(Array.from(row?.presentation_resume ?? "")).toHaveLength(280);
    expect(row?.presentation_resume?.startsWith("'=")).toBe(true);
  });

  it("re-imports the neutralised cells as they were before export (except the shortened résumé)", () => {
    const again = validateFile(new TextEncoder().encode(exportCsv([base])), "x.csv");
    const { presentation_resume: _resume, ...rest } = base;
    // « -Reims » is read as the commune it names (Reims, 51100): the import writes its official name.
    expect(again.results[0]?.record).toMatchObject({ ...rest, commune: "Reims" });
  });

  it("leaves JSON alone: no spreadsheet evaluates it", () => {
    const [object] = JSON.parse(exportJson([base])) as Record<string, unknown>[];
    expect(object).toMatchObject({ nom: "@SUM(A1)", latitude: -21.5, typologie: "=TYPE", pivot: "00000000000000" });
  });

  it("doubles a leading apostrophe before a formula character, so that re-import is exact", () => {
    const place = { ...base, nom: "'=déjà neutralisé" };
    expect(rowsOf(exportCsv([place]))[0]?.nom).toBe("''=déjà neutralisé");
    expect(validateFile(new TextEncoder().encode(exportCsv([place])), "x.csv").results[0]?.record?.nom).toBe("'=déjà neutralisé");
  });

  it("never writes an invalid row, even for a place that did not come from the normalizer", () => {
    const invalid: { id: string; fields: string[] }[] = [];
    const onInvalid = (id: string, fields: string[]) => invalid.push({ id, fields });
    const places = [
      { ...base, id: "a", telephone: "0545", services: ["Inventé"] },
      { ...base, id: "b", code_postal: "ABC" },
    ] as NormalizedPlace[];
    const rows = rowsOf(exportCsv(places, { onInvalid }));
    expect(rows.map((r) => [r.id, r.telephone, r.services])).toEqual([["a", "", ""]]);
    for (const row of rows) expect(schemaErrors(row)).toEqual([]);
    expect(invalid).toEqual([
      { id: "a", fields: ["telephone", "services"] },
      { id: "b", fields: ["code_postal"] },
    ]);
  });

  it("writes a BOM on request, for old Excel versions", () => {
    expect(exportCsv([], { bom: true }).startsWith("\uFEFF\"id\",")).toBe(true);
  });
});

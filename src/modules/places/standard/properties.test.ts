/**
 * Property-based tests: whatever the bytes, validateFile answers with a coherent report instead of
 * throwing, and whatever it accepts exports to rows that pass schema.json's rules.
 */
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportCsv } from "./export";
import { validateFile, type ValidationReport } from "./normalize";
import { enumValues, fieldNames, legacyFields, type EnumFieldName } from "./schema";
import { schemaErrors } from "./schema-json.testing";

function expectCoherent(report: ValidationReport) {
  expect(report.accepted + report.warned + report.rejected).toBe(report.records);
  expect(report.results).toHaveLength(report.records);
  for (const issue of report.issues) {
    expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
    expect(["warning", "error"]).toContain(issue.level);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message).not.toContain("Erreur interne");
  }
  for (const r of report.results) expect(r.record !== undefined).toBe(r.status !== "rejected");
  // Unreadable files: exactly one file-level error and no record.
  const fileErrors = report.issues.filter((i) => i.line === 0 && i.level === "error");
  if (fileErrors.length > 0) expect([fileErrors.length, report.records]).toEqual([1, 0]);
}

function expectExportValid(report: ValidationReport) {
  const places = report.results.flatMap((r) => (r.record ? [r.record] : []));
  const rows = parseCsv(exportCsv(places), { columns: true }) as Record<string, string>[];
  for (const row of rows) expect(schemaErrors(row)).toEqual([]);
}

const enumFields = ["services", "frais_a_charge", "itinerance", "formations_labels", "modalites_accompagnement"] as const satisfies EnumFieldName[];
const legacyWords = legacyFields.flatMap((f) => f.values ?? []);
/** Cell text that looks like real data often enough to reach every branch of the normalizer. */
const cell = fc.oneof(
  fc.string(),
  fc.constantFrom("", "00000000000000", "43493312300029", "51100", "2024-04-02", "1970-01-01", "+33180059880", "05 45 12 34 56", "a@b.fr", "https://x.fr", "=1+1", "'=A1", "45,6", "-0.33", "Mo-Fr 09:00-12:00", "Lundi 9h"),
  fc.constantFrom(...enumFields.flatMap((f) => enumValues(f)), ...legacyWords),
  fc
    .tuple(fc.array(fc.constantFrom(...enumValues("services"), ...legacyWords, "XYZ"), { maxLength: 4 }), fc.constantFrom("|", ";"))
    .map(([values, separator]) => values.join(separator)),
  fc.string({ unit: fc.constantFrom("a", "é", ";", ",", '"', "\n", "|", " ", "=", "\u00a0") }),
);
const columnName = fc.oneof(fc.constantFrom(...fieldNames, ...legacyFields.map((f) => f.name)), fc.string({ maxLength: 8 }));

describe("validateFile never throws and always reports coherently", () => {
  it("on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom("", "f.csv", "f.json"), (bytes, name) => {
        expectCoherent(validateFile(bytes, name));
      }),
      { numRuns: 300 },
    );
  });

  it("on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectCoherent(validateFile(new TextEncoder().encode(JSON.stringify(value)), "f.json"));
      }),
      { numRuns: 300 },
    );
  });

  it("on CSV-ish text with real and made-up columns, either delimiter; accepted places export valid rows", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(columnName, { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 6 }),
        fc.constantFrom(",", ";"),
        (columns, rows, delimiter) => {
          const quoteCell = (c: string) => `"${c.replace(/"/g, '""')}"`;
          const text = [columns, ...rows].map((r) => r.map(quoteCell).join(delimiter)).join("\n");
          const report = validateFile(new TextEncoder().encode(text), "f.csv");
          expectCoherent(report);
          expectExportValid(report);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on records with every standard field: whatever is accepted passes schema.json once exported", () => {
    // Mostly valid required fields, so that many records get through and the export check means something.
    const mostly = (...valid: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 5 }, { arbitrary: cell, weight: 1 });
    const text = fc.oneof({ arbitrary: fc.string({ minLength: 1 }), weight: 5 }, { arbitrary: cell, weight: 1 });
    const required = {
      id: fc.string({ minLength: 1 }),
      pivot: mostly("00000000000000", "43493312300029", "W123456789", "434 933 123 00029"),
      nom: text,
      commune: text,
      code_postal: mostly("51100", "1000", "98800"),
      adresse: text,
      date_maj: mostly("2024-04-02", "02/04/2024", "2023-02-22T10:00:00Z"),
    };
    const others = Object.fromEntries(fieldNames.filter((n) => !(n in required)).map((n) => [n, fc.option(cell, { nil: undefined })]));
    const legacy = Object.fromEntries(legacyFields.map((f) => [f.name, fc.option(cell, { nil: undefined })]));
    const throughput = { records: 0, kept: 0 };
    const record = fc.record({ ...legacy, ...others, ...required }, { requiredKeys: Object.keys(required) as (keyof typeof required)[] });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), (records) => {
        const report = validateFile(new TextEncoder().encode(JSON.stringify(records)), "f.json");
        expectCoherent(report);
        expectExportValid(report);
        throughput.records += report.records;
        throughput.kept += report.accepted + report.warned;
      }),
      { numRuns: 300 },
    );
    expect(throughput.kept / throughput.records).toBeGreaterThan(0.2);
  });
});

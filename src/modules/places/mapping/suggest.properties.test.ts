/**
 * Property-based tests of the suggestions: whatever the table, every suggestion names one of its
 * columns, a column serves one field (except the postcode and commune read inside a full address),
 * an enumerated field is suggested only with values that fit its vocabulary, and the same table gives
 * the same suggestions. And a data·inclusion-looking file is either converted or left alone, never a crash.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDataInclusion } from "../data-inclusion/import";
import { enumValues, isEnumField, legacyFields, type FieldName } from "../standard/schema";
import { vocabularyFit } from "./fit";
import type { ProducerTable } from "./read";
import { suggestMapping } from "./suggest";

const words = [...enumValues("services"), ...enumValues("frais_a_charge"), ...legacyFields.flatMap((f) => f.values ?? [])];
const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", "Oui", "Non", "16000", "05 45 12 34 56", "06 12 34 56 78", "a@b.fr", "https://x.fr", "abracodabra.fr", "45.65", "-0.33", "Mo-Fr 09:00-12:00", "9h-12h", "2024-04-02", "07/12/2021", "43493312300029", "MED-1"),
  fc.constantFrom(...words),
);
const header = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom("Nom", "CP", "Ville", "Tél", "Mobile", "Mail", "Site", "lat", "lon", "Services", "Accompagnement", "Itinérant", "horaires_lundi", "result_label", "result_type", "id", "Frais", "Publics"),
);

const table = fc
  .uniqueArray(header, { minLength: 1, maxLength: 8 })
  .chain((columns) =>
    fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { minLength: 1, maxLength: 25 }).map(
      (rows): ProducerTable => ({
        format: "csv",
        columns,
        rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ""]))),
        lines: rows.map((_, i) => i + 2),
        skipped: 0,
      }),
    ),
  );

describe("suggestions, whatever the table", () => {
  it("name existing columns, once each, enumerated fields only with fitting values, deterministically", () => {
    fc.assert(
      fc.property(table, (t) => {
        const s = suggestMapping(t);
        expect(suggestMapping(t)).toEqual(s);
        const uses = new Map<string, FieldName[]>();
        for (const [field, suggestion] of Object.entries(s) as [FieldName, { column: string; reason: string; score: number }][]) {
          expect(t.columns).toContain(suggestion.column);
          expect(suggestion.reason.length).toBeGreaterThan(0);
          uses.set(suggestion.column, [...(uses.get(suggestion.column) ?? []), field]);
          if (isEnumField(field)) {
            const values = t.rows.map((r) => (r[suggestion.column] ?? "").trim()).filter(Boolean);
            const yesNo = field === "itinerance" && suggestion.reason.includes("oui/non");
            if (!yesNo) expect(vocabularyFit(field, values)).toBeGreaterThanOrEqual(0.3);
          }
        }
        for (const fields of uses.values()) {
          const others = fields.filter((f) => f !== "code_postal" && f !== "commune");
          expect(others.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("data·inclusion detection, whatever the JSON", () => {
  it("converts or leaves alone, never throws; a conversion keeps one record per structure", () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }));
    const structure = fc.record(
      { id: value, nom: value, source: value, siret: value, horaires_accueil: value, reseaux_porteurs: value, adresse: value, date_maj: value },
      { requiredKeys: ["nom", "horaires_accueil"] },
    );
    const file = fc.oneof(fc.array(structure, { maxLength: 5 }), fc.record({ structures: fc.array(structure, { maxLength: 5 }), services: fc.array(fc.record({ structure_id: value, thematiques: value, publics: value, frais: value }), { maxLength: 5 }) }));
    fc.assert(
      fc.property(file, (data) => {
        const converted = fromDataInclusion(new TextEncoder().encode(JSON.stringify(data)));
        if (!converted) return;
        const records = converted.records;
        const structures = Array.isArray(data) ? data : data.structures;
        expect(records).toHaveLength(structures.length);
      }),
      { numRuns: 300 },
    );
  });
});

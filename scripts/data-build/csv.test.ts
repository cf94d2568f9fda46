import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";

describe("data-build CSV reader", () => {
  it("reads one record per row, keyed by the header", () => {
    expect(parseCsv("code,name,total\n16015,Angoulême,5.1\n16023,Aunac-sur-Charente,\n")).toEqual([
      { code: "16015", name: "Angoulême", total: "5.1" },
      { code: "16023", name: "Aunac-sur-Charente", total: "" },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF, and skips blank lines", () => {
    expect(parseCsv('code,name\r\n13055,"Marseille, ""cité"""\r\n\r\n75056,"Paris\r\nville"\r\n')).toEqual([
      { code: "13055", name: 'Marseille, "cité"' },
      { code: "75056", name: "Paris\r\nville" },
    ]);
  });

  it("reads a last row without a final line break", () => {
    expect(parseCsv("code,total\n01001,4.2")).toEqual([{ code: "01001", total: "4.2" }]);
  });

  it("refuses a row with another number of fields than the header, naming the row", () => {
    expect(() => parseCsv("code,name,total\n16015,Angoulême,5.1\n16023,Aunac\n")).toThrow("CSV row 3: 2 fields, expected 3");
  });

  it("refuses an empty file", () => {
    expect(() => parseCsv("")).toThrow("empty CSV");
    expect(() => parseCsv("\n\n")).toThrow("empty CSV");
  });
});

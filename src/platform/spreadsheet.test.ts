import { describe, expect, it } from "vitest";
import { isSpreadsheetFormat, toCsv } from "./spreadsheet";

describe("spreadsheet formats", () => {
  it("accepts the three formats and nothing an object inherits", () => {
    for (const format of ["csv", "xlsx", "ods"]) expect(isSpreadsheetFormat(format)).toBe(true);
    for (const format of ["constructor", "toString", "__proto__", "hasOwnProperty", "pdf", ""]) expect(isSpreadsheetFormat(format)).toBe(false);
  });
});

describe("CSV", () => {
  it("quotes cells holding the delimiter, a quote or a line break, and neutralises formulas but not the header", () => {
    expect(toCsv(["=Nom", "N"], [["a;b", 3], ["=1+1", null], ['x"y', "l1\nl2"]], ";")).toBe(
      '\uFEFF=Nom;N\r\n"a;b";3\r\n\'=1+1;\r\n"x""y";"l1\nl2"\r\n',
    );
    expect(toCsv(["A"], [["a;b"], ["a,b"]])).toBe('\uFEFFA\r\na;b\r\n"a,b"\r\n');
  });
});

import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvRecords } from "./csv";
import { TABLE_LIMITS } from "./limits";

describe("the CSV reader of uploaded tables", () => {
  it("guesses the delimiter from the header line, outside quotes, ',' on a tie", () => {
    expect(detectDelimiter("nom;commune;adresse\na,b,c,d,e")).toBe(";");
    expect(detectDelimiter('"a;b;c",x,y\n')).toBe(",");
    expect(detectDelimiter("nom\tcommune\n")).toBe("\t");
    expect(detectDelimiter("nom\n")).toBe(",");
  });

  it("gives each record's cells as written and the line where it starts, across CRLF, blank lines and multi-line cells", () => {
    const read = readCsvRecords('nom;adresse\r\n\r\nA; 1 rue\r\n"B";"2 rue\r\nbât. C"\r\n;\r\nC;3 rue\r\n');
    expect(read).toEqual({
      ok: true,
      delimiter: ";",
      records: [
        { cells: ["nom", "adresse"], line: 1 },
        { cells: ["A", " 1 rue"], line: 3 },
        { cells: ["B", "2 rue\nbât. C"], line: 4 },
        { cells: ["C", "3 rue"], line: 7 },
      ],
    });
  });

  it("keeps rows shorter or longer than the header, and quotes inside a cell", () => {
    expect(readCsvRecords('a,b\n1\n2,3,4\n5 "pouces",6\n')).toEqual({
      ok: true,
      delimiter: ",",
      records: [
        { cells: ["a", "b"], line: 1 },
        { cells: ["1"], line: 2 },
        { cells: ["2", "3", "4"], line: 3 },
        { cells: ['5 "pouces"', "6"], line: 4 },
      ],
    });
  });

  it("refuses a quote never closed, in French", () => {
    const read = readCsvRecords('nom,commune\n"A,Angoulême\n');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/^Le fichier CSV est mal formé \(souvent un guillemet « " » non fermé\) : Quote Not Closed/);
  });

  it("refuses a record over 1,000,000 characters", () => {
    const read = readCsvRecords(`nom\n"${"x".repeat(1_000_001)}\n`);
    expect(read).toEqual({ ok: false, delimiter: ",", error: "Une ligne du fichier CSV dépasse 1\u202f000\u202f000 caractères (souvent un guillemet « \" » jamais fermé) : le fichier est refusé." });
  });

  it("stops reading one record past the most rows allowed", () => {
    const read = readCsvRecords(`n\n${"1\n".repeat(TABLE_LIMITS.rows + 10)}`);
    expect(read.ok && read.records.length).toBe(TABLE_LIMITS.rows + 2);
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { crc32, inflateRawSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { neutralizeCell as neutralize } from "@/platform/spreadsheet";
import { toCsv, toOds, toXlsx } from "./export";
import { ODS_MIMETYPE, odsContent } from "@/platform/ods";
import type { ExportedActor } from "./queries";

const actor = (over: Partial<ExportedActor>): ExportedActor => ({
  id: "00000000-0000-4000-8000-000000000001",
  name: "Fédération des centres sociaux",
  siret: "13002526500013",
  rna: null,
  legalType: "association",
  worlds: ["social", "numerique"],
  status: "engaged",
  communeCode: "16015",
  communeName: "Angoulême",
  publicEmail: "contact@exemple.fr",
  publicPhone: "05 45 00 00 00",
  website: "https://exemple.fr",
  description: "Ligne 1\nLigne 2 ; avec « guillemets » et \"doubles\"",
  served: ["Angoulême (16015)", "Cognac (16102)"],
  ...over,
});

const hostile = actor({ id: "00000000-0000-4000-8000-000000000002", name: '=HYPERLINK("http://pirate.example","clic")', description: "@SUM(A1)", publicPhone: "+33 5 45 00 00 00", website: "-1+1" });
const list = [actor({}), hostile];

/** An independent zip reader (central directory, CRC checked): what any office suite does first. */
function readZip(bytes: Uint8Array) {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries: { name: string; method: number; offset: number; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    const localStart = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const raw = buf.subarray(localStart, localStart + size);
    const data = method === 0 ? raw : inflateRawSync(raw);
    expect(crc32(data), `CRC de ${name}`).toBe(crc);
    entries.push({ name, method, offset, data });
    p += 46 + nameLength + extra;
  }
  return entries;
}

describe("neutralising formulas", () => {
  it("prefixes cells starting with = + - @ (or a tab) and nothing else", () => {
    for (const cell of ["=1+1", "+33 5", "-2", "@A1", "\t=1"]) expect(neutralize(cell)).toBe(`'${cell}`);
    for (const cell of ["Fédération", "1=1", "", "'=déjà"]) expect(neutralize(cell)).toBe(cell);
  });
});

describe("CSV export", () => {
  it("is UTF-8 with a BOM, separated by ';', quoted where needed, formulas neutralised", () => {
    const csv = toCsv(list);
    expect(csv.startsWith("\uFEFFNom;SIRET;RNA;Forme juridique;Mondes;Statut;Commune;")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toContain("Fédération des centres sociaux;13002526500013;;Association;Social, Numérique;Engagé;Angoulême;16015;");
    expect(lines[1]).toContain('"Ligne 1\nLigne 2 ; avec « guillemets » et ""doubles"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://pirate.example"",""clic"")"`);
    expect(csv).toContain(";'+33 5 45 00 00 00;'-1+1;'@SUM(A1)");
    expect(csv).not.toMatch(/;=|;\+|;-|;@/);
  });
});

describe("XLSX export", () => {
  it("reads back with exceljs: one sheet, text cells, formulas neutralised", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await toXlsx(list)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Acteurs");
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getCell("A1").value).toBe("Nom");
    expect(sheet?.getCell("B2").value).toBe("13002526500013");
    expect(sheet?.getCell("A3").value).toBe(`'=HYPERLINK("http://pirate.example","clic")`);
    expect(sheet?.getCell("A3").formula).toBeUndefined();
    expect(sheet?.getCell("K3").value).toBe("'+33 5 45 00 00 00");
  });
});

describe("ODS export (written without LibreOffice)", () => {
  const bytes = toOds(list);

  it("is a zip whose first entry is the stored mimetype, readable by a plain zip reader", () => {
    expect(Buffer.from(bytes.subarray(30, 38)).toString()).toBe("mimetype");
    expect(Buffer.from(bytes.subarray(38, 38 + ODS_MIMETYPE.length)).toString()).toBe(ODS_MIMETYPE);
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(["mimetype", "META-INF/manifest.xml", "content.xml"]);
    expect(entries[0]).toMatchObject({ method: 0, offset: 0 });
    expect(entries[2]?.method).toBe(8);
    expect(entries.find((e) => e.name === "META-INF/manifest.xml")?.data.toString()).toContain('manifest:full-path="content.xml"');
  });

  it("holds one table of string cells in content.xml, escaped and neutralised", () => {
    const content = readZip(bytes).find((e) => e.name === "content.xml")?.data.toString("utf8") ?? "";
    expect(content).toContain('<table:table table:name="Acteurs">');
    expect(content.match(/<table:table-row>/g)).toHaveLength(3);
    expect(content).toContain('<table:table-cell office:value-type="string"><text:p>Fédération des centres sociaux</text:p></table:table-cell>');
    expect(content).toContain("<text:p>Ligne 1</text:p><text:p>Ligne 2 ; avec « guillemets » et &quot;doubles&quot;</text:p>");
    expect(content).toContain("<text:p>'=HYPERLINK(&quot;http://pirate.example&quot;,&quot;clic&quot;)</text:p>");
    expect(content).toContain("<text:p>'@SUM(A1)</text:p>");
    expect(content).not.toMatch(/<text:p>[=+\-@]/);
  });

  it("keeps spaces and drops characters XML cannot carry", () => {
    const content = odsContent("Feuille <1>", [["a  b", " x", "bip\u0007"]]);
    expect(content).toContain('table:name="Feuille &lt;1&gt;"');
    expect(content).toContain('<text:p>a <text:s text:c="1"/>b</text:p><');
    expect(content).toContain("<text:p><text:s/>x</text:p>");
    expect(content).toContain("<text:p>bip</text:p>");
  });

  it.skipIf(!fs.existsSync("/usr/bin/unzip"))("passes the system unzip's integrity test", () => {
    const file = path.join(os.tmpdir(), `acteurs-${process.pid}.ods`);
    fs.writeFileSync(file, bytes);
    try {
      expect(execFileSync("/usr/bin/unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

describe("every cell of the three formats", () => {
  // Written by hand from the two actors above: the same table whichever format is asked for.
  const header = ["Nom", "SIRET", "RNA", "Forme juridique", "Mondes", "Statut", "Commune", "Code INSEE", "Communes desservies", "Courriel", "Téléphone", "Site internet", "Présentation"];
  const first = [
    "Fédération des centres sociaux",
    "13002526500013",
    "",
    "Association",
    "Social, Numérique",
    "Engagé",
    "Angoulême",
    "16015",
    "Angoulême (16015), Cognac (16102)",
    "contact@exemple.fr",
    "05 45 00 00 00",
    "https://exemple.fr",
    'Ligne 1\nLigne 2 ; avec « guillemets » et "doubles"',
  ];
  const second = [
    `'=HYPERLINK("http://pirate.example","clic")`,
    "13002526500013",
    "",
    "Association",
    "Social, Numérique",
    "Engagé",
    "Angoulême",
    "16015",
    "Angoulême (16015), Cognac (16102)",
    "contact@exemple.fr",
    "'+33 5 45 00 00 00",
    "'-1+1",
    "'@SUM(A1)",
  ];

  it("CSV", () => {
    const csv = toCsv(list);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parseCsv(csv.slice(1), { delimiter: ";", record_delimiter: "\r\n" })).toEqual([header, first, second]);
  });

  it("XLSX, with its column widths, a bold frozen header and text cells only", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await toXlsx(list)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Acteurs"]);
    const sheet = workbook.getWorksheet("Acteurs");
    if (!sheet) throw new Error("no sheet");
    const cells = [1, 2, 3].map((r) => header.map((_, c) => sheet.getRow(r).getCell(c + 1).value ?? ""));
    expect(cells).toEqual([header, first, second]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.columns.map((c) => c.width)).toEqual([40, 16, 12, 24, 30, 12, 24, 10, 40, 30, 16, 30, 60]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(workbook.creator).toBe("Maillage");
  });

  it("ODS", () => {
    const content = readZip(toOds(list)).find((e) => e.name === "content.xml")?.data.toString("utf8") ?? "";
    const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const rows = [...content.matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map(([, row]) =>
      [...(row ?? "").matchAll(/<table:table-cell\/>|<table:table-cell office:value-type="string">(.*?)<\/table:table-cell>/g)].map(([, cell]) =>
        cell === undefined ? "" : [...cell.matchAll(/<text:p>(.*?)<\/text:p>/g)].map(([, p]) => unescape(p ?? "")).join("\n"),
      ),
    );
    expect(rows).toEqual([header, first, second]);
  });
});

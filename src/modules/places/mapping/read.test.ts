import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { craftXlsx, repeat, sheetOf, SHEET_END, SHEET_START } from "@/testing/crafted-zip";
import { cellText, readProducerFile, type ProducerTable, type ReadResult } from "./read";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";
const raw = (name: string) => new Uint8Array(fs.readFileSync(`${RAW}/${name}`));
const text = (s: string) => new TextEncoder().encode(s);

function table(result: ReadResult): ProducerTable {
  if (!result.ok) throw new Error(`lecture refusée : ${result.error}`);
  return result.table;
}
function error(result: ReadResult): string {
  if (result.ok) throw new Error("lecture acceptée alors qu'elle devait échouer");
  return result.error;
}

describe("the three raw exports of mednum-cli, in their producers' own JSON", () => {
  // Counts and names as a reviewer sees them by opening the files (SOURCES.md gives the same row counts).
  it("Angers: 63 places, 33 columns in the file's order", async () => {
    const t = table(await readProducerFile(raw("angers.json"), "angers.json"));
    expect(t.format).toBe("json");
    expect(t.rows).toHaveLength(63);
    expect(t.columns).toHaveLength(33);
    expect(t.columns.slice(0, 7)).toEqual(["TYPO_UID", "USER_NOM", "USER_TYPE", "USER_ADRES", "USER_QUART", "LAT", "LNG"]);
    expect(t.columns.slice(-5)).toEqual(["MAIL", "SITE_INTER", "LIEN", "code_postal", "commune"]);
    // Second object of the array: numbers become text, the position is its line.
    expect(t.rows[1]).toMatchObject({ TYPO_UID: "1", USER_NOM: "Aide Accueil", LAT: "47.47312842", LNG: "-0.55415912", DATE_MAJ: "2022-09-26 16:54:46" });
    expect(t.lines.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it("Gironde: 347 places, 19 columns with accents, spaces and dots kept", async () => {
    const t = table(await readProducerFile(raw("gironde.json"), "gironde.json"));
    expect(t.rows).toHaveLength(347);
    expect(t.columns).toEqual([
      "Dernière MAJ", "Lieu", "Type Structure", "Commune", "Adresse postale", "Email", "Description", "Libellé 1", "Libellé 2",
      "Proposition de permanence", "Présence d'un médiateur", "Site internet", "Téléphone", "Coord. X", "Coord. Y",
      "Pôle territorial", "Intercommunalité", "services", "equipements",
    ]);
    expect(t.rows[0]?.["Adresse postale"]).toBe("8 rue de la Boétie - 33000 Bordeaux");
  });

  it("La Creuse: 91 places, 12 columns; a JSON null is an empty cell", async () => {
    const t = table(await readProducerFile(raw("la-creuse.json"), "la-creuse.json"));
    expect(t.rows).toHaveLength(91);
    expect(t.columns).toEqual(["id", "nom", "description", "latitude", "longitude", "téléphone", "adresse", "code_postal", "commune", "horaires", "services", "modalites_accompagnement"]);
    expect(t.rows[0]?.horaires).toBe("");
    expect(t.rows[1]?.horaires).toBe("Mercredi de 14h à 15H30");
    expect(t.lines.at(-1)).toBe(91);
  });
});

describe("CSV", () => {
  it("detects « ; », reads Windows-1252 and keeps the producer's line numbers", async () => {
    // "Médiathèque" in Windows-1252 (è = 0xE8), an apostrophe ’ (0x92), a quoted cell on two lines, a blank line.
    const body = 'Nom;Ville;CP\r\n"M\xe9diath\xe8que";Angoul\xeame;16000\r\n"Centre\r\nsocial";Cognac;16100\r\n\r\nL\x92Atelier;Ruelle;16600\r\n';
    const bytes = Uint8Array.from(body, (c) => c.charCodeAt(0));
    const t = table(await readProducerFile(bytes, "lieux.csv"));
    expect(t.format).toBe("csv");
    expect(t.columns).toEqual(["Nom", "Ville", "CP"]);
    expect(t.rows.map((r) => r.Nom)).toEqual(["Médiathèque", "Centre\nsocial", "L’Atelier"]);
    expect(t.rows[0]?.Ville).toBe("Angoulême");
    // Header on line 1; the two-line cell starts on line 3; the blank line 5 is skipped, the next row is line 6.
    expect(t.lines).toEqual([2, 3, 6]);
  });

  it("reads a UTF-8 BOM, commas and tabs; names blank and repeated headers", async () => {
    const comma = table(await readProducerFile(text('\uFEFFnom,,nom,adresse\nA,x,B,1 rue\n'), "a.csv"));
    expect(comma.columns).toEqual(["nom", "Colonne 2", "nom (2)", "adresse"]);
    expect(comma.rows[0]).toEqual({ nom: "A", "Colonne 2": "x", "nom (2)": "B", adresse: "1 rue" });
    const tab = table(await readProducerFile(text("nom\tcommune\nA\tB\n"), "a.tsv"));
    expect(tab.rows).toEqual([{ nom: "A", commune: "B" }]);
  });

  it("a row of empty cells is left out without shifting the others; a short row gets empty cells", async () => {
    const t = table(await readProducerFile(text("nom;commune\n;\nA\n"), "a.csv"));
    expect(t.rows).toEqual([{ nom: "A", commune: "" }]);
    expect(t.lines).toEqual([3]);
  });

  it("a column called __proto__ is an ordinary column", async () => {
    const t = table(await readProducerFile(text("__proto__;nom\nx;A\n"), "a.csv"));
    expect(Object.getPrototypeOf(t.rows[0])).toBe(Object.prototype);
    expect(Object.hasOwn(t.rows[0] ?? {}, "__proto__")).toBe(true);
  });
});

describe("XLSX", () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("first filled sheet, header on its first filled row, every kind of cell as text", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Vide");
      const ws = wb.addWorksheet("Lieux");
      ws.getCell("A2").value = "Lieu";
      ws.getCell("B2").value = "CP";
      ws.getCell("C2").value = "Mise à jour";
      ws.getCell("D2").value = "Site";
      ws.getCell("E2").value = "Total";
      ws.getCell("G2").value = "Notes";
      ws.getCell("A3").value = { richText: [{ text: "Média" }, { text: "thèque", font: { bold: true } }] };
      ws.getCell("B3").value = 16000;
      ws.getCell("C3").value = new Date(Date.UTC(2024, 2, 31));
      ws.getCell("D3").value = { text: "Notre site", hyperlink: "https://exemple.fr" };
      ws.getCell("E3").value = { formula: "1+1", result: 2 };
      ws.getCell("F3").value = "sans en-tête";
      ws.getCell("A5").value = "Centre social";
      ws.getCell("B5").value = "16100";
      ws.getCell("C5").value = new Date(Date.UTC(2024, 0, 5, 14, 30));
      ws.getCell("D5").value = { text: "contact@exemple.fr", hyperlink: "mailto:contact@exemple.fr" };
      ws.getCell("E5").value = true;
    });
    const t = table(await readProducerFile(bytes, "lieux.xlsx"));
    expect(t.format).toBe("xlsx");
    expect(t.sheet).toBe("Lieux");
    // Column F has data but no name: named after its letter; G has a name but no data: kept.
    expect(t.columns).toEqual(["Lieu", "CP", "Mise à jour", "Site", "Total", "Colonne F", "Notes"]);
    expect(t.rows).toEqual([
      { Lieu: "Médiathèque", CP: "16000", "Mise à jour": "2024-03-31", Site: "Notre site", Total: "2", "Colonne F": "sans en-tête", Notes: "" },
      { Lieu: "Centre social", CP: "16100", "Mise à jour": "2024-01-05 14:30", Site: "contact@exemple.fr", Total: "oui", "Colonne F": "", Notes: "" },
    ]);
    // Sheet rows: the header is row 2, row 4 is empty.
    expect(t.lines).toEqual([3, 5]);
  });

  it("a link that shows nothing gives its address; a formula in error gives nothing", () => {
    expect(cellText({ text: "", hyperlink: "mailto:contact@exemple.fr" })).toBe("contact@exemple.fr");
    expect(cellText({ text: { richText: [{ text: "Site " }, { text: "web" }] } as unknown as string, hyperlink: "https://x.fr" })).toBe("Site web");
    expect(cellText({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("");
    expect(cellText({ error: "#N/A" })).toBe("");
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 9, 15)))).toBe("09:15");
  });

  it("a zip that is not a workbook, an old .xls and an .ods are refused in French", async () => {
    const zipNotXlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(error(await readProducerFile(zipNotXlsx, "lieux.xlsx"))).toMatch(/classeur n'a pas pu être ouvert/);
    expect(error(await readProducerFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "lieux.xls"))).toMatch(/ancien format Excel/);
    expect(error(await readProducerFile(zipNotXlsx, "lieux.ods"))).toMatch(/OpenDocument/);
  });
});

describe("JSON", () => {
  it("flattens nested objects with dotted names and joins arrays with « ; »", async () => {
    const data = [
      { nom: "A", adresse: { voie: "1 rue X", cp: 16000, commune: { nom: "Angoulême" } }, services: ["Aide", "Ateliers"], ouvert: true, vide: null },
      { nom: "B", adresse: { voie: "2 rue Y" }, services: [] },
    ];
    const t = table(await readProducerFile(text(JSON.stringify(data)), "lieux.json"));
    expect(t.columns).toEqual(["nom", "adresse.voie", "adresse.cp", "adresse.commune.nom", "services", "ouvert", "vide"]);
    expect(t.rows[0]).toEqual({ nom: "A", "adresse.voie": "1 rue X", "adresse.cp": "16000", "adresse.commune.nom": "Angoulême", services: "Aide;Ateliers", ouvert: "oui", vide: "" });
    expect(t.rows[1]).toEqual({ nom: "B", "adresse.voie": "2 rue Y", "adresse.cp": "", "adresse.commune.nom": "", services: "", ouvert: "", vide: "" });
  });

  it("reads an array wrapped in an object, and GeoJSON points", async () => {
    const wrapped = table(await readProducerFile(text(JSON.stringify({ total: 1, data: [{ nom: "A" }] })), "x.json"));
    expect(wrapped.rows).toEqual([{ nom: "A" }]);
    const geo = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [0.156, 45.648] }, properties: { nom: "A" } }] };
    const t = table(await readProducerFile(text(JSON.stringify(geo)), "x.geojson"));
    expect(t.rows).toEqual([{ nom: "A", "geometry.longitude": "0.156", "geometry.latitude": "45.648" }]);
  });

  it("an item that is not an object is skipped, the next keeps its position", async () => {
    const t = table(await readProducerFile(text('[{"nom":"A"}, 3, {"nom":"B"}]'), "x.json"));
    expect(t.rows.map((r) => r.nom)).toEqual(["A", "B"]);
    expect(t.lines).toEqual([1, 3]);
    expect(t.skipped).toBe(1);
  });
});

describe("bad input never throws: a clear French message", () => {
  it("binary bytes, an empty file, malformed JSON, a header alone", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(error(await readProducerFile(png, "photo.png"))).toBe("Ce fichier n'est ni un tableur XLSX, ni un fichier CSV, ni un fichier JSON.");
    expect(error(await readProducerFile(new Uint8Array(), "vide.csv"))).toBe("Le fichier est vide.");
    expect(error(await readProducerFile(text('[{"nom": "A",'), "x.json"))).toMatch(/^Le fichier JSON est mal formé/);
    expect(error(await readProducerFile(text('{"nom": "A"}'), "x.json"))).toMatch(/doit contenir une liste de lieux/);
    expect(error(await readProducerFile(text("nom;commune\n"), "x.csv"))).toBe("Le fichier ne contient aucune ligne de données sous la ligne d'en-tête.");
  });

  it("more than 200 columns, or more than 50,000 rows", async () => {
    const wide = Array.from({ length: 201 }, (_, i) => `c${i}`).join(";");
    expect(error(await readProducerFile(text(`${wide}\n${wide}\n`), "x.csv"))).toMatch(/^Le fichier compte 201 colonnes, plus que les 200 permises/);
    const wideJson = [Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`c${i}`, "x"]))];
    expect(error(await readProducerFile(text(JSON.stringify(wideJson)), "x.json"))).toMatch(/201 colonnes/);
    const long = `nom\n${"A\n".repeat(50_001)}`;
    expect(error(await readProducerFile(text(long), "x.csv"))).toMatch(/^Le fichier compte plus de 50\s000 lignes/);
    const fine = `nom\n${"A\n".repeat(50_000)}`;
    expect(table(await readProducerFile(text(fine), "x.csv")).rows).toHaveLength(50_000);
  });

  it("more than 20 MB", async () => {
    expect(error(await readProducerFile(new Uint8Array(20 * 1024 * 1024 + 1), "x.csv"))).toBe("Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers.");
  });
});

describe("files that would take the server down are refused early, in French", () => {
  const MiB = 1024 * 1024;

  it("an XLSX of 100 KB holding one 100 MB inline string: refused while inflating, never handed to exceljs", async () => {
    const sheet = [Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`), ...repeat(Buffer.alloc(MiB, 0x61), 100), Buffer.from(`</t></is></c></row>${SHEET_END}`)];
    const file = await craftXlsx(sheet);
    expect(error(await readProducerFile(file, "lieux.xlsx"))).toBe(
      "Une fois décompressée, une partie du classeur (xl/worksheets/sheet1.xml) dépasse 64 Mo : le fichier est refusé sans être lu. Enregistrez la feuille utile au format CSV, ou découpez-la.",
    );
  });

  it("the same string made to look small in the zip's headers is refused too", async () => {
    const sheet = [Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`), ...repeat(Buffer.alloc(MiB, 0x61), 100), Buffer.from(`</t></is></c></row>${SHEET_END}`)];
    const file = await craftXlsx(sheet, { declaredSheetSize: 2048 });
    expect(error(await readProducerFile(file, "lieux.xlsx"))).toBe(
      "Le classeur est corrompu : une de ses parties contient plus de données qu'elle n'en annonce. Le fichier est refusé sans être lu ; enregistrez-le à nouveau depuis votre tableur.",
    );
  });

  it("a cell longer than Excel allows (32,767 characters) is refused before the sheet is read", async () => {
    const file = await craftXlsx(sheetOf([["nom"], ["x".repeat(40_000)]]));
    expect(error(await readProducerFile(file, "lieux.xlsx"))).toBe("Une cellule du classeur dépasse 32 767 caractères (la limite d'Excel) : le fichier est refusé sans être lu.");
  });

  it("a sheet of 60,000 filled rows, or with a value in column 300, is refused before exceljs loads it", async () => {
    const rows = [Buffer.from(SHEET_START), ...Array.from({ length: 60_000 }, (_, i) => Buffer.from(`<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`)), Buffer.from(SHEET_END)];
    expect(error(await readProducerFile(await craftXlsx(rows), "lieux.xlsx"))).toBe("Le classeur compte plus de 50 000 lignes remplies dans une feuille : découpez-le en plusieurs fichiers.");
    const wide = `${SHEET_START}<row r="1"><c r="A1"><v>1</v></c><c r="KN1"><v>2</v></c></row>${SHEET_END}`;
    expect(error(await readProducerFile(await craftXlsx([Buffer.from(wide)]), "lieux.xlsx"))).toContain("au-delà de la colonne 200");
  });

  it("a crafted XLSX within the limits is read as usual (the checked copy is what exceljs reads)", async () => {
    const t = table(await readProducerFile(await craftXlsx(sheetOf([["Nom", "Ville"], ["Médiathèque", "Cognac"]])), "lieux.xlsx"));
    expect(t).toMatchObject({ format: "xlsx", columns: ["Nom", "Ville"], rows: [{ Nom: "Médiathèque", Ville: "Cognac" }], sheet: "Lieux" });
  });

  it("JSON nested 200,000 deep gets a French message, not « Maximum call stack size exceeded »", async () => {
    const n = 200_000;
    const deep = text(`[{"nom":${"[".repeat(n)}${"]".repeat(n)}}]`);
    expect(error(await readProducerFile(deep, "lieux.json"))).toBe(
      "Le fichier JSON imbrique des listes ou des objets sur plus de 32 niveaux : ce n'est pas une liste de lieux. Vérifiez que vous déposez le bon fichier.",
    );
  });

  it("a CSV 5,000 columns wide, or one line that never ends (an unclosed quote), is refused", async () => {
    const wide = text(`${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(";")}\n${"1;".repeat(4999)}1\n`);
    expect(error(await readProducerFile(wide, "large.csv"))).toBe("Le fichier compte 5 000 colonnes, plus que les 200 permises : retirez les colonnes inutiles avant de le déposer.");
    const endless = text(`nom;ville\n"${"a".repeat(1_100_000)};Cognac\n`);
    expect(error(await readProducerFile(endless, "lieux.csv"))).toBe("Une ligne du fichier CSV dépasse 1 000 000 caractères (souvent un guillemet « \" » jamais fermé) : le fichier est refusé.");
  });
});

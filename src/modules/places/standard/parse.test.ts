import { describe, expect, it } from "vitest";
import { validateFile } from "./normalize";
import { detectDelimiter } from "@/platform/files/csv";
import { decode, decodeWindows1252, parseFile } from "./parse";

const header = "id;pivot;nom;commune;code_postal;adresse;date_maj";

/** Windows-1252 bytes written by hand, so the test does not rely on the decoder it checks. */
function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, è: 0xe8, ê: 0xea, à: 0xe0, ç: 0xe7, ô: 0xf4, É: 0xc9, "’": 0x92, "œ": 0x9c };
  return Uint8Array.from(Array.from(text, (c) => table[c] ?? c.charCodeAt(0)));
}

describe("encodings", () => {
  it("reads a Windows-1252 CSV with ';' (what Excel saves in France), accents intact", () => {
    const bytes = windows1252(`${header}\r\nlieu-1;12345678901234;Médiathèque Émile-Zola;Angoulême;16000;Place de l’Hôtel de Ville;2024-01-15\r\n`);
    expect(bytes.includes(0xc3)).toBe(false); // really not UTF-8
    const report = validateFile(bytes, "lieux.csv");
    expect(report).toMatchObject({ encoding: "windows-1252", delimiter: ";", records: 1, accepted: 1 });
    expect(report.results[0]?.record).toMatchObject({ nom: "Médiathèque Émile-Zola", commune: "Angoulême", adresse: "Place de l’Hôtel de Ville" });
  });

  it("reads a UTF-8 CSV with a BOM and ',' — the BOM does not end up in the first column name", () => {
    const text = `\uFEFF${header.replaceAll(";", ",")}\nlieu-2,W123456789,"Espace numérique, Châteaubernard",Châteaubernard,16100,"allée des Justes",2023-02-22\n`;
    const report = validateFile(new TextEncoder().encode(text), "lieux.csv");
    expect(report).toMatchObject({ encoding: "utf-8", delimiter: ",", records: 1, accepted: 1 });
    expect(report.results[0]?.record).toMatchObject({ id: "lieu-2", nom: "Espace numérique, Châteaubernard", commune: "Châteaubernard" });
  });

  it("recomposes decomposed accents (macOS) so that vocabularies still match", () => {
    const services = "Maîtrise des outils numériques du quotidien".normalize("NFD");
    const text = `${header};services\nx;12345678901234;Nom;Reims;51100;1 rue A;2024-04-02;${services}\n`;
    const report = validateFile(new TextEncoder().encode(text), "x.csv");
    expect(report.results[0]?.record?.services).toEqual(["Maîtrise des outils numériques du quotidien"]);
    expect(report.accepted).toBe(1);
  });

  it("decodes the Windows-1252 specials (Node's own decoder treats them as Latin-1 controls)", () => {
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x92, 0x9c, 0xe9, 0x41]))).toBe("€’œéA");
  });

  it("decodes UTF-16 with a BOM", () => {
    const text = "id,nom";
    const bytes = Uint8Array.from([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decode(bytes)).toEqual({ text, encoding: "utf-16le" });
  });
});

describe("CSV reading", () => {
  it("detects the delimiter from the header line, ignoring quoted text", () => {
    expect(detectDelimiter('id;nom;"a,b,c,d"\n1,2,3,4,5')).toBe(";");
    expect(detectDelimiter("id,nom,commune")).toBe(",");
    expect(detectDelimiter("id\tnom\tcommune")).toBe("\t");
  });

  it("numbers records by their first physical line, across multi-line cells and blank lines", () => {
    const parsed = parseFile(new TextEncoder().encode('id;nom\r\na;"deux\r\nlignes"\r\n\r\nb;x\r\n;\r\nc;y'), "f.csv");
    expect(parsed.records.map((r) => [r.line, r.fields.get("id")])).toEqual([
      [2, "a"],
      [5, "b"],
      [7, "c"],
    ]);
    expect(parsed.records[0]?.fields.get("nom")).toBe("deux\nlignes");
  });

  it("counts cells beyond the header instead of losing them silently", () => {
    const parsed = parseFile(new TextEncoder().encode("id;nom\n1;a;surplus\n"), "f.csv");
    expect(parsed.records[0]?.extraCells).toBe(1);
  });
});

describe("JSON reading", () => {
  it("accepts an array, an object wrapping an array, and a GeoJSON FeatureCollection", () => {
    const place = { id: "p", nom: "Lieu" };
    for (const doc of [[place], { data: [place] }, { type: "FeatureCollection", features: [{ type: "Feature", properties: place }] }]) {
      const parsed = parseFile(new TextEncoder().encode(JSON.stringify(doc)), "lieux.json");
      expect(parsed.records.map((r) => Object.fromEntries(r.fields))).toEqual([place]);
    }
  });

  it("keeps a '__proto__' key as plain data", () => {
    const parsed = parseFile(new TextEncoder().encode('[{"__proto__": {"polluted": true}, "id": "x"}]'), "a.json");
    expect(parsed.records[0]?.fields.get("id")).toBe("x");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("marks entries that are not objects, so that they are rejected one by one", () => {
    const report = validateFile(new TextEncoder().encode('[{"id": "a"}, 42]'), "a.json");
    expect(report.results[1]).toMatchObject({ line: 2, status: "rejected" });
    expect(report.results[1]?.issues[0]?.message).toContain("n'est pas un objet");
  });
});

describe("unreadable input gives one file-level error and no record", () => {
  const cases: [string, Uint8Array, string][] = [
    ["empty", new Uint8Array(), "vide"],
    ["blank", new TextEncoder().encode(" \n\t "), "vide"],
    ["binary (a zip: xlsx/ods)", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), "pas un fichier texte"],
    ["malformed JSON", new TextEncoder().encode('[{"id": "a",]'), "JSON est mal formé"],
    ["JSON without a list", new TextEncoder().encode('{"id": "a"}'), "liste de lieux"],
    ["unclosed CSV quote", new TextEncoder().encode('id,nom\n1,"pas fermé\n2,b\n'), "guillemet"],
    ["text that is not a places file", new TextEncoder().encode("bonjour\nceci est une lettre\n"), "Aucun champ du standard"],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => {
      const report = validateFile(bytes, "fichier");
      expect(report.records).toBe(0);
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ line: 0, level: "error" });
      expect(report.issues[0]?.message).toContain(expected);
    });
  }
});

describe("limits of a places file", () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it("JSON nested 200,000 deep: one French file-level error, no stack overflow", () => {
    const n = 200_000;
    const parsed = parseFile(enc(`[{"id":"a","nom":${"[".repeat(n)}${"]".repeat(n)}}]`), "lieux.json");
    expect(parsed.records).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toEqual([
      "Le fichier JSON imbrique des listes ou des objets sur plus de 32 niveaux : ce n'est pas une liste de lieux. Vérifiez que vous déposez le bon fichier.",
    ]);
  });

  it("50,000 places are read; 50,001 are refused as a whole, in CSV and in JSON", () => {
    const csv = (n: number) => enc(`${header}\n${Array.from({ length: n }, (_, i) => `l${i};;Lieu ${i};Cognac;16100;1 rue;2024-01-01`).join("\n")}\n`);
    expect(parseFile(csv(50_000), "lieux.csv").records).toHaveLength(50_000);
    const refused = parseFile(csv(50_001), "lieux.csv");
    expect(refused.records).toEqual([]);
    expect(refused.issues[0]?.message).toBe(
      "Le fichier compte plus de 50\u202f000 lieux : découpez-le en plusieurs fichiers (par département, par exemple) et importez-les l'un après l'autre. Rien n'a été enregistré.",
    );
    const json = enc(JSON.stringify(Array.from({ length: 50_001 }, (_, i) => ({ id: `l${i}` }))));
    expect(parseFile(json, "lieux.json").issues[0]?.message).toContain("plus de 50\u202f000 lieux");
  });

  it("a CSV 1,000 columns wide is refused with the count", () => {
    const wide = enc(`${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(",")}\n${"x,".repeat(999)}x\n`);
    expect(parseFile(wide, "lieux.csv").issues[0]?.message).toBe("Le fichier compte 1\u202f000 colonnes, plus que les 200 permises : le standard en a une trentaine, retirez les autres.");
  });
});

import { describe, expect, it } from "vitest";
import { normalizeSearch } from "@/platform/text";
import { resolveWritten, splitWritten, type WrittenCommuneRow } from "./written";

// A hand-written table with the real codes of a few communes (and two Saint-Simon in two départements).
const row = (code: string, name: string, postcodes: string[], departement: string, population: number): WrittenCommuneRow => ({ code, name, postcodes, departement, population, search: normalizeSearch(name) });
const table = [
  row("16015", "Angoulême", ["16000"], "16", 41000),
  row("16374", "Soyaux", ["16800"], "16", 9500),
  row("16102", "Cognac", ["16100"], "16", 18500),
  row("16089", "Châteaubernard", ["16100"], "16", 3500),
  row("16100", "Chirac", ["16150"], "16", 450),
  row("16167", "Jarnac", ["16200"], "16", 4300),
  row("16139", "Fleurac", ["16200"], "16", 200),
  row("16352", "Saint-Simon", ["16120"], "16", 280),
  row("15215", "Saint-Simon", ["15130"], "15", 1100),
];
const charente = new Set(table.filter((c) => c.departement === "16").map((c) => c.code));

describe("communes written as people write them (one field)", () => {
  const one = (text: string, prefer?: ReadonlySet<string>) => resolveWritten(table, [text], { prefer });

  it("a name, accents and case ignored; a name with its postcode", () => {
    expect(one("angouleme")).toEqual({ codes: ["16015"], problems: [] });
    expect(one("Angoulême 16000")).toEqual({ codes: ["16015"], problems: [] });
    expect(one("CHIRAC")).toEqual({ codes: ["16100"], problems: [] });
  });

  it("a number is a postcode first: 16100 is Cognac's postcode, not Chirac; several communes ask which", () => {
    expect(one("16800")).toEqual({ codes: ["16374"], problems: [] });
    expect(one("16100")).toEqual({ codes: [], problems: ["« 16100 » désigne plusieurs communes : Cognac (16100), Châteaubernard (16100). Précisez le code postal (ex. : « Cognac 16100 »)."] });
    expect(one("Châteaubernard 16100")).toEqual({ codes: ["16089"], problems: [] });
    // An INSEE code that is nobody's postcode still works.
    expect(one("16015")).toEqual({ codes: ["16015"], problems: [] });
  });

  it("a typo gets suggestions; nothing close says so", () => {
    expect(one("Jarnak")).toEqual({ codes: [], problems: ["« Jarnak » : aucune commune de ce nom. Vouliez-vous dire : Jarnac (16200) ?"] });
    expect(one("Zzzzz")).toEqual({ codes: [], problems: ["« Zzzzz » : aucune commune de ce nom ni de ce code."] });
  });

  it("a name shared across France is the territory's one when the territory has it; otherwise it asks", () => {
    expect(one("Saint-Simon", charente)).toEqual({ codes: ["16352"], problems: [] });
    expect(one("Saint-Simon").problems).toEqual(["« Saint-Simon » désigne plusieurs communes : Saint-Simon (15130), Saint-Simon (16120). Précisez le code postal (ex. : « Saint-Simon 15130 »)."]);
    // A commune outside the territory is still found by its name.
    expect(one("Saint-Simon 15130", charente)).toEqual({ codes: ["15215"], problems: [] });
  });
});

describe("a name's last words (« Châtain » for Arfeuille-Châtain)", () => {
  const creuseTable = [
    row("23005", "Arfeuille-Châtain", ["23700"], "23", 190),
    row("23013", "Auzances", ["23700"], "23", 1300),
    row("86063", "Chatain", ["86250"], "86", 240),
    row("28087", "Châtaincourt", ["28270"], "28", 220),
    row("16171", "Juillac-le-Coq", ["16130"], "16", 600),
    row("16227", "Montignac-le-Coq", ["16390"], "16", 100),
  ];
  const creuse = new Set(["23005", "23013"]);
  const charenteCoq = new Set(["16171", "16227"]);
  const one = (text: string, prefer?: ReadonlySet<string>) => resolveWritten(creuseTable, [text], { prefer });

  it("with its postcode: the postcode's only commune whose name ends with these words", () => {
    expect(one("Châtain 23700")).toEqual({ codes: ["23005"], problems: [] });
  });
  it("in a territory: its only commune whose name ends so; elsewhere, the commune of that very name", () => {
    expect(one("Châtain", creuse)).toEqual({ codes: ["23005"], problems: [] });
    expect(one("Châtain")).toEqual({ codes: ["86063"], problems: [] });
  });
  it("ambiguous: the candidates are named, none is guessed", () => {
    expect(one("Le Coq", charenteCoq)).toEqual({ codes: [], problems: ["« Le Coq » désigne plusieurs communes : Juillac-le-Coq (16130), Montignac-le-Coq (16390). Précisez le code postal (ex. : « Juillac-le-Coq 16130 »)."] });
  });
});

describe("lists of communes", () => {
  const list = (text: string) => resolveWritten(table, splitWritten(text), { postcodeTakesAll: true, prefer: charente });

  it("splits on commas and new lines, and between codes only", () => {
    expect(splitWritten("Angoulême, Soyaux 16800\nSaint-Simon 16120; 16015 16102")).toEqual(["Angoulême", "Soyaux 16800", "Saint-Simon 16120", "16015", "16102"]);
    expect(splitWritten("La Couronne 16400 Soyaux 16800")).toEqual(["La Couronne 16400", "Soyaux 16800"]);
    expect(splitWritten("  ,, \n")).toEqual([]);
  });

  it("names and codes mixed: a bare postcode brings all its communes; numbers only: INSEE codes first", () => {
    expect(list("Angoulême, soyaux, 16200")).toEqual({ codes: ["16015", "16139", "16167", "16374"], problems: [] });
    expect(list("Angoulême, 16100")).toEqual({ codes: ["16015", "16089", "16102"], problems: [] });
    // Pasted from a spreadsheet of INSEE codes: 16100 is Chirac there.
    expect(list("16015 16100")).toEqual({ codes: ["16015", "16100"], problems: [] });
    expect(list("Angoulême, Jarnak, 99999")).toEqual({
      codes: ["16015"],
      problems: ["« Jarnak » : aucune commune de ce nom. Vouliez-vous dire : Jarnac (16200) ?", "« 99999 » : aucune commune n'a ce code INSEE ni ce code postal."],
    });
  });
});

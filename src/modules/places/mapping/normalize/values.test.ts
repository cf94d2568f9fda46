import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeDate } from "./dates";
import { normalizePhone, restorePhone } from "./phones";
import { isDomain, normalizeUrl } from "./urls";
import { splitList, standardList } from "./lists";

describe("normalizeDate", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2022-09-26 19:00:45", "2022-09-26"],
    ["2022-09-26T19:00:45.123+02:00", "2022-09-26"],
    ["2020/06/30 14:12:05.000", "2020-06-30"],
    ["2020/06/30", "2020-06-30"],
    ["07/12/2021", "2021-12-07"],
    ["7/2/2021 14h00", "2021-02-07"],
    ["07.12.2021", "2021-12-07"],
    ["44197", "2021-01-01"],
    ["45292,5", "2024-01-01"],
  ])("reads %s as %s", (text, value) => {
    expect(normalizeDate(text)).toEqual({ ok: true, value });
  });

  it("refuses what is not a calendar date, in French", () => {
    expect(normalizeDate("31/02/2021")).toEqual({
      ok: false,
      message: "La date de mise à jour « 31/02/2021 » n'est pas une date valide (formats lus : AAAA-MM-JJ, AAAA/MM/JJ, JJ/MM/AAAA, avec ou sans heure, ou un numéro de jour de tableur).",
    });
    expect(normalizeDate("hier").ok).toBe(false);
    expect(normalizeDate("12345")).toEqual({ ok: false, message: "La date de mise à jour « 12345 » n'est pas une date : un nombre de jours de tableur entre 1990 et 2099 était attendu." });
  });
});

describe("normalizePhone", () => {
  it("restores the leading 0 of a 9-digit number", () => {
    expect(restorePhone("545657539")).toEqual({ value: "0545657539", restored: "zero" });
    expect(normalizePhone("545657539")).toEqual({
      ok: true,
      value: "+33545657539",
      note: "Le numéro de téléphone « 545657539 » avait perdu son 0 initial (tableur ?) : il a été lu comme « +33545657539 ».",
    });
  });
  it("restores the + of 33… and overseas numbers", () => {
    expect(normalizePhone("33545657539")).toMatchObject({ ok: true, value: "+33545657539" });
    expect(normalizePhone("330545657539")).toMatchObject({ ok: true, value: "+33545657539" });
    expect(normalizePhone("262262123456")).toMatchObject({ ok: true, value: "+262262123456" });
    expect(normalizePhone("262123456")).toMatchObject({ ok: true, value: "+262262123456" });
  });
  it("keeps the first of two numbers and says so", () => {
    expect(normalizePhone("05 45 65 75 39 / 06 12 34 56 78")).toEqual({
      ok: true,
      value: "+33545657539",
      note: "La cellule « 05 45 65 75 39 / 06 12 34 56 78 » contient plusieurs numéros : seul le premier est gardé (« +33545657539 »), « 06 12 34 56 78 » est ignoré.",
    });
  });
  it("writes the usual form quietly noted, and refuses what is not a number", () => {
    expect(normalizePhone("05 57 65 75 39")).toEqual({ ok: true, value: "+33557657539", note: "Le numéro de téléphone « 05 57 65 75 39 » a été écrit au format international : « +33557657539 »." });
    expect(normalizePhone("+33557657539")).toEqual({ ok: true, value: "+33557657539" });
    expect(normalizePhone("voir site")).toEqual({ ok: false, message: "Le numéro de téléphone « voir site » n'est pas au format international attendu (par exemple +33180059880) : il est ignoré." });
    expect(normalizePhone("12345").ok).toBe(false);
  });
});

describe("normalizeUrl", () => {
  it("accepts a bare domain as https", () => {
    expect(normalizeUrl("abracodabra.fr")).toEqual({ ok: true, value: "https://abracodabra.fr", note: "L'adresse web « abracodabra.fr » a été complétée en « https://abracodabra.fr »." });
    expect(normalizeUrl("www.mairie-angers.fr/numerique")).toMatchObject({ ok: true, value: "https://www.mairie-angers.fr/numerique" });
    expect(normalizeUrl("https://quartney.fr/")).toEqual({ ok: true, value: "https://quartney.fr/" });
  });
  it("refuses what has no domain shape, in French", () => {
    expect(normalizeUrl("www.aucun")).toEqual({ ok: false, message: "L'adresse web « www.aucun » n'est pas valide (un nom de domaine comme exemple.fr est attendu) : elle est ignorée." });
    expect(normalizeUrl("non")).toEqual({ ok: false, message: "L'adresse web « non » n'est pas valide (un nom de domaine comme exemple.fr est attendu) : elle est ignorée." });
    expect(normalizeUrl("contact@x.fr")).toEqual({ ok: false, message: "L'adresse web « contact@x.fr » ressemble à une adresse électronique, pas à une adresse web : elle est ignorée." });
    expect(normalizeUrl("ftp://x.fr")).toEqual({ ok: false, message: "L'adresse web « ftp://x.fr » n'est pas une adresse http(s) : elle est ignorée." });
    expect(normalizeUrl("https://localhost/x").ok).toBe(false);
    expect(normalizeUrl("site en construction").ok).toBe(false);
  });
  it("knows a domain from a word", () => {
    expect(isDomain("www.aucun")).toBe(false);
    expect(isDomain("xn--mairie-5ua.fr")).toBe(true);
    expect(isDomain("a.b.123")).toBe(false);
  });
});

describe("lists", () => {
  it("splits on , ; | new lines and spaced slashes", () => {
    expect(splitList("Wifi, Imprimante;Scanner|Tablette\nSmartphone / Ordinateur")).toEqual(["Wifi", "Imprimante", "Scanner", "Tablette", "Smartphone", "Ordinateur"]);
    expect(standardList("Familles et/ou enfants ; Seniors ; Seniors")).toBe("Familles et/ou enfants|Seniors");
  });
});

describe("every normaliser, on any cell", () => {
  it("either normalises or gives a French message, never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (cell) => {
        for (const r of [normalizeDate(cell), normalizePhone(cell), normalizeUrl(cell)]) {
          if (r.ok) expect(typeof r.value).toBe("string");
          else expect(r.message).toMatch(/ : |n'est pas|ressemble/);
        }
        expect(Array.isArray(splitList(cell))).toBe(true);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
  it("a normalised date or URL is stable when normalised again", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1990-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split("-");
        expect(normalizeDate(`${day}/${m}/${y}`)).toEqual({ ok: true, value: iso });
        expect(normalizeDate(`${y}/${m}/${day} 10:00:00.000`)).toEqual({ ok: true, value: iso });
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { resolveCommuneInput } from "./commune";
import { helpHref, parseHelpParams } from "./params";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("resolving what the person typed", () => {
  it("finds a commune by name, accents and case aside, by postcode and by INSEE code", async () => {
    for (const text of ["Angoulême", "angouleme", "16000", "16015"]) {
      const r = await resolveCommuneInput(database.db, text);
      expect(r.kind === "found" && r.commune.code, text).toBe("16015");
    }
    const angouleme = await resolveCommuneInput(database.db, "Angoulême");
    expect(angouleme.kind === "found" && angouleme.commune).toEqual({ code: "16015", name: "Angoulême", postcodes: ["16000"], departement: "16" });
  });

  it("asks to choose when a postcode covers several communes", async () => {
    const r = await resolveCommuneInput(database.db, "16100");
    expect(r.kind).toBe("choose");
    if (r.kind !== "choose") return;
    const names = r.choices.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Cognac", "Châteaubernard", "Saint-Brice"]));
    expect(r.more).toBe(false);
  });

  it("takes the commune named exactly, even when other names contain it", async () => {
    const r = await resolveCommuneInput(database.db, "Cognac");
    expect(r.kind === "found" && r.commune.code).toBe("16102");
  });

  it("keeps a chosen commune while the text still names it, and searches again when the text changed", async () => {
    const kept = await resolveCommuneInput(database.db, "Cognac", "16102");
    expect(kept.kind === "found" && kept.commune.code).toBe("16102");
    const changed = await resolveCommuneInput(database.db, "Angoulême", "16102");
    expect(changed.kind === "found" && changed.commune.code).toBe("16015");
    const codeOnly = await resolveCommuneInput(database.db, "", "16089");
    expect(codeOnly.kind === "found" && codeOnly.commune.name).toBe("Châteaubernard");
  });

  it("says when nothing matches", async () => {
    expect((await resolveCommuneInput(database.db, "Zzyzxville")).kind).toBe("unknown");
    expect((await resolveCommuneInput(database.db, "")).kind).toBe("unknown");
    expect((await resolveCommuneInput(database.db, "", "99999")).kind).toBe("unknown");
  });
});

describe("the search in the URL", () => {
  it("reads known values and drops the rest", () => {
    expect(parseHelpParams({ lieu: " Cognac ", commune: "16102", besoin: "demarches", ouvert: "1", acces: ["surdite", "inconnu", "surdite"] })).toEqual({
      text: "Cognac",
      commune: "16102",
      need: "demarches",
      openNow: true,
      accessibility: ["surdite"],
    });
    expect(parseHelpParams({ commune: "<script>", besoin: "tout", ouvert: "oui", acces: "anglais" })).toEqual({ text: "", commune: undefined, need: undefined, openNow: false, accessibility: ["anglais"] });
  });

  it("writes a search back as a URL that reads the same", () => {
    const params = { text: "Saint-Brice", commune: "16304", need: "emploi", openNow: true, accessibility: ["vue", "langues"] } as const;
    const href = helpHref({ ...params, accessibility: [...params.accessibility] });
    expect(href).toBe("/aide?lieu=Saint-Brice&commune=16304&besoin=emploi&ouvert=1&acces=vue&acces=langues");
    const query = Object.fromEntries(new URLSearchParams(href.split("?")[1]).entries());
    expect(parseHelpParams({ ...query, acces: ["vue", "langues"] })).toEqual({ ...params, accessibility: ["vue", "langues"] });
    expect(helpHref({ text: "", openNow: false, accessibility: [] })).toBe("/aide");
  });
});

describe("finding the commune in the real reference data", () => {
  it("offers all 16 communes of 16200, Fleurac and Houlette included, and not Chirac for 16100", async () => {
    const r = await resolveCommuneInput(database.db, "16200");
    expect(r.kind === "choose" && r.choices.length).toBe(16);
    expect(r.kind === "choose" && r.choices.map((c) => c.name)).toEqual(expect.arrayContaining(["Fleurac", "Houlette", "Jarnac"]));
    const cognac = await resolveCommuneInput(database.db, "16100");
    expect(cognac.kind === "choose" && cognac.choices.map((c) => c.name)).not.toContain("Chirac");
  });

  it("finds « Angoulême 16000 » and suggests Cognac, Jarnac and Barbezieux for typos", async () => {
    const a = await resolveCommuneInput(database.db, "Angoulême 16000");
    expect(a.kind === "found" && a.commune.code).toBe("16015");
    for (const [typed, code] of [["Cogniac", "16102"], ["Jarnak", "16167"], ["Barbesieux", "16028"]] as const) {
      const r = await resolveCommuneInput(database.db, typed);
      expect(r.kind, typed).toBe("suggest");
      expect(r.kind === "suggest" && r.choices.map((c) => c.code), typed).toContain(code);
    }
  });
});

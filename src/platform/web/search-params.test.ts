import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { findReport } from "@/composition/etat-des-lieux/report";
import { parseFilters } from "@/modules/places/filters";
import { listPlaces } from "@/modules/places/queries";
import { readSearchParams, readSingleSearchParams, searchInt } from "./search-params";

describe("query strings read by pages", () => {
  it("drops values holding a NUL byte or another control character, keeps ordinary text and accents", () => {
    expect(readSearchParams({ q: "a\u0000b", theme: "\u0000", tri: "date\u001f", lieu: "Angoulême\tcentre", page: "2" })).toEqual({ lieu: "Angoulême\tcentre", page: "2" });
  });

  it("keeps the usable values of a repeated name, drops the others, caps their number", () => {
    expect(readSearchParams({ services: ["Aide aux démarches", "x\u0000", "Accès internet"] })).toEqual({ services: ["Aide aux démarches", "Accès internet"] });
    expect(readSearchParams({ services: ["\u0000", "Accès internet"] })).toEqual({ services: "Accès internet" });
    expect((readSearchParams({ services: Array.from({ length: 80 }, (_, i) => `s${i}`) }).services as string[]).length).toBe(50);
  });

  it("drops values longer than any form sends, and names with control characters", () => {
    expect(readSearchParams({ q: "a".repeat(2001), ok: "a".repeat(2000), ["x\u0000"]: "1" })).toEqual({ ok: "a".repeat(2000) });
  });

  it("reads URLSearchParams the same way (route handlers); single values take the first usable one", () => {
    const url = new URL("http://localhost/?q=%00&services=a&services=b&version=3");
    expect(readSearchParams(url.searchParams)).toEqual({ services: ["a", "b"], version: "3" });
    expect(readSingleSearchParams(url.searchParams)).toEqual({ services: "a", version: "3" });
  });

  it("numbers are read within bounds: 99999999999999999999 is no version", () => {
    expect(searchInt("99999999999999999999")).toBeUndefined();
    expect(searchInt("2147483648")).toBeUndefined();
    expect(searchInt("2147483647")).toBe(2147483647);
    expect(searchInt("3")).toBe(3);
    expect(searchInt(["4", "5"])).toBe(4);
    for (const bad of ["0", "-1", "1.5", "1e3", "abc", "", undefined]) expect(searchInt(bad)).toBeUndefined();
  });
});

describe("what used to give a 500 reaches the database cleaned", () => {
  let database: Database;
  let territoryId: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    territoryId = (await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-parametres" })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("a NUL byte in q or services: PostgreSQL refuses it in text, the cleaned filters list the places", async () => {
    const raw = { q: "m\u0000", services: ["Aide aux démarches administratives\u0000"] };
    await expect(listPlaces(database.db, territoryId, parseFilters(raw), 1)).rejects.toThrow();
    await expect(listPlaces(database.db, territoryId, parseFilters(readSearchParams(raw)), 1)).resolves.toMatchObject({ total: 0 });
  });

  it("version=99999999999999999999 finds no report (instead of an integer overflow)", async () => {
    // What the page did: Number() of it is an "integer" (1e20) that the database cannot compare.
    await expect(findReport(database.db, territoryId, Number("99999999999999999999"))).rejects.toThrow();
    expect(searchInt("99999999999999999999")).toBeUndefined();
    expect(await findReport(database.db, territoryId, searchInt("12") ?? 0)).toBeUndefined();
  });
});

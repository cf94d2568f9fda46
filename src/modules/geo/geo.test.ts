import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { buildOutline, outlineSvg, type Outline } from "./outline";
import { communesOfPerimeter, resolveCommuneCodes, searchPerimeters } from "./queries";
import { communes } from "./schema";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("perimeter search", () => {
  it("finds a commune without its accent, by INSEE code and by postcode", async () => {
    expect((await searchPerimeters(database.db, "commune", "angouleme"))[0]).toMatchObject({ code: "16015", name: "Angoulême" });
    expect((await searchPerimeters(database.db, "commune", "16015"))[0]?.name).toBe("Angoulême");
    const byPostcode = await searchPerimeters(database.db, "commune", "16100");
    expect(byPostcode.map((r) => r.name)).toContain("Cognac");
  });

  it("finds an EPCI by part of its name or by one of its communes", async () => {
    expect((await searchPerimeters(database.db, "epci", "grand cogn")).map((r) => r.code)).toContain("200070514");
    expect((await searchPerimeters(database.db, "epci", "Jarnac")).map((r) => r.name)).toContain("CA du Grand Cognac");
  });

  it("finds départements and régions by name or code", async () => {
    expect((await searchPerimeters(database.db, "departement", "charente")).map((r) => r.code).slice(0, 2)).toEqual(["16", "17"]);
    expect((await searchPerimeters(database.db, "region", "nouvelle aquitaine"))[0]?.code).toBe("75");
    expect(await searchPerimeters(database.db, "region", "x")).toEqual([]);
  });

  it("reports unknown codes instead of guessing", async () => {
    const { codes, unknown } = await resolveCommuneCodes(database.db, ["16015", "99999", "2A004", "hello"]);
    expect(codes).toEqual(["16015", "2A004"]);
    expect(unknown).toEqual(["99999", "hello"]);
  });
});

describe("reference data in the database", () => {
  it("carries the digital fragility index of ../shared/data/ifn for real communes", async () => {
    const lines = fs.readFileSync("../shared/data/ifn/ifn-city-all-variation.csv", "utf8").trim().split("\n").slice(1);
    const byCode = new Map(lines.map((l) => { const cells = l.split(","); return [cells[2], cells] as const; }));
    for (const code of ["16015", "16102", "33063", "87085"]) {
      const csv = byCode.get(code);
      expect(csv, `ligne IFN de ${code}`).toBeDefined();
      const [row] = await database.db.select().from(communes).where(eq(communes.code, code));
      expect(row?.ifnTotal).toBeCloseTo(Number(csv?.at(-1)), 1);
      expect(row?.ifnPoverty).toBeCloseTo(Number(csv?.[5]), 1);
    }
  });

  it("has every commune of Charente in the Charente département with a point inside France", async () => {
    const codes = await communesOfPerimeter(database.db, "departement", "16");
    expect(codes.length).toBeGreaterThan(350);
    const rows = await database.db.select().from(communes).where(eq(communes.departement, "16"));
    for (const r of rows) {
      expect(r.lon).toBeGreaterThan(-0.5);
      expect(r.lon).toBeLessThan(1);
      expect(r.lat).toBeGreaterThan(45.1);
      expect(r.lat).toBeLessThan(46.2);
    }
  });
});

describe("outline map", () => {
  it("draws one commune with neighbours around it", () => {
    const outline = buildOutline(["16015"]);
    expect(outline?.communes).toHaveLength(1);
    expect(outline?.communes[0]?.d).toMatch(/^M\d+ \d+l-?\d+ -?\d+/);
    expect(outline?.neighbours.length).toBeGreaterThan(3);
    expect(outline?.border).toMatch(/^M/);
  });

  it("merges a région into one shape per département", async () => {
    const codes = await communesOfPerimeter(database.db, "region", "75");
    const outline = buildOutline(codes);
    expect(outline?.communes).toHaveLength(0);
    expect(outline?.merged).toHaveLength(12); // the 12 départements of Nouvelle-Aquitaine
    expect(outline?.border).toBe("");
    // Small enough to serve as an image: a région outline under 100 KB.
    expect(outlineSvg(outline as Outline, "Nouvelle-Aquitaine").length).toBeLessThan(100_000);
  });
});

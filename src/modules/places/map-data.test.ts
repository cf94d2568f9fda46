import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { openAt } from "./hours";
import { mapAnswer, notModified } from "./map-data";
import { listPlaces, placesForMap } from "./queries";
import { places } from "./schema";

/*
 * Five places in Angoulême with known hours, and one in Cognac. On Tuesday 10 March 2026 at 10:00
 * in Paris (09:00 UTC, winter time, not a holiday):
 *   "Mo-Fr 09:00-12:00"  open    (Alpha, Delta)
 *   "Sa 10:00-12:00"     closed  (Beta)
 *   no hours             not open (Gamma)
 *   "tous les jours"     unreadable: not open (Epsilon)
 * so 4 distinct texts among the 5 places of Angoulême, counting "no hours".
 */
const system = { kind: "system", label: "test" } as const;
const TUESDAY_10 = new Date("2026-03-10T09:00:00Z");
const SUNDAY_10 = new Date("2026-03-15T09:00:00Z");

type Spec = { id: string; nom: string; horaires?: string; commune?: string; code_postal?: string; code_insee?: string; services?: string };
const specs: Spec[] = [
  { id: "alpha", nom: "Alpha", horaires: "Mo-Fr 09:00-12:00" },
  { id: "beta", nom: "Beta", horaires: "Sa 10:00-12:00", services: "Maîtrise des outils numériques du quotidien" },
  { id: "gamma", nom: "Gamma" },
  { id: "delta", nom: "Delta", horaires: "Mo-Fr 09:00-12:00" },
  { id: "epsilon", nom: "Epsilon", horaires: "tous les jours" },
  { id: "cognac", nom: "Zeta à Cognac", horaires: "Mo-Fr 09:00-12:00", commune: "Cognac", code_postal: "16100", code_insee: "16102" },
];

function file(list: Spec[]): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify(
      list.map((s, i) => ({
        id: s.id,
        pivot: "00000000000000",
        nom: s.nom,
        commune: s.commune ?? "Angoulême",
        code_postal: s.code_postal ?? "16000",
        code_insee: s.code_insee ?? "16015",
        adresse: `${i + 1} rue du Test`,
        latitude: 45.6 + i / 100,
        longitude: 0.15,
        date_maj: "2026-01-15",
        services: s.services ?? "Aide aux démarches administratives",
        ...(s.horaires ? { horaires: s.horaires } : {}),
      })),
    ),
  );
}

let database: Database;
let angouleme: Territory;
beforeAll(async () => {
  database = await openTestDatabase();
  angouleme = await createTestTerritory(database.db, { kind: "commune", code: "16015", slug: "angouleme-carte" });
  await importPlaces(database.db, system, { bytes: file(specs), filename: "carte.json", source: "test-carte", dryRun: false });
});
afterAll(async () => {
  await database?.close();
});

/** A `keep` that counts how often it is asked, and about what. */
function counted(date: Date) {
  const open = openAt(date);
  const asked: (string | null)[] = [];
  return { asked, keep: (hours: string | null) => (asked.push(hours), open(hours)) };
}

describe("the « open now » filter", () => {
  it("on the list: asks once per distinct hours text, then pages the places that passed", async () => {
    const { asked, keep } = counted(TUESDAY_10);
    const { items, total } = await listPlaces(database.db, angouleme.id, {}, 1, keep);
    expect(items.map((p) => p.name)).toEqual(["Alpha", "Delta"]);
    expect(total).toBe(2);
    expect(asked.sort()).toEqual(["Mo-Fr 09:00-12:00", "Sa 10:00-12:00", "tous les jours", null].sort());
    // Sunday: nothing open, nothing listed.
    expect(await listPlaces(database.db, angouleme.id, {}, 1, openAt(SUNDAY_10))).toEqual({ items: [], total: 0 });
    // A keep that accepts "no hours" keeps Gamma too (the filter says what it keeps, SQL follows).
    const noneOrOpen = (h: string | null) => h === null || openAt(TUESDAY_10)(h);
    expect((await listPlaces(database.db, angouleme.id, {}, 1, noneOrOpen)).items.map((p) => p.name)).toEqual(["Alpha", "Delta", "Gamma"]);
  });

  it("on the map: the same places, each text asked once, with the other filters still applied", async () => {
    const { asked, keep } = counted(TUESDAY_10);
    const open = await placesForMap(database.db, angouleme.id, {}, keep);
    expect(open.map((p) => p.name).sort()).toEqual(["Alpha", "Delta"]);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toHaveLength(4);
    expect(await placesForMap(database.db, angouleme.id, { services: ["Maîtrise des outils numériques du quotidien"] }, openAt(TUESDAY_10))).toEqual([]);
    // Without the filter: the 5 places of Angoulême (not Cognac's), as points.
    const all = await placesForMap(database.db, angouleme.id, {});
    expect(all.map((p) => p.name).sort()).toEqual(["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]);
    expect(all.find((p) => p.name === "Alpha")).toMatchObject({ lon: 0.15, lat: 45.6 });
  });
});

describe("the map's answers, built once per version", () => {
  const decode = (a: Awaited<ReturnType<typeof mapAnswer>>) =>
    (JSON.parse(a.body.toString("utf8")) as { features: { properties: { n: string } }[] }).features.map((f) => f.properties.n).sort();

  it("keeps the GeoJSON, and the same as a gzip file, and reuses them while nothing changes", async () => {
    const first = await mapAnswer(database.db, angouleme, { openNow: false });
    expect(decode(first)).toEqual(["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]);
    expect(zlib.gunzipSync(first.gzip).equals(first.body)).toBe(true);
    expect(first.features).toBe(5);
    expect(first.etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(await mapAnswer(database.db, angouleme, { openNow: false })).toBe(first);
    // The same filters in another order are the same answer.
    const a = await mapAnswer(database.db, angouleme, { openNow: false, services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"] });
    const b = await mapAnswer(database.db, angouleme, { openNow: false, services: ["Maîtrise des outils numériques du quotidien", "Aide aux démarches administratives"] });
    expect(b).toBe(a);
    expect(decode(a)).toEqual(["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]);
  });

  it("changes as soon as a place changes, with a new ETag", async () => {
    const before = await mapAnswer(database.db, angouleme, { openNow: false });
    await importPlaces(database.db, system, { bytes: file([{ id: "eta", nom: "Eta" }]), filename: "carte-2.json", source: "test-carte", dryRun: false });
    const after = await mapAnswer(database.db, angouleme, { openNow: false });
    expect(decode(after)).toEqual(["Alpha", "Beta", "Delta", "Epsilon", "Eta", "Gamma"]);
    expect(after.etag).not.toBe(before.etag);
    await database.db.delete(places).where(eq(places.sourceId, "eta"));
    const back = await mapAnswer(database.db, angouleme, { openNow: false });
    expect(decode(back)).toEqual(["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]);
    // Same content, same validator: a browser that kept the first answer gets a 304.
    expect(back.etag).toBe(before.etag);
  });

  it("with « open now », answers for the minute asked", async () => {
    expect(decode(await mapAnswer(database.db, angouleme, { openNow: true }, TUESDAY_10))).toEqual(["Alpha", "Delta"]);
    expect(decode(await mapAnswer(database.db, angouleme, { openNow: true }, SUNDAY_10))).toEqual([]);
  });
});

describe("revalidation", () => {
  it("recognises an ETag the browser kept, weak or strong, in a list or as *", () => {
    const etag = 'W/"abc"';
    expect(notModified('W/"abc"', etag)).toBe(true);
    expect(notModified('"abc"', etag)).toBe(true);
    expect(notModified('"zzz", W/"abc"', etag)).toBe(true);
    expect(notModified("*", etag)).toBe(true);
    expect(notModified('"abd"', etag)).toBe(false);
    expect(notModified(null, etag)).toBe(false);
  });
});

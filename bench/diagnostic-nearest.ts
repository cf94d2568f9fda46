// Diagnostic issue: nearest place and white zones for every commune of France against 20,000 places,
// in TypeScript (src/modules/diagnostic/coverage.ts: kdbush trees searched by nearest.ts with geokdbush's
// distance formulas) side by side with the same computation in PostgreSQL 15 (cube + earthdistance: one
// nearest-neighbour query per commune through a GiST index on ll_to_earth(lat, lon)).
//   npx tsx bench/diagnostic-nearest.ts      (PLACES=20000 RUNS=7)
//
// Data: a throwaway PostgreSQL cluster prepared like the app's (migrations + reference data: 34,969
// communes), and PLACES places built as bench/map-orientation.ts builds them (the four real datasets,
// valid records whose commune resolves, repeated with new ids and jittered coordinates), imported through
// `importPlaces`. Territory `bench-france` holds every commune; `nouvelle-aquitaine` is the région (75).
//
// Measures. A and B compare like with like, end to end: each side starts from the database and ends with
// the answer for every commune. They are measured in alternating rounds (TS then SQL, then SQL then TS…,
// RUNS rounds after one warm-up of each), min and median of each side, and the ratio SQL / TS of both:
//   A. nearest place + white zone + places per commune for all communes of France.
//      TypeScript: read the communes of the territory and the places (as `territoryCoverage` does),
//      build the all-places tree, `computeCoverage`. SQL: one query as an analyst would write it, JIT off
//      (`set jit = off`: JIT compiles this query for seconds and gains nothing), places counted per commune
//      once (a grouped subquery joined, not a count per commune), nearest place by a lateral
//      nearest-neighbour join per commune (`cube` + `earthdistance`, GiST index on ll_to_earth(lat, lon)).
//      For reference only, `computeCoverage` alone on inputs already in memory (what an earlier version of
//      this bench compared with the SQL query: 12.5× was that, not end to end).
//   B. the same plus the nearest place per service (9 services): TypeScript with the 9 service trees built
//      too, vs SQL with 9 more lateral joins, each on a partial GiST index per service.
//   C. the module as the pages call it: `territoryCoverage` (communes read from the database, place
//      index rebuilt when the places changed) for France and for the région, cold (index to build) and warm
//      (median of RUNS after one warm-up, after waiting for a quiet machine; redone when disturbed).
// Both sides must agree: max |TS − SQL| of the nearest distances, and the same white zones. geokdbush uses a
// sphere of 6,371 km and earthdistance one of 6,378.168 km: `earth()` is redefined to 6,371 km in the
// throwaway database (as the earthdistance documentation allows) so that both measure the same thing.
// Targets (PASS/FAIL): A in TypeScript < 1 s for France (end to end), and faster than SQL.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql } from "drizzle-orm";
import { prepareDatabase } from "@/boot";
import { openDatabase, type Database } from "@/platform/db/client";
import { communes } from "@/modules/geo/schema";
import { communeIndex, importPlaces, resolveCommune } from "@/modules/places/commands";
import { validateFile } from "@/modules/places/standard/normalize";
import { territories, territoryCommunes } from "@/modules/territories/schema";
import { createTestTerritory } from "@/demo/factories";
import { buildPlaceIndexes, computeCoverage, SERVICES, type CoverageResult, type PlaceIndexes } from "@/modules/diagnostic/coverage";
import { coveragePlaceIndexes, loadCoverageCommunes, loadCoveragePlaces, territoryCoverage } from "@/modules/diagnostic/inputs";
import { defaultCoverageSettings } from "@/modules/diagnostic/validation";
import { createPgDatabase, machine, machineBusyMs, main, median, ms, onCleanup, root, startPgCluster, treeCpuMs, cpuBetween, waitForQuiet } from "./lib";

const PLACES = Number(process.env.PLACES ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 7);
const TARGET_MS = 1000;
const DATASETS = path.join(root, "..", "shared", "data", "standard-mediation-numerique", "datasets");
const NO_PUBLIC = "Ce lieu n'accueille pas de public";
const settings = defaultCoverageSettings;

// ---------- data (as bench/map-orientation.ts) ----------

async function placesFile(database: Database): Promise<{ bytes: Uint8Array; base: number }> {
  const raw: Record<string, unknown>[] = [];
  for (const f of fs.readdirSync(DATASETS).filter((f) => f.endsWith(".json") && !f.includes("fake")).sort()) {
    raw.push(...(JSON.parse(fs.readFileSync(path.join(DATASETS, f), "utf8")) as Record<string, unknown>[]));
  }
  const validation = validateFile(new TextEncoder().encode(JSON.stringify(raw)), "base.json");
  const index = await communeIndex(database.db);
  const centres = new Map((await database.db.select({ code: communes.code, lon: communes.lon, lat: communes.lat }).from(communes)).map((c) => [c.code, c]));
  const base: Record<string, unknown>[] = [];
  validation.results.forEach((result, i) => {
    const record = result.record;
    const code = record ? resolveCommune(index, record) : undefined;
    if (!record || !code) return;
    const copy = { ...raw[i] };
    if (record.latitude === undefined || record.longitude === undefined) {
      const centre = centres.get(code);
      if (!centre || centre.lon === null || centre.lat === null) return;
      copy.latitude = centre.lat;
      copy.longitude = centre.lon;
    }
    base.push(copy);
  });
  // Same deterministic jitter as bench/map-orientation.ts and bench/import.ts.
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; out.length < PLACES; i++) {
    const r = base[i % base.length] ?? {};
    out.push({
      ...r,
      id: `${String(r.id)}-bench-${Math.floor(i / base.length)}`,
      latitude: Math.round(((r.latitude as number) + random() * 0.02) * 1e6) / 1e6,
      longitude: Math.round(((r.longitude as number) + random() * 0.02) * 1e6) / 1e6,
    });
  }
  return { bytes: new TextEncoder().encode(JSON.stringify(out)), base: base.length };
}

// ---------- timing ----------

type Measure = { label: string; times: number[]; median: number; min: number; othersMs: number; dbMs: number; redone: number };

/** Share of the machine (2 cores) other processes may take during a measure before it is redone. */
const DISTURBED = 0.1;

/**
 * One warm-up, then RUNS timed calls; CPU of PostgreSQL and of the other processes over the timed calls.
 * Waits for a quiet machine first; a measure during which other processes took more than 10 % of the
 * machine is redone (twice at most, then kept and flagged).
 */
async function measure(label: string, fn: () => Promise<unknown> | unknown, postmaster: number, runs = RUNS): Promise<Measure> {
  for (let attempt = 0; ; attempt++) {
    const quiet = await waitForQuiet(Number(process.env.QUIET_WAIT_MS ?? 90_000));
    if (quiet.startsWith("WARNING")) console.log(`  ${quiet}`);
    await fn();
    const times: number[] = [];
    const busy0 = machineBusyMs();
    const self0 = process.cpuUsage();
    const db0 = treeCpuMs(postmaster);
    const wall0 = performance.now();
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    const wall = performance.now() - wall0;
    const self = process.cpuUsage(self0);
    const dbMs = cpuBetween(db0, treeCpuMs(postmaster));
    const othersMs = Math.max(0, machineBusyMs() - busy0 - (self.user + self.system) / 1000 - dbMs);
    const share = othersMs / (2 * wall);
    if (share > DISTURBED && attempt < 2) {
      console.log(`  ${label}: disturbed (other processes took ${(share * 100).toFixed(0)} % of the machine), redone`);
      continue;
    }
    const m = { label, times, median: median(times), min: Math.min(...times), othersMs, dbMs, redone: attempt };
    console.log(
      `${label}: median ${ms(m.median)}, min ${ms(m.min)} (${times.map((t) => t.toFixed(0)).join(", ")} ms); PostgreSQL CPU ${ms(dbMs / runs)} per run; other processes ${(share * 100).toFixed(0)} % of the machine${share > DISTURBED ? " (DISTURBED)" : ""}${attempt ? `, after ${attempt} redo(s)` : ""}`,
    );
    return m;
  }
}

type Pair = { a: Measure; b: Measure };

/**
 * Two ways of computing the same thing, measured in alternating rounds (a then b, then b then a…) after
 * one warm-up of each, so that a busy moment of the machine falls on both sides alike.
 */
async function alternate(labelA: string, a: () => Promise<unknown>, labelB: string, b: () => Promise<unknown>, postmaster: number, runs = RUNS): Promise<Pair> {
  const quiet = await waitForQuiet(Number(process.env.QUIET_WAIT_MS ?? 90_000));
  if (quiet.startsWith("WARNING")) console.log(`  ${quiet}`);
  await a();
  await b();
  const times: { a: number[]; b: number[] } = { a: [], b: [] };
  const busy0 = machineBusyMs();
  const self0 = process.cpuUsage();
  const db0 = treeCpuMs(postmaster);
  const wall0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const side of order) {
      const t0 = performance.now();
      await (side === "a" ? a() : b());
      times[side].push(performance.now() - t0);
    }
  }
  const wall = performance.now() - wall0;
  const self = process.cpuUsage(self0);
  const dbMs = cpuBetween(db0, treeCpuMs(postmaster));
  const othersMs = Math.max(0, machineBusyMs() - busy0 - (self.user + self.system) / 1000 - dbMs);
  const share = othersMs / (2 * wall);
  const m = (label: string, t: number[]): Measure => ({ label, times: t, median: median(t), min: Math.min(...t), othersMs, dbMs, redone: 0 });
  const pair = { a: m(labelA, times.a), b: m(labelB, times.b) };
  for (const x of [pair.a, pair.b]) console.log(`${x.label}: median ${ms(x.median)}, min ${ms(x.min)} (${x.times.map((t) => t.toFixed(0)).join(", ")} ms)`);
  const side = (label: string) => (label.split(" ")[1] ?? label).replace(/:$/, "");
  console.log(`  ratio ${side(labelB)} / ${side(labelA)}: median ${(pair.b.median / pair.a.median).toFixed(2)}×, min ${(pair.b.min / pair.a.min).toFixed(2)}×; other processes ${(share * 100).toFixed(0)} % of the machine over the rounds${share > DISTURBED ? " (DISTURBED)" : ""}`);
  return pair;
}

// ---------- SQL ----------

const lit = (client: pg.Client, text: string) => client.escapeLiteral(text);

function locatedPublic(client: pg.Client, alias: string): string {
  return `${alias}.lat is not null and ${alias}.lon is not null and not (${alias}.access @> array[${lit(client, NO_PUBLIC)}])`;
}

/** Nearest place (any, and per service if asked), white zone and places for each commune of a territory. */
function coverageSql(client: pg.Client, withServices: boolean): string {
  const nearest = (name: string, extra: string) => `
    left join lateral (
      select earth_distance(ll_to_earth(c.lat, c.lon), ll_to_earth(p.lat, p.lon)) / 1000 as km
      from places p
      where ${locatedPublic(client, "p")}${extra} and c.lat is not null and c.lon is not null
      order by ll_to_earth(p.lat, p.lon) <-> ll_to_earth(c.lat, c.lon)
      limit 1
    ) ${name} on true`;
  const services = withServices ? SERVICES.map((s, i) => ({ name: `s${i}`, extra: ` and p.services @> array[${lit(client, s)}]` })) : [];
  // Places per commune counted once, grouped, then joined (not a count per commune).
  return `
    with counts as (
      select p2.commune_code, count(*)::int as n from places p2 where ${locatedPublic(client, "p2")} group by p2.commune_code
    )
    select c.code, n.km,
      (c.lat is not null and (n.km is null or n.km > $2) and c.ifn_total > $3) as white_zone,
      coalesce(k.n, 0) as places
      ${services.map((s) => `, ${s.name}.km as ${s.name}`).join("")}
    from territory_communes tc
    join communes c on c.code = tc.commune_code
    left join counts k on k.commune_code = c.code
    ${nearest("n", "")}
    ${services.map((s) => nearest(s.name, s.extra)).join("")}
    where tc.territory_id = $1
    order by c.code`;
}

type SqlRow = { code: string; km: number | null; white_zone: boolean | null; places: number } & Record<string, number | null>;

// ---------- comparison ----------

function compare(ts: CoverageResult, rows: SqlRow[], withServices: boolean): { maxDiff: number; maxDiffServices: number; whiteTs: number; whiteSql: number; mismatches: number; placesMismatch: number } {
  const bySql = new Map(rows.map((r) => [r.code, r]));
  let maxDiff = 0;
  let maxDiffServices = 0;
  let mismatches = 0;
  let placesMismatch = 0;
  for (const c of ts.communes) {
    const r = bySql.get(c.code);
    if (!r) {
      mismatches++;
      continue;
    }
    if ((c.nearestKm === null) !== (r.km === null)) mismatches++;
    else if (c.nearestKm !== null && r.km !== null) maxDiff = Math.max(maxDiff, Math.abs(c.nearestKm - r.km));
    if ((c.whiteZone === true) !== (r.white_zone === true)) mismatches++;
    if (c.places !== r.places) placesMismatch++;
    if (withServices) {
      SERVICES.forEach((s, i) => {
        const a = c.nearestKmByService[s];
        const b = r[`s${i}`] ?? null;
        if ((a === null) !== (b === null)) mismatches++;
        else if (a !== null && b !== null) maxDiffServices = Math.max(maxDiffServices, Math.abs(a - b));
      });
    }
  }
  return {
    maxDiff,
    maxDiffServices,
    whiteTs: ts.communes.filter((c) => c.whiteZone === true).length,
    whiteSql: rows.filter((r) => r.white_zone === true).length,
    mismatches: mismatches + Math.abs(ts.communes.length - rows.length),
    placesMismatch,
  };
}

// ---------- run ----------

await main(async () => {
  console.log(machine());
  console.log(await waitForQuiet());
  const t0 = performance.now();
  const cluster = startPgCluster();
  const url = await createPgDatabase(cluster.url, "diagnostic");
  const postmaster = Number(fs.readFileSync(path.join(cluster.dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  const database = await openDatabase({ DATABASE_URL: url, dataDir: "" });
  onCleanup(() => database.close());
  await prepareDatabase(database, { DEMO: false });
  const { bytes, base } = await placesFile(database);
  const report = await importPlaces(database.db, { kind: "system", label: "bench" }, { bytes, filename: "lieux-bench.json", dryRun: false });
  console.log(`data: ${base} usable real records repeated to ${PLACES}: ${report.created} places written, ${report.rejected} rejected`);

  // Territories: France (every commune; above the 5,000 of a custom perimeter, so written directly) and a région.
  const [france] = await database.db.insert(territories).values({ slug: "bench-france", name: "France entière (bench)", kind: "custom" }).returning();
  if (!france) throw new Error("no territory");
  const codes = (await database.db.select({ code: communes.code }).from(communes)).map((c) => c.code);
  for (let i = 0; i < codes.length; i += 5000) {
    await database.db.insert(territoryCommunes).values(codes.slice(i, i + 5000).map((communeCode) => ({ territoryId: france.id, communeCode })));
  }
  const region = await createTestTerritory(database.db, { kind: "region", code: "75", slug: "nouvelle-aquitaine" });

  // PostgreSQL side: earthdistance on a sphere of 6,371 km, a GiST index for all places and one per service.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  onCleanup(() => client.end());
  await client.query("create extension if not exists cube; create extension if not exists earthdistance");
  await client.query(`create or replace function earth() returns float8 language sql immutable parallel safe as 'select ''6371000''::float8'`);
  const tIndex = performance.now();
  await client.query(`create index places_earth_idx on places using gist (ll_to_earth(lat, lon)) where ${locatedPublic(client, "places")}`);
  const allIndexMs = performance.now() - tIndex;
  const tServices = performance.now();
  for (const [i, s] of SERVICES.entries()) {
    await client.query(`create index places_earth_s${i}_idx on places using gist (ll_to_earth(lat, lon)) where ${locatedPublic(client, "places")} and services @> array[${lit(client, s)}]`);
  }
  const serviceIndexMs = performance.now() - tServices;
  await client.query("vacuum analyze");
  console.log(`setup (not timed): ${((performance.now() - t0) / 1000).toFixed(1)} s; GiST indexes: all places ${ms(allIndexMs)}, 9 per service ${ms(serviceIndexMs)}`);

  const plan = await client.query(`explain ${coverageSql(client, false)}`, [france.id, settings.distanceKm, settings.ifnThreshold]);
  const planText = plan.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
  console.log(`plan of the SQL query (A):\n${planText}`);
  if (!/places_earth_idx/.test(planText)) console.log("WARNING: the nearest-neighbour search does not use the GiST index");

  // Inputs in memory for A and B.
  const franceCommunes = await loadCoverageCommunes(database.db, france.id);
  const placeRows = await loadCoveragePlaces(database.db);
  const located = franceCommunes.filter((c) => c.lon !== null && c.lat !== null).length;
  const perService = SERVICES.map((s) => placeRows.filter((p) => p.services.includes(s)).length);
  console.log(`inputs: ${franceCommunes.length} communes (${located} with a representative point), ${placeRows.length} places with a position open to the public; per service: ${perService.join(", ")}`);

  const buildFull = await measure("TS index build, all places + 9 services", () => buildPlaceIndexes(placeRows), postmaster);

  await client.query("set jit = off");
  const queryA = coverageSql(client, false);
  const queryB = coverageSql(client, true);
  const planAnalyzed = await client.query(`explain (analyze, buffers off) ${queryA}`, [france.id, settings.distanceKm, settings.ifnThreshold]);
  console.log(`plan of the SQL query (A), JIT off, analyzed:\n${planAnalyzed.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n")}`);

  // End to end, TypeScript: what territoryCoverage does on a cold cache, without its cache.
  const withoutServices = (rows: typeof placeRows) => rows.map((p) => ({ ...p, services: [] }));
  let tsA: CoverageResult = computeCoverage(franceCommunes, buildPlaceIndexes(withoutServices(placeRows)), settings);
  let sqlA: SqlRow[] = [];
  console.log("\nA. nearest place + white zone + places per commune, France, end to end (database to answer), alternating rounds");
  const pairA = await alternate(
    "A TypeScript: read communes + places, build the tree, computeCoverage",
    async () => {
      const [communeRows, placeList] = await Promise.all([loadCoverageCommunes(database.db, france.id), loadCoveragePlaces(database.db)]);
      tsA = computeCoverage(communeRows, buildPlaceIndexes(withoutServices(placeList)), settings);
    },
    "A PostgreSQL: one query (JIT off, counts grouped once, lateral nearest-neighbour per commune)",
    async () => {
      sqlA = (await client.query<SqlRow>(queryA, [france.id, settings.distanceKm, settings.ifnThreshold])).rows;
    },
    postmaster,
  );
  const allOnly: PlaceIndexes = buildPlaceIndexes(withoutServices(placeRows));
  const memoryA = await measure("A (reference) TypeScript computeCoverage alone, inputs and tree already in memory", () => computeCoverage(franceCommunes, allOnly, settings), postmaster);
  const checkA = compare(tsA, sqlA, false);
  console.log(`A agreement: max |TS − SQL| nearest ${checkA.maxDiff.toExponential(2)} km; white zones TS ${checkA.whiteTs} / SQL ${checkA.whiteSql}; mismatches ${checkA.mismatches}; places-per-commune mismatches ${checkA.placesMismatch}`);

  console.log("\nB. the same plus the nearest place per service (9), France, end to end, alternating rounds");
  let tsB: CoverageResult = tsA;
  let sqlB: SqlRow[] = [];
  const pairB = await alternate(
    "B TypeScript: read communes + places, build 10 trees, computeCoverage",
    async () => {
      const [communeRows, placeList] = await Promise.all([loadCoverageCommunes(database.db, france.id), loadCoveragePlaces(database.db)]);
      tsB = computeCoverage(communeRows, buildPlaceIndexes(placeList), settings);
    },
    "B PostgreSQL: one query, 10 lateral nearest-neighbour joins per commune (JIT off)",
    async () => {
      sqlB = (await client.query<SqlRow>(queryB, [france.id, settings.distanceKm, settings.ifnThreshold])).rows;
    },
    postmaster,
    Math.min(RUNS, 3),
  );
  const checkB = compare(tsB, sqlB, true);
  console.log(`B agreement: max |TS − SQL| nearest ${checkB.maxDiff.toExponential(2)} km, per service ${checkB.maxDiffServices.toExponential(2)} km; white zones TS ${checkB.whiteTs} / SQL ${checkB.whiteSql}; mismatches ${checkB.mismatches}`);
  const t = tsB.totals;
  console.log(`France totals (${settings.distanceKm} km, IFN > ${settings.ifnThreshold}): population ${t.population}, farther than ${settings.distanceKm} km from any place ${t.far.population} (${t.far.communes} communes), white zones ${t.whiteZones.communes} (${t.whiteZones.population} inhabitants), no position ${t.noPosition.communes}`);

  console.log("\nC. territoryCoverage as the pages call it (PostgreSQL)");
  const invalidate = async () => {
    // Touch one place: the places version changes, the next call rebuilds the index.
    await database.db.execute(sql`update places set modified_at = now() where id = (select id from places limit 1)`);
  };
  const loadPlaces = await measure("C load places (20,000 rows) + build indexes", async () => {
    await invalidate();
    await coveragePlaceIndexes(database.db);
  }, postmaster, 5);
  const franceCold = await measure("C France, cold (places changed: index rebuilt)", async () => {
    await invalidate();
    await territoryCoverage(database.db, france.id, settings);
  }, postmaster, 5);
  const franceWarm = await measure("C France, warm (index reused)", () => territoryCoverage(database.db, france.id, settings), postmaster);
  const communesLoad = await measure("C France, reading the communes alone", () => loadCoverageCommunes(database.db, france.id), postmaster);
  const regionWarm = await measure("C Nouvelle-Aquitaine (4,293 communes), warm", () => territoryCoverage(database.db, region.id, settings), postmaster);
  const regionCold = await measure("C Nouvelle-Aquitaine, cold", async () => {
    await invalidate();
    await territoryCoverage(database.db, region.id, settings);
  }, postmaster, 5);

  const ratioA = pairA.b.median / pairA.a.median;
  const ratioB = pairB.b.median / pairB.a.median;
  console.log("\nSummary (end to end, alternating rounds)");
  console.log(`A France: TypeScript median ${ms(pairA.a.median)} (min ${ms(pairA.a.min)}) vs PostgreSQL median ${ms(pairA.b.median)} (min ${ms(pairA.b.min)}): SQL / TS = ${ratioA.toFixed(2)}× (median), ${(pairA.b.min / pairA.a.min).toFixed(2)}× (min); computeCoverage alone in memory ${ms(memoryA.median)}`);
  console.log(`B France with 9 services: TypeScript median ${ms(pairB.a.median)} (min ${ms(pairB.a.min)}) vs PostgreSQL median ${ms(pairB.b.median)} (min ${ms(pairB.b.min)}): SQL / TS = ${ratioB.toFixed(2)}× (median)`);
  console.log(`index build ${ms(buildFull.median)}; load+build ${ms(loadPlaces.median)}; France cold ${ms(franceCold.median)}, warm ${ms(franceWarm.median)} (communes read ${ms(communesLoad.median)}); région cold ${ms(regionCold.median)}, warm ${ms(regionWarm.median)}`);
  const pass = pairA.a.median < TARGET_MS && ratioA > 1;
  const agree = checkA.mismatches === 0 && checkB.mismatches === 0 && checkA.placesMismatch === 0 && checkA.maxDiff < 1e-6 && checkB.maxDiffServices < 1e-6;
  console.log(`Target A: TypeScript end to end < 1 s for France and faster than SQL: ${pass ? "PASS" : "FAIL"}`);
  console.log(`Target B (same targets, with the 9 services): ${pairB.a.median < TARGET_MS && ratioB > 1 ? "PASS" : "FAIL"}`);
  console.log(`Agreement TS / SQL (same nearest distances to 1 mm… 1e-6 km, same white zones): ${agree ? "yes" : "NO"}`);
});

import { readdirSync } from "node:fs";
import path from "node:path";
import { bbox as topoBbox } from "topojson-client";
import { z } from "zod";
import { folderSize } from "./output";
import { pointInRings, polygonsOf } from "./point";
import { CONTOURS_DIR, IFN_KEYS, OUT_DIR } from "./settings";
import { areaObjectToGeoJson, type NamedAreaObject, type Topology } from "./topo";
import { check, readJson } from "./util";

// ---------------------------------------------------------------------------
// Sanity checks: they read the written files back
// ---------------------------------------------------------------------------

export const tableSchema = z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) });

export function readTable(file: string, dir: string = OUT_DIR): Map<string, Record<string, string | number | null>> {
  const table = tableSchema.parse(readJson(path.join(dir, file)));
  const records = new Map<string, Record<string, string | number | null>>();
  let previous = "";
  for (const row of table.rows) {
    const record = Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null]));
    const code = String(record["code"]);
    check(code > previous, `${file}: codes not strictly sorted at ${code}`);
    previous = code;
    records.set(code, record);
  }
  return records;
}

export function readContours(file: string, objectName: string, dir: string = CONTOURS_DIR): { topo: Topology; geometries: NamedAreaObject[] } {
  const topo = readJson(path.join(dir, file)) as Topology;
  const object = topo.objects[objectName];
  check(object?.type === "GeometryCollection", `${file}: no GeometryCollection "${objectName}"`);
  return { topo, geometries: object.geometries as NamedAreaObject[] };
}

export function runSanityChecks(): void {
  const communes = readTable("communes.json");
  const epci = readTable("epci.json");
  const departements = readTable("departements.json");
  const regions = readTable("regions.json");

  check(communes.size >= 34_000 && communes.size <= 36_000, `${communes.size} current communes, expected 34,000–36,000`);
  for (const [code, c] of communes) {
    check(departements.has(String(c["departement"])), `${code}: unknown département ${c["departement"]}`);
    check(regions.has(String(c["region"])), `${code}: unknown région ${c["region"]}`);
    check(c["epci"] === null || epci.has(String(c["epci"])), `${code}: unknown EPCI ${c["epci"]}`);
    check((c["lon"] === null) === (c["lat"] === null), `${code}: half a point`);
    for (const key of IFN_KEYS) {
      const value = c[key];
      check(value === null || (typeof value === "number" && value >= 0 && value <= 10), `${code}: ${key}=${value} outside 0–10`);
    }
  }
  const populationOf = (table: Map<string, Record<string, string | number | null>>): number =>
    [...table.values()].reduce((sum, r) => sum + (typeof r["population"] === "number" ? r["population"] : 0), 0);
  check(populationOf(departements) === populationOf(communes), "départements' populations do not add up to the communes'");
  check(populationOf(regions) === populationOf(communes), "régions' populations do not add up to the communes'");

  const angouleme = communes.get("16015");
  check(angouleme !== undefined, "Angoulême (16015) missing");
  check(angouleme["departement"] === "16", "Angoulême not in département 16");
  check(typeof angouleme["population"] === "number" && angouleme["population"] > 30_000, "Angoulême population ≤ 30,000");
  const charente = readContours("16.topo.json", "communes");
  const [minX, minY, maxX, maxY] = topoBbox(charente.topo);
  const lon = Number(angouleme["lon"]);
  const lat = Number(angouleme["lat"]);
  check(lon > minX && lon < maxX && lat > minY && lat < maxY, `Angoulême's point ${lon},${lat} outside Charente's bbox`);
  const angoulemeShape = charente.geometries.find((g) => g.id === "16015");
  check(angoulemeShape !== undefined, "Angoulême has no contour in 16.topo.json");
  check(
    polygonsOf(areaObjectToGeoJson(charente.topo, angoulemeShape)).some((p) => pointInRings(lon, lat, p)),
    "Angoulême's point is not inside its (simplified) contour",
  );

  const charenteIds = new Set(charente.geometries.map((g) => g.id));
  check(charenteIds.size === charente.geometries.length, "duplicate ids in 16.topo.json");
  for (const [code, c] of communes) {
    if (c["departement"] !== "16") continue;
    check(charenteIds.has(code), `Charente commune ${code} has no contour`);
    check(c["lon"] !== null, `Charente commune ${code} has no point`);
  }
  // A commune nouvelle of Charente since 2018 (its parts are checked in main).
  check(charenteIds.has("16023") && communes.has("16023"), "Aunac-sur-Charente (16023) missing");

  for (const file of readdirSync(CONTOURS_DIR).filter((f) => /^[0-9AB]+\.topo\.json$/.test(f))) {
    const departement = file.replace(".topo.json", "");
    for (const g of readContours(file, "communes").geometries) {
      check(communes.get(g.id)?.["departement"] === departement, `${file}: ${g.id} is not a current commune of ${departement}`);
    }
  }
  const departementsTopo = readContours("departements.topo.json", "departements");
  for (const g of departementsTopo.geometries) check(departements.has(g.id), `departements.topo.json: unknown ${g.id}`);

  check(folderSize(OUT_DIR) < 15 * 1024 * 1024, "data/ is over 15 MB");
}

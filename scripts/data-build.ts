/**
 * data-build — builds the compact reference data committed under `data/`.
 *
 * Run: `npm run data:build` (= `tsx scripts/data-build.ts`), with the shared
 * reference data checked out beside the project (`../shared/data`), or point
 * MAILLAGE_SHARED_DATA at that folder.
 *
 * Inputs (read only):
 *   - ../shared/data/geo/france-geojson-2018/  commune & département contours, COG 2018
 *   - ../shared/data/ifn/                      Indice de fragilité numérique (La Mednum)
 *   - node_modules/@etalab/decoupage-administratif/data/*.json  current COG
 * Outputs: data/communes.json, data/anciennes-communes.json, data/epci.json, data/departements.json,
 *   data/regions.json, data/contours/<département>.topo.json,
 *   data/contours/departements.topo.json. data/README.md is written by hand.
 *
 * The output only depends on the inputs (no timestamps, everything sorted by
 * code), so re-running it on the same inputs gives byte-identical files.
 * Sanity checks at the end read the written files back and throw on failure.
 *
 * This file only sequences the steps; each step is one file under scripts/data-build/, tested there
 * on small hand-written fixtures (`npx vitest run scripts/data-build/`).
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildSuccessorIndex, currentCommunes, loadCog } from "./data-build/cog";
import { loadCommuneContours2018, type Contour2018 } from "./data-build/contours-2018";
import { copyDemoPlaces } from "./data-build/demo-places";
import { buildDepartementContours, buildDepartementsTopology, type CommuneGeo } from "./data-build/departement-contours";
import { formerCommuneRows } from "./data-build/former-names";
import { loadIfn, matchCommuneIfn, roundIfn, type IfnMatch } from "./data-build/ifn";
import { sumPopulation, tableJson, writeOutput } from "./data-build/output";
import { runSanityChecks } from "./data-build/sanity";
import {
  COG_DIR,
  COMMUNES_GEO_DIR,
  CONTOURS_DIR,
  DEPARTEMENTS_GEO_FILE,
  FRANCE_GEOJSON_COMMIT,
  IFN_COMMUNES_FILE,
  IFN_EPCI_FILE,
  IFN_KEYS,
  OUT_DIR,
} from "./data-build/settings";
import { printSummary } from "./data-build/summary";
import { byCode, check, groupBy, timed } from "./data-build/util";

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function main(): void {
  const started = performance.now();
  for (const required of [COMMUNES_GEO_DIR, DEPARTEMENTS_GEO_FILE, IFN_COMMUNES_FILE, IFN_EPCI_FILE, COG_DIR]) {
    if (!existsSync(required)) {
      throw new Error(`missing input ${required}: put the shared data beside the project (../shared/data) or set MAILLAGE_SHARED_DATA`);
    }
  }
  console.log("data-build: phases");

  const cog = timed("read COG (@etalab/decoupage-administratif)", loadCog);
  const communes = currentCommunes(cog);
  const { successorOf, disagreements } = buildSuccessorIndex(cog);
  const arrondissementsOf = groupBy(
    cog.communes.filter((c) => c.type === "arrondissement-municipal" && c.commune),
    (c) => c.commune ?? "",
  );
  const source = [
    `COG: INSEE via @etalab/decoupage-administratif ${cog.version}${cog.millesime ? ` (millésime ${cog.millesime})` : ""}`,
    `contours: IGN Admin Express COG 2018 via gregoiredavid/france-geojson@${FRANCE_GEOJSON_COMMIT.slice(0, 7)}`,
    "IFN: La Mednum via inclusion-numerique/stack",
  ].join("; ");
  const meta = { source, millesime: cog.millesime };

  // Former (2018) contours → current communes.
  const contours2018 = timed("read 2018 contours", loadCommuneContours2018);
  const partsOf = new Map<string, Contour2018[]>();
  const orphanContours: string[] = [];
  for (const contour of [...contours2018.values()].sort(byCode)) {
    const successor = successorOf.get(contour.code);
    if (!successor) orphanContours.push(`${contour.code} ${contour.name}`);
    else if (partsOf.has(successor)) partsOf.get(successor)?.push(contour);
    else partsOf.set(successor, [contour]);
  }

  // Every former code of each current commune (for the IFN fallback).
  const formerCodesOf = groupBy(successorOf.keys(), (code) => successorOf.get(code) ?? "");

  // IFN.
  const ifnCommunes = timed("read IFN", () => loadIfn(IFN_COMMUNES_FILE));
  const ifnEpci = loadIfn(IFN_EPCI_FILE);
  const ifnOf = new Map<string, IfnMatch>();
  for (const commune of communes) {
    ifnOf.set(
      commune.code,
      matchCommuneIfn(commune, ifnCommunes.rows, formerCodesOf.get(commune.code) ?? [], arrondissementsOf.get(commune.code) ?? []),
    );
  }

  // Contours and representative points, one département at a time.
  rmSync(CONTOURS_DIR, { recursive: true, force: true }); // no stale files from a previous build
  mkdirSync(CONTOURS_DIR, { recursive: true });
  const geoOf = new Map<string, CommuneGeo>();
  const contourSizes = new Map<string, number>();
  timed("contours + points per département", () => {
    for (const [departement, members] of [...groupBy(communes, (c) => c.departement)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { topo, geo } = buildDepartementContours(members, partsOf);
      for (const [code, g] of geo) geoOf.set(code, g);
      if (!topo) continue;
      const content = JSON.stringify(topo);
      writeOutput(path.join(CONTOURS_DIR, `${departement}.topo.json`), content);
      contourSizes.set(departement, Buffer.byteLength(content));
    }
  });
  const departementNames = new Map(cog.departements.map((d) => [d.code, d.nom]));
  timed("départements contours", () =>
    writeOutput(path.join(CONTOURS_DIR, "departements.topo.json"), JSON.stringify(buildDepartementsTopology(departementNames))),
  );

  // Tables.
  timed("tables", () => {
    writeOutput(
      path.join(OUT_DIR, "communes.json"),
      tableJson(
        meta,
        ["code", "name", "departement", "region", "epci", "population", "postcodes", "lon", "lat", ...IFN_KEYS],
        communes.map((c) => {
          const point = geoOf.get(c.code)?.point ?? null;
          return [
            c.code,
            c.name,
            c.departement,
            c.region,
            c.epci,
            c.population,
            c.postcodes,
            point?.[0] ?? null,
            point?.[1] ?? null,
            ...roundIfn(ifnOf.get(c.code)?.values ?? null),
          ];
        }),
      ),
    );
    // Former communes' names (communes nouvelles), for the import's commune resolution.
    writeOutput(
      path.join(OUT_DIR, "anciennes-communes.json"),
      tableJson(meta, ["former_code", "name", "code"], formerCommuneRows(cog, contours2018.values(), successorOf)),
    );
    const communesByEpci = groupBy(
      communes.filter((c) => c.epci),
      (c) => c.epci ?? "",
    );
    writeOutput(
      path.join(OUT_DIR, "epci.json"),
      tableJson(
        meta,
        ["code", "name", "type", "population", ...IFN_KEYS],
        [...cog.epci]
          .sort(byCode)
          .map((e) => [e.code, e.nom, e.type, sumPopulation(communesByEpci.get(e.code) ?? []), ...roundIfn(ifnEpci.rows.get(e.code)?.values ?? null)]),
      ),
    );
    const communesByDepartement = groupBy(communes, (c) => c.departement);
    writeOutput(
      path.join(OUT_DIR, "departements.json"),
      tableJson(
        meta,
        ["code", "name", "region", "population"],
        [...cog.departements].sort(byCode).map((d) => [d.code, d.nom, d.region, sumPopulation(communesByDepartement.get(d.code) ?? [])]),
      ),
    );
    const communesByRegion = groupBy(communes, (c) => c.region);
    writeOutput(
      path.join(OUT_DIR, "regions.json"),
      tableJson(
        meta,
        ["code", "name", "population"],
        [...cog.regions].sort(byCode).map((r) => [r.code, r.nom, sumPopulation(communesByRegion.get(r.code) ?? [])]),
      ),
    );
  });

  // Aunac-sur-Charente absorbed Moutonneau (16238) after 2018: its contour must combine both.
  check((geoOf.get("16023")?.parts ?? 0) >= 2, "Aunac-sur-Charente (16023) not built from its former communes");
  timed("sanity checks (reading the files back)", runSanityChecks);

  printSummary({
    cog,
    communes,
    geoOf,
    ifnOf,
    ifnCommunes,
    ifnEpci,
    orphanContours,
    disagreements,
    contourSizes,
    formerCodesOf,
    knownCodes: new Set([...successorOf.keys(), ...cog.communes.map((c) => c.code)]),
  });
  console.log(`\ndata-build: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}


main();
copyDemoPlaces();
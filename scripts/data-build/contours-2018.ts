import { readdirSync } from "node:fs";
import path from "node:path";
import type * as GeoJSON from "geojson";
import { COMMUNES_GEO_DIR } from "./settings";
import { check, readJson } from "./util";

// ---------------------------------------------------------------------------
// 2018 contours (france-geojson)
// ---------------------------------------------------------------------------

export type AreaGeometry = GeoJSON.Polygon | GeoJSON.MultiPolygon;

export interface Contour2018 {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

export function readFeatures(file: string): Contour2018[] {
  const collection = readJson(file) as GeoJSON.FeatureCollection;
  check(collection.type === "FeatureCollection", `${file} is not a FeatureCollection`);
  return collection.features.map((f, i) => {
    const props = f.properties ?? {};
    const code: unknown = props["code"];
    const name: unknown = props["nom"];
    if (typeof code !== "string" || typeof name !== "string") throw new Error(`${file}: feature ${i} has no code/nom`);
    if (f.geometry?.type !== "Polygon" && f.geometry?.type !== "MultiPolygon") {
      throw new Error(`${file}: feature ${code} is not a (Multi)Polygon`);
    }
    return { code, name, geometry: f.geometry };
  });
}

export function loadCommuneContours2018(dir: string = COMMUNES_GEO_DIR): Map<string, Contour2018> {
  const contours = new Map<string, Contour2018>();
  const files = readdirSync(dir).filter((f) => /^communes-.+\.geojson$/.test(f)).sort();
  check(files.length > 90, `expected ~101 commune files in ${dir}, found ${files.length}`);
  for (const file of files) {
    for (const contour of readFeatures(path.join(dir, file))) {
      if (contours.has(contour.code)) throw new Error(`2018 commune ${contour.code} appears twice`);
      contours.set(contour.code, contour);
    }
  }
  return contours;
}

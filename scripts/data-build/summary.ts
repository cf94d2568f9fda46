import { statSync } from "node:fs";
import path from "node:path";
import type { Cog, CurrentCommune } from "./cog";
import type { CommuneGeo } from "./departement-contours";
import type { IfnMatch, loadIfn } from "./ifn";
import { folderSize } from "./output";
import { OUT_DIR } from "./settings";
import { byCode, formatBytes, groupBy } from "./util";

export interface SummaryInput {
  cog: Cog;
  communes: CurrentCommune[];
  geoOf: Map<string, CommuneGeo>;
  ifnOf: Map<string, IfnMatch>;
  ifnCommunes: ReturnType<typeof loadIfn>;
  ifnEpci: ReturnType<typeof loadIfn>;
  orphanContours: string[];
  disagreements: string[];
  contourSizes: Map<string, number>;
  formerCodesOf: Map<string, string[]>;
  /** Every commune code the COG knows: current, former (records or anciensCodes), arrondissement municipal. */
  knownCodes: Set<string>;
}

/** "Saint-Pompon" ≈ "saint pompon": compares names across sources. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function list(items: readonly string[], max = 40): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")}, … (+${items.length - max})`;
}

export function printSummary(s: SummaryInput): void {
  const label = (c: CurrentCommune): string => `${c.code} ${c.name}`;
  const isCom = (c: CurrentCommune): boolean => c.zone === "com";
  const zones = groupBy(s.communes, (c) => c.zone);
  console.log("\nCommunes");
  console.log(
    `  current communes: ${s.communes.length} (${[...zones].map(([zone, members]) => `${zone} ${members.length}`).join(", ")})`,
  );
  const merged = s.communes.filter((c) => (s.geoOf.get(c.code)?.parts ?? 0) > 1);
  console.log(`  with a contour: ${s.geoOf.size}, of which ${merged.length} built from several 2018 communes`);
  const noContour = s.communes.filter((c) => !s.geoOf.has(c.code));
  const noContourCom = noContour.filter(isCom);
  const noContourOther = noContour.filter((c) => !isCom(c));
  console.log(`  without contour (lon/lat null): ${noContour.length}`);
  console.log(`    - outside the COM (unexpected, see README): ${noContourOther.length}: ${list(noContourOther.map(label))}`);
  console.log(
    `    - in the collectivités d'outre-mer (no IGN 2018 contour): ${noContourCom.length}: ${list(noContourCom.map(label), 100)}`,
  );
  const noPoint = s.communes.filter((c) => s.geoOf.has(c.code) && !s.geoOf.get(c.code)?.point);
  const outside = s.communes.filter((c) => s.geoOf.get(c.code)?.pointOutside);
  console.log(`  contour but no point: ${noPoint.length}${noPoint.length ? `: ${list(noPoint.map(label))}` : ""}`);
  console.log(`  rounded point outside its contour: ${outside.length}${outside.length ? `: ${list(outside.map(label))}` : ""}`);
  if (s.orphanContours.length) console.log(`  2018 contours with no current commune: ${list(s.orphanContours)}`);
  if (s.disagreements.length) console.log(`  COG quirks, anciensCodes vs chefLieu (chefLieu kept): ${list(s.disagreements)}`);

  console.log("\nIFN (communes)");
  const bySource = groupBy(s.communes, (c) => s.ifnOf.get(c.code)?.source ?? "none");
  for (const source of ["own", "parts-population-weighted", "parts-unweighted", "none"] as const) {
    const members = bySource.get(source) ?? [];
    const shown = source === "own" ? "" : `: ${list(members.filter((c) => !isCom(c)).map(label))}`;
    const com = source === "none" ? ` (+ ${members.filter(isCom).length} COM communes, not covered by the IFN)` : "";
    console.log(`  ${source}: ${members.length}${shown}${com}`);
  }
  const used = new Set([...s.ifnOf.values()].flatMap((m) => m.usedCodes));
  const unused = [...s.ifnCommunes.rows.values()].filter((r) => !used.has(r.code)).map((r) => `${r.code} ${r.name}`);
  const unknown = [...s.ifnCommunes.rows.keys()].filter((code) => !s.knownCodes.has(code));
  console.log(`  IFN rows not used: ${unused.length} (codes unknown to the COG: ${unknown.length}): ${list(unused, 12)}`);
  const renamed = s.communes.filter((c) => {
    const row = s.ifnOf.get(c.code)?.source === "own" ? s.ifnCommunes.rows.get(c.code) : undefined;
    return row !== undefined && normalizeName(row.name) !== normalizeName(c.name);
  });
  console.log(`  own rows under another name (renamed, or merged since the IFN): ${renamed.length}`);
  // Rows of former communes not used because the current code has its own row:
  // the IFN predates these mergers, so the commune gets its chef-lieu's values.
  const partial = s.communes.filter(
    (c) =>
      s.ifnOf.get(c.code)?.source === "own" &&
      (s.formerCodesOf.get(c.code) ?? []).some((code) => code !== c.code && s.ifnCommunes.rows.has(code)),
  );
  console.log(`  communes whose own row predates a merger (former communes' rows ignored): ${partial.length}`);
  console.log(`  empty IFN rows ignored: ${list(s.ifnCommunes.empty)}; duplicate codes: ${s.ifnCommunes.duplicates.length}`);

  console.log("\nEPCI");
  const epciWithoutIfn = s.cog.epci.filter((e) => !s.ifnEpci.rows.has(e.code)).sort(byCode);
  console.log(`  EPCI: ${s.cog.epci.length}, without IFN: ${epciWithoutIfn.length}: ${list(epciWithoutIfn.map((e) => `${e.code} ${e.nom}`))}`);
  const noEpci = s.communes.filter((c) => !c.epci && !isCom(c));
  console.log(`  communes (outside the COM) in no EPCI: ${list(noEpci.map(label))}`);
  console.log(`  départements: ${s.cog.departements.length}, régions: ${s.cog.regions.length}`);

  console.log("\nFiles");
  for (const file of ["communes.json", "epci.json", "departements.json", "regions.json", "contours/departements.topo.json"]) {
    console.log(`  data/${file.padEnd(32)} ${formatBytes(statSync(path.join(OUT_DIR, file)).size)}`);
  }
  const sizes = [...s.contourSizes].sort(([, a], [, b]) => a - b);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const median = sizes[Math.floor(sizes.length / 2)]?.[1] ?? 0;
  console.log(
    `  data/contours/<dép>.topo.json × ${sizes.length}: total ${formatBytes(total)}, median ${formatBytes(median)}, largest ${sizes
      .slice(-3)
      .reverse()
      .map(([d, size]) => `${d} ${formatBytes(size)}`)
      .join(", ")}`,
  );
  console.log(`  data/ in all: ${formatBytes(folderSize(OUT_DIR))}`);
}

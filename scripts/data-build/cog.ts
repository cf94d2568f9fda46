import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { COG_DIR } from "./settings";
import { byCode, readJson } from "./util";

// ---------------------------------------------------------------------------
// Current COG (@etalab/decoupage-administratif)
// ---------------------------------------------------------------------------

export const communeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);
// Unknown record types make the parse fail on purpose: a new type would mean the
// package changed meaning, and the former→current mapping below must be revisited.
export const cogCommuneSchema = z.object({
  code: communeCode,
  nom: z.string().min(1),
  type: z.enum(["commune-actuelle", "commune-deleguee", "commune-associee", "arrondissement-municipal"]),
  zone: z.string(),
  departement: z.string().min(2),
  region: z.string().min(2),
  population: z.number().int().nonnegative().optional(),
  codesPostaux: z.array(z.string().regex(/^\d{5}$/)).optional(),
  chefLieu: communeCode.optional(),
  anciensCodes: z.array(communeCode).optional(),
  commune: communeCode.optional(),
});
export type CogCommune = z.infer<typeof cogCommuneSchema>;

export const cogEpciSchema = z.object({
  code: z.string().regex(/^\d{9}$/),
  nom: z.string().min(1),
  type: z.string().min(1),
  membres: z.array(z.object({ code: communeCode })),
});
export const cogDepartementSchema = z.object({ code: z.string(), nom: z.string(), region: z.string(), zone: z.string() });
export const cogRegionSchema = z.object({ code: z.string(), nom: z.string(), zone: z.string() });

export interface Cog {
  version: string;
  millesime: string | null;
  communes: CogCommune[];
  epci: z.infer<typeof cogEpciSchema>[];
  departements: z.infer<typeof cogDepartementSchema>[];
  regions: z.infer<typeof cogRegionSchema>[];
}

/** `dir`: the package folder (a fixture in tests). */
export function loadCog(dir: string = COG_DIR): Cog {
  const read = <T>(name: string, schema: z.ZodType<T>): T[] =>
    z.array(schema).parse(readJson(path.join(dir, "data", `${name}.json`)));
  const version = z.object({ version: z.string() }).parse(readJson(path.join(dir, "package.json"))).version;
  return {
    version,
    millesime: findMillesime(version, dir),
    communes: read("communes", cogCommuneSchema),
    epci: read("epci", cogEpciSchema),
    departements: read("departements", cogDepartementSchema),
    regions: read("regions", cogRegionSchema),
  };
}

/**
 * The package has no millésime field; its README has a table "| Année | Version
 * du package |" (e.g. "| 2026 | 6.0.0 |"). Null rather than a guess if not found.
 */
export function findMillesime(version: string, dir: string = COG_DIR): string | null {
  const readme = readFileSync(path.join(dir, "README.md"), "utf8");
  for (const match of readme.matchAll(/^\|\s*(\d{4})\s*\|\s*([^|]+?)\s*\|/gm)) {
    if (match[2] === version && match[1]) return match[1];
  }
  return null;
}

export interface CurrentCommune {
  code: string;
  name: string;
  departement: string;
  region: string;
  zone: string;
  population: number | null;
  postcodes: string | null;
  epci: string | null;
}

export function currentCommunes(cog: Cog): CurrentCommune[] {
  const epciOf = new Map<string, string>();
  for (const epci of cog.epci) {
    for (const member of epci.membres) {
      const previous = epciOf.get(member.code);
      if (previous) throw new Error(`commune ${member.code} is in two EPCI: ${previous} and ${epci.code}`);
      epciOf.set(member.code, epci.code);
    }
  }
  return cog.communes
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => ({
      code: c.code,
      name: c.nom,
      departement: c.departement,
      region: c.region,
      zone: c.zone,
      population: c.population ?? null,
      postcodes: c.codesPostaux?.length ? [...new Set(c.codesPostaux)].sort().join(" ") : null,
      epci: epciOf.get(c.code) ?? null,
    }))
    .sort(byCode);
}

/**
 * Maps every code that designated a commune (2018 contours, IFN rows) to the
 * current commune covering it today. Order of trust:
 *   1. the code is itself a current commune (also true of most chefs-lieux of
 *      communes nouvelles, which kept the code of one former commune);
 *   2. a current `commune-deleguee`/`commune-associee` record → its `chefLieu`;
 *   3. `anciensCodes` of a current commune (covers former communes that were
 *      merged without becoming communes déléguées).
 * (2) wins over (3) because the package's anciensCodes is derived from the
 * history of moves and is wrong after a "scission" (e.g. 60455 La Neuville-Garnier
 * is in 60054's anciensCodes though it is a commune déléguée of 60694 Les Hauts-Talican).
 */
export function buildSuccessorIndex(cog: Cog): { successorOf: Map<string, string>; disagreements: string[] } {
  const successorOf = new Map<string, string>();
  const disagreements: string[] = [];
  const current = cog.communes.filter((c) => c.type === "commune-actuelle");
  for (const c of current) successorOf.set(c.code, c.code);
  for (const c of cog.communes) {
    if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu && !successorOf.has(c.code)) {
      successorOf.set(c.code, c.chefLieu);
    }
  }
  for (const c of current) {
    for (const former of c.anciensCodes ?? []) {
      const known = successorOf.get(former);
      if (known === undefined) successorOf.set(former, c.code);
      else if (known !== c.code) disagreements.push(`${former}: chefLieu ${known} vs anciensCodes of ${c.code}`);
    }
  }
  return { successorOf, disagreements };
}

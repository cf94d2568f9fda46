import type { Cog } from "./cog";

/**
 * Names of former communes (merged into communes nouvelles, or associated) with the current
 * commune that covers them today, so that an import finds "Moutonneau" in Aunac-sur-Charente.
 * Sources: the COG's commune-deleguee / commune-associee records (name → chef-lieu), and the 2018
 * contours' names re-keyed through the successor index (former communes that left no déléguée).
 * A name equal to its current commune's is left out; rows are sorted and unique (deterministic build).
 */
export function formerCommuneRows(
  cog: Cog,
  contours2018: Iterable<{ code: string; name: string }>,
  successorOf: ReadonlyMap<string, string>,
): [string, string, string][] {
  const currentName = new Map(cog.communes.filter((c) => c.type === "commune-actuelle").map((c) => [c.code, c.nom]));
  const rows = new Map<string, [string, string, string]>();
  const add = (formerCode: string, name: string, code: string | undefined) => {
    if (!code || !currentName.has(code) || currentName.get(code) === name) return;
    rows.set(`${formerCode} ${name} ${code}`, [formerCode, name, code]);
  };
  for (const c of cog.communes) {
    if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu) add(c.code, c.nom, c.chefLieu);
  }
  for (const c of contours2018) add(c.code, c.name, successorOf.get(c.code));
  return [...rows.values()].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
}

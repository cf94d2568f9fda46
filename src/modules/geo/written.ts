import { asc, count, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { matchCommunes, type MatchableCommune } from "./match";
import { communes, referenceMeta } from "./schema";

/**
 * Communes written as people write them, in every commune field of the forms (a structure's
 * location and served communes, a finding's communes, a basin of communes): a name ("Angoulême",
 * accents and case ignored), a name with its postcode ("Saint-Simon 16120"), a postcode, an INSEE
 * code. One resolver, so that every field understands the same things and says the same French.
 *
 * - A field for one commune reads a number as people mean it: a postcode first (16100 is Cognac's
 *   postcode, even though it is also Chirac's INSEE code), an INSEE code last.
 * - In a list (`postcodeTakesAll`), a bare postcode brings all the communes it serves. A list of
 *   numbers only (pasted from a spreadsheet: "16015 16102 16089") reads each as an INSEE code first;
 *   mixed with names (written by a person), a number is a postcode first.
 * - Names are looked up in the preferred communes first (the territory's), then everywhere: "Saint-Simon"
 *   in Charente is the Charente one, without asking.
 */

export type WrittenCommuneRow = MatchableCommune & { search: string };

export type WrittenResult = { codes: string[]; problems: string[] };

export type WrittenOptions = {
  /** INSEE codes to look in first (the territory's communes). */
  prefer?: ReadonlySet<string>;
  /** In a list, a bare postcode brings every commune it serves (a basin, the communes a structure serves). */
  postcodeTakesAll?: boolean;
  /** Whether the whole list is numbers (INSEE codes first); worked out from the entries when not given. */
  numbersOnly?: boolean;
};

const CODE = /^\d[\dAB]\d{3}$/i;
const label = (c: MatchableCommune) => `${c.name} (${c.postcodes[0] ?? c.code})`;

/**
 * Splits a field's text into entries: commas, semicolons and new lines separate. Within a piece, spaces
 * separate only around codes when there are several ("16015 16102", "La Couronne 16400 Soyaux 16800"):
 * each code closes an entry, with the words before it ("Saint-Simon 16120" stays one entry).
 */
export function splitWritten(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .flatMap((chunk) => {
      const words = chunk.trim().split(/\s+/).filter(Boolean);
      if (words.filter((w) => CODE.test(w)).length < 2) return [words.join(" ")];
      const out: string[] = [];
      let pending: string[] = [];
      for (const w of words) {
        if (CODE.test(w)) {
          out.push([...pending, w].join(" "));
          pending = [];
        } else pending.push(w);
      }
      if (pending.length) out.push(pending.join(" "));
      return out;
    })
    .filter(Boolean);
}

function one(table: readonly WrittenCommuneRow[], preferred: readonly WrittenCommuneRow[] | null, entry: string): { codes: string[] } | { problem: string } {
  const tryIn = (rows: readonly WrittenCommuneRow[]) => matchCommunes(rows, entry);
  let m = preferred ? tryIn(preferred) : tryIn(table);
  if (preferred && (m.kind === "unknown" || m.kind === "suggest")) {
    const everywhere = tryIn(table);
    // A suggestion from the territory beats an exact commune elsewhere only when nothing exact exists.
    if (everywhere.kind === "found" || everywhere.kind === "choose" || m.kind === "unknown") m = everywhere;
  }
  switch (m.kind) {
    case "found":
      return { codes: [m.commune.code] };
    case "choose": {
      const shown = m.choices.slice(0, 6).map(label).join(", ");
      const more = m.choices.length > 6 || m.more ? "…" : "";
      return { problem: `« ${entry} » désigne plusieurs communes : ${shown}${more}. Précisez le code postal (ex. : « ${m.choices[0]?.name ?? ""} ${m.choices[0]?.postcodes[0] ?? ""} »).` };
    }
    case "suggest":
      return { problem: `« ${entry} » : aucune commune de ce nom. Vouliez-vous dire : ${m.choices.map(label).join(", ")} ?` };
    default:
      return { problem: `« ${entry} » : aucune commune de ce nom ni de ce code.` };
  }
}

/**
 * Resolves entries against a table of communes (pure: the caller passes the table). Every entry
 * that is not understood gives one French sentence; the codes found are returned sorted, once each.
 */
export function resolveWritten(table: readonly WrittenCommuneRow[], entries: readonly string[], options: WrittenOptions = {}): WrittenResult {
  const codes = new Set<string>();
  const problems: string[] = [];
  const preferred = options.prefer && options.prefer.size > 0 ? table.filter((c) => options.prefer?.has(c.code)) : null;
  const byCode = new Map(table.map((c) => [c.code, c]));
  const asList = options.postcodeTakesAll === true;
  const numbersOnly = options.numbersOnly ?? entries.every((e) => CODE.test(e.trim()));
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    if (asList && CODE.test(entry)) {
      const code = entry.toUpperCase();
      const direct = byCode.get(code);
      const served = table.filter((c) => c.postcodes.includes(code));
      // Numbers only: a list pasted from a spreadsheet, INSEE codes first. Mixed with names: written
      // by a person, who means a postcode (16200 is Jarnac's postcode, and another commune's INSEE code).
      const picked = numbersOnly ? (direct ? [direct] : served) : served.length > 0 ? served : direct ? [direct] : [];
      if (picked.length === 0) problems.push(`« ${entry} » : aucune commune n'a ce code INSEE ni ce code postal.`);
      for (const c of picked) codes.add(c.code);
      continue;
    }
    const r = one(table, preferred, entry);
    if ("codes" in r) for (const c of r.codes) codes.add(c);
    else problems.push(r.problem);
  }
  return { codes: [...codes].sort(), problems };
}

/**
 * Every commune of France, to resolve against. Reference data changes only when the data files are
 * reloaded (their version is recorded): the table is read once per version and kept in memory (~35,000
 * rows, a few MB), so that a form's save does not read the whole table again (about a second on the
 * embedded database).
 */
let cache: { key: string; rows: WrittenCommuneRow[] } | undefined;

export async function writtenCommuneTable(db: Executor): Promise<WrittenCommuneRow[]> {
  const [version] = await db.select({ value: referenceMeta.value }).from(referenceMeta).where(eq(referenceMeta.key, "reference_version"));
  const [n] = await db.select({ n: count() }).from(communes);
  const key = `${version?.value ?? ""}:${n?.n ?? 0}`;
  if (cache?.key === key) return cache.rows;
  const rows = await db
    .select({ code: communes.code, name: communes.name, postcodes: communes.postcodes, departement: communes.departement, population: communes.population })
    .from(communes)
    .orderBy(asc(communes.code));
  cache = { key, rows: rows.map((r) => ({ ...r, postcodes: r.postcodes.split(" ").filter(Boolean), search: normalizeSearch(r.name) })) };
  return cache.rows;
}

/** Names of communes by INSEE code, to show a saved list back as names (never bare codes). */
export async function communeLabels(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: communes.code, name: communes.name, postcodes: communes.postcodes }).from(communes).where(inArray(communes.code, [...codes]));
  return new Map(rows.map((r) => [r.code, `${r.name} ${r.postcodes.split(" ")[0] ?? ""}`.trim()]));
}

/**
 * Why a postcode and a commune name (the two fields of a place's address) match no commune, in one
 * French sentence that helps fix it: the closest names among the communes of that postcode ("Jarnak"
 * → Jarnac), or the postcode of the commune named, or the communes the postcode serves. Never guesses.
 */
export async function explainPostcodeAndCommune(db: Executor, postcode: string, commune: string): Promise<string> {
  const table = await writtenCommuneTable(db);
  const code = postcode.trim();
  const ofPostcode = table.filter((c) => c.postcodes.includes(code));
  const named = commune.trim();
  if (ofPostcode.length === 0) {
    const elsewhere = named ? resolveWritten(table, [named]) : { codes: [], problems: [] };
    const found = elsewhere.codes.length === 1 ? table.find((c) => c.code === elsewhere.codes[0]) : undefined;
    return found
      ? `Aucune commune n'a le code postal ${code} ; ${found.name} a pour code postal ${found.postcodes.join(" ou ")}.`
      : `Aucune commune n'a le code postal ${code} : vérifiez-le.`;
  }
  const within = named ? matchCommunes(ofPostcode, named) : { kind: "unknown" as const };
  const list = ofPostcode.map((c) => c.name).sort((a, b) => a.localeCompare(b, "fr"));
  if (within.kind === "suggest") return `Aucune commune « ${named} » n'a le code postal ${code}. Vouliez-vous dire : ${within.choices.map((c) => c.name).join(", ")} ?`;
  if (within.kind === "choose") return `« ${named} » désigne plusieurs communes du code postal ${code} : ${within.choices.map((c) => c.name).join(", ")}. Écrivez le nom complet.`;
  return `Aucune commune « ${named} » n'a le code postal ${code}. Communes de ce code postal : ${list.slice(0, 20).join(", ")}${list.length > 20 ? "…" : ""}.`;
}

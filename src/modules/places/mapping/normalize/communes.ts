/**
 * Finds a place's commune from what producers write: a postcode (possibly a CEDEX code), a name
 * (possibly polluted: « Épernay, Marne, Grand Est, FRA », « Angoulême Cedex 9 », or a former
 * commune's name since merged into a commune nouvelle), an INSEE code (possibly a geocoder's
 * wrong guess). The address (postcode and name) is trusted over a lone INSEE code; every
 * disagreement is said in French, naming both values. Reads data/communes.json and
 * data/anciennes-communes.json once (lazily); the resolution itself is pure.
 */
import { quote } from "../../standard/values";

export type CommuneRef = { code: string; name: string; postcodes: string[] };
export type CommuneData = { communes: CommuneRef[]; former: { formerCode: string; name: string; code: string }[] };

/** Lowercase, no accents, words only, « St » and « Ste » spelt out: « St-Jean-d'Angély » ≈ « saint jean d angely ». */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte");
}

/** The key without a leading article, since lists drop it (« Abergement-Clémenciat »). */
const withoutArticle = (key: string) => key.replace(/^(?:l|le|la|les) /, "");

export class CommuneIndex {
  readonly byCode = new Map<string, CommuneRef>();
  readonly byPostcode = new Map<string, CommuneRef[]>();
  private readonly byName = new Map<string, CommuneRef[]>();
  private readonly byFormerName = new Map<string, CommuneRef[]>();
  private readonly formerCode = new Map<string, CommuneRef>();
  /** Each ending of a name, word by word (« chatain » for Arfeuille-Châtain), without the whole name. */
  private readonly byEnding = new Map<string, CommuneRef[]>();

  constructor(data: CommuneData) {
    const push = (map: Map<string, CommuneRef[]>, key: string, c: CommuneRef) => {
      const list = map.get(key) ?? [];
      if (!list.includes(c)) list.push(c);
      map.set(key, list);
    };
    for (const c of data.communes) {
      this.byCode.set(c.code, c);
      for (const p of c.postcodes) push(this.byPostcode, p, c);
      push(this.byName, nameKey(c.name), c);
      push(this.byName, withoutArticle(nameKey(c.name)), c);
      const words = nameKey(c.name).split(" ");
      for (let i = 1; i < words.length; i++) push(this.byEnding, words.slice(i).join(" "), c);
    }
    for (const f of data.former) {
      const c = this.byCode.get(f.code);
      if (!c) continue;
      push(this.byFormerName, nameKey(f.name), c);
      push(this.byFormerName, withoutArticle(nameKey(f.name)), c);
      if (!this.byCode.has(f.formerCode)) this.formerCode.set(f.formerCode, c);
    }
  }

  named(name: string): CommuneRef[] {
    const key = nameKey(name);
    return this.byName.get(key) ?? this.byName.get(withoutArticle(key)) ?? [];
  }
  formerlyNamed(name: string): CommuneRef[] {
    const key = nameKey(name);
    return this.byFormerName.get(key) ?? this.byFormerName.get(withoutArticle(key)) ?? [];
  }
  /** Communes whose name ends with these words (a whole word sequence: « Châtain » ends Arfeuille-Châtain, not Châtaincourt). */
  endingWith(name: string): CommuneRef[] {
    return this.byEnding.get(nameKey(name)) ?? [];
  }
  /** A current INSEE code, or a former one (a commune merged since) → today's commune. */
  coded(code: string): { commune: CommuneRef; former: boolean } | undefined {
    const c = this.byCode.get(code);
    if (c) return { commune: c, former: false };
    const f = this.formerCode.get(code);
    return f ? { commune: f, former: true } : undefined;
  }
}

let loaded: CommuneIndex | undefined;

type Table = { columns: string[]; rows: unknown[][] };

/**
 * data/<file> as objects. The file system is reached through process.getBuiltinModule, not a static
 * import: normalizeRecord is also bundled with a client page (the edit form), where no file can be
 * read — there the index is empty and nothing is resolved (the server import does it).
 */
function readData(file: string): Record<string, unknown>[] {
  const getBuiltin = typeof process === "undefined" ? undefined : process.getBuiltinModule;
  if (typeof getBuiltin !== "function") return [];
  const fs = getBuiltin("node:fs") as typeof import("node:fs");
  const path = getBuiltin("node:path") as typeof import("node:path");
  const table = JSON.parse(fs.readFileSync(path.join(process.cwd(), "data", file), "utf8")) as Table;
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
}

/** The index over the committed reference files, built once per process. */
export function communeIndex(): CommuneIndex {
  if (!loaded) {
    const communes = readData("communes.json").map((r) => ({
      code: String(r.code),
      name: String(r.name),
      postcodes: r.postcodes == null ? [] : String(r.postcodes).split(" ").filter(Boolean),
    }));
    const former = readData("anciennes-communes.json").map((r) => ({ formerCode: String(r.former_code), name: String(r.name), code: String(r.code) }));
    loaded = new CommuneIndex({ communes, former });
  }
  return loaded;
}

export type CommuneCell = { name: string; postcode?: string; cedex: boolean; cut: boolean };

/**
 * A commune cell cut to the commune's name: « 16017 CEDEX », « Angoulême Cedex 9 »,
 * « Épernay, Marne, Grand Est, FRA », « Angoulême (16) », « Paris 15e Arrondissement ».
 */
export function readCommuneCell(text: string): CommuneCell {
  let rest = text.normalize("NFC").trim();
  const cedex = /\bcedex\b/i.test(rest);
  rest = rest.replace(/\bcedex\b(?:\s*\d{1,3}\b)?/gi, " ");
  const postcode = /(?:^|\D)(\d{5})(?!\d)/.exec(rest)?.[1];
  rest = rest.replace(/\b\d{5}\b/g, " ").replace(/\([^)]*\)/g, " ").replace(/^\s*\d{1,4}\s+(?=\p{L})/u, "");
  const parts = rest.split(/[,;/]/).map((p) => p.replace(/^[\s-]+|[\s-]+$/g, "").replace(/\s+/g, " ")).filter((p) => /\p{L}/u.test(p));
  let name = parts[0] ?? "";
  const arrondissement = /^(paris|lyon|marseille)\s+\d{1,2}\s*(?:e|er|ème|eme)?(?:\s+arrondissement)?$/i.exec(name);
  if (arrondissement?.[1]) name = arrondissement[1];
  const cut = cedex || parts.length > 1 || name !== text.trim();
  return { name, ...(postcode ? { postcode } : {}), cedex, cut };
}

export type Note = { field: "commune" | "code_postal" | "code_insee"; message: string };
export type Resolution = { commune?: CommuneRef; postcode?: string; name?: string; insee?: string; notes: Note[] };

const label = (c: CommuneRef) => `${c.name} (${c.code})`;

/**
 * The commune of a place. `postcode`, `commune`, `insee`: the cells as written (trimmed, maybe empty).
 * Returns the commune found (if any), the values to store and the notes (warnings) to report.
 */
export function resolveCommune(index: CommuneIndex, input: { postcode?: string; commune?: string; insee?: string }): Resolution {
  const notes: Note[] = [];
  const cell = readCommuneCell(input.commune ?? "");
  const postcodeText = (input.postcode ?? "").trim();
  const postcodeCell = postcodeText === "" ? undefined : readCommuneCell(postcodeText);
  const written = /^\d{4}$/.test(postcodeText) ? `0${postcodeText}` : (postcodeCell?.postcode ?? cell.postcode);
  const cedex = cell.cedex || (postcodeCell?.cedex ?? false) || (written !== undefined && !index.byPostcode.has(written));
  const byPostcode = written === undefined ? [] : (index.byPostcode.get(written) ?? []);
  let former = false;
  let byName = cell.name === "" ? [] : index.named(cell.name);
  if (byName.length === 0 && cell.name !== "") {
    byName = index.formerlyNamed(cell.name);
    former = byName.length > 0;
  }

  let chosen: CommuneRef | undefined;
  if (byName.length > 0 && byPostcode.length > 0) {
    const both = byName.filter((c) => byPostcode.includes(c));
    chosen = both.length === 1 ? both[0] : undefined;
    if (both.length === 0 && byPostcode.length === 1 && byPostcode[0]) {
      chosen = byPostcode[0];
      notes.push({ field: "commune", message: `La commune ${quote(input.commune ?? "")} ne correspond pas au code postal ${quote(written ?? "")}, qui est celui de ${label(chosen)} : la commune du code postal est gardée.` });
      former = false;
      byName = [chosen]; // the commune kept is the postcode's: its name is written, as the note says
    }
  } else if (byName.length > 0) {
    const dep = written?.slice(0, 2);
    const near = dep ? byName.filter((c) => c.code.startsWith(dep === "20" ? "2" : dep)) : byName;
    // A postcode of another département makes a same-named commune elsewhere a guess: none is taken.
    chosen = near.length === 1 ? near[0] : dep === undefined && byName.length === 1 ? byName[0] : undefined;
  } else if (byPostcode.length === 1) chosen = byPostcode[0];
  else if (byPostcode.length > 1 && cell.name !== "") {
    // « Saint-Vaury Numéro de téléphone »: the postcode's commune whose name starts the cell.
    const key = nameKey(cell.name);
    const starts = byPostcode.filter((c) => key.startsWith(`${nameKey(c.name)} `)).sort((a, b) => b.name.length - a.name.length);
    chosen = starts[0];
    if (chosen) byName = [chosen];
  }

  // « Châtain » for Arfeuille-Châtain: producers drop the first words of a compound name. Only within the
  // postcode's département (its communes first), and only when one commune's name ends so; several
  // are named in a note, none is guessed.
  let ambiguous: Note | undefined;
  if (!chosen && cell.name !== "" && written !== undefined) {
    const dep = written.startsWith("20") ? "2" : written.startsWith("97") ? written.slice(0, 3) : written.slice(0, 2);
    const ending = index.endingWith(cell.name).filter((c) => c.code.startsWith(dep));
    const ofPostcode = ending.filter((c) => byPostcode.includes(c));
    const candidates = ofPostcode.length === 1 ? ofPostcode : ending;
    if (candidates.length === 1 && candidates[0]) {
      chosen = candidates[0];
      byName = [chosen];
      former = false;
      notes.push({ field: "commune", message: `La commune ${quote(cell.name)} a été lue comme ${label(chosen)}, seule commune du département dont le nom finit ainsi.` });
    } else if (candidates.length > 1) {
      const shown = candidates.slice(0, 6).map(label).join(", ");
      ambiguous = { field: "commune", message: `La commune ${quote(cell.name)} peut être plusieurs communes du département dont le nom finit ainsi : ${shown}${candidates.length > 6 ? "…" : ""}. Aucune n'est retenue : écrivez le nom complet.` };
    }
  }

  const insee = (input.insee ?? "").trim();
  const coded = /^(\d{5}|2[AB]\d{3})$/i.test(insee) ? index.coded(insee.toUpperCase()) : undefined;
  if (chosen && coded && coded.commune !== chosen) {
    notes.push({
      field: "code_insee",
      message: `Le code INSEE ${quote(insee)} (${coded.commune.name}) ne correspond pas à l'adresse (${label(chosen)}, code postal ${written ?? chosen.postcodes[0] ?? "inconnu"}) : le code de l'adresse est gardé.`,
    });
  } else if (!chosen && coded) chosen = coded.commune;
  if (!chosen) return { notes: ambiguous ? [...notes, ambiguous] : notes };

  if (former) notes.push({ field: "commune", message: `${quote(cell.name)} est une ancienne commune, aujourd'hui ${label(chosen)} : c'est cette commune qui est retenue.` });
  let postcode = written;
  const explicitCedex = cell.cedex || (postcodeCell?.cedex ?? false);
  const insteadOfInsee = written !== undefined && written === chosen.code && !chosen.postcodes.includes(written);
  if (written === undefined || (cedex && !chosen.postcodes.includes(written) && (explicitCedex || insteadOfInsee || chosen.postcodes.length === 1))) {
    const only = chosen.postcodes.length === 1 ? chosen.postcodes[0] : undefined;
    const given = quote(postcodeText || (written ?? ""));
    if (only !== undefined) {
      postcode = only;
      notes.push({
        field: "code_postal",
        message:
          written === undefined
            ? postcodeText === ""
              ? `Le code postal manquant a été déduit de la commune ${label(chosen)} : ${quote(only)}.`
              : `Le code postal ${given} n'est pas lisible : celui de la commune ${label(chosen)} a été retenu, ${quote(only)}.`
            : insteadOfInsee
              ? `Le code postal ${given} est le code INSEE de la commune ${label(chosen)}, pas son code postal : ${quote(only)} a été retenu.`
              : explicitCedex
                ? `Le code postal ${given} est un code CEDEX : la commune ${label(chosen)} a été retenue, avec son code postal ${quote(only)}.`
                : `Le code postal ${given} n'est celui d'aucune commune (code CEDEX ?) : la commune ${label(chosen)} a été retenue, avec son code postal ${quote(only)}.`,
      });
    } else if (explicitCedex && written !== undefined) {
      notes.push({ field: "code_postal", message: `Le code postal ${given} est un code CEDEX : la commune ${label(chosen)} a été retenue.` });
    }
  }
  // The official spelling when the cell named the commune (« Dun Le Palestel », « Épernay, Marne, … »);
  // a text that names no commune (a hamlet, a district) is kept as the producer wrote it.
  const recognised = byName.includes(chosen) || cell.cut || cell.name === "";
  const name = recognised ? chosen.name : (input.commune ?? "").trim();
  return { commune: chosen, ...(postcode ? { postcode } : {}), name, insee: chosen.code, notes };
}

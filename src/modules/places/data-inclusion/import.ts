/**
 * data·inclusion v1 files (structures, and their services) read as places of the national standard:
 * each structure becomes one standard record (in the file's order, so line n of the report is the
 * n-th structure), its services adding their thematiques, publics, fees and ways in. The records then
 * go through the very same check and import as a standard file (importPlaces): same line report, one
 * transaction, same ownership rules (decision 016).
 *
 * Accepted: a JSON array of structures, or an object { "structures": [...], "services": [...] }
 * (what `places export --format data-inclusion` writes). A file of services alone is refused with a
 * message: a service needs its structure to become a place.
 *
 * Each structure is also an actor of the shared registry (`actors[n - 1]` for line n): its public record
 * (name, SIRET, RNA, contacts, site, description, legal type and worlds from its typology), written by
 * importPlaces in the same transaction as the places (decision 016).
 *
 * The file is parsed once (by parseFile, which hands the parsed document to `dataInclusionOf`).
 */
import type { ImportedActor, World } from "@/modules/actors";
import { decode } from "../standard/parse";
import { PIVOT_PLACEHOLDER, type FieldName } from "../standard/schema";
import { DIGITAL_THEMATIQUE, reseauToWorld, typologieToActor } from "./typologie";
import { mobilisationToAcces, publicToStandard, reseauToDispositif, silentPublics, thematiqueToService } from "./vocabulary";

type Json = Record<string, unknown>;
type FileIssue = { line: number; id: string; field: string; level: "warning" | "error"; message: string };
type StandardRecord = Partial<Record<FieldName, string>>;
export type Converted = {
  /** One standard record per structure, in the file's order. */
  records: StandardRecord[];
  issues: FileIssue[];
  structures: number;
  services: number;
  /** The actor of each structure (index n - 1 for line n); undefined for a line that is not an object. */
  actors: (ImportedActor | undefined)[];
};

/** Keys that only a data·inclusion structure has (the standard says pivot, horaires, fiche_acces_libre). */
const structureKeys = ["horaires_accueil", "reseaux_porteurs", "lien_source", "accessibilite_lieu", "siret"];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function looksLikeStructures(list: unknown[]): boolean {
  const first = list.find(isObject);
  return first !== undefined && !("pivot" in first) && !("structure_id" in first) && structureKeys.some((k) => k in first) && "nom" in first;
}

function looksLikeServices(list: unknown[]): boolean {
  const first = list.find(isObject);
  return first !== undefined && "structure_id" in first && ("thematiques" in first || "modes_accueil" in first || "publics" in first);
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" && Number.isFinite(v) ? String(v) : "");
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter(Boolean) : typeof v === "string" && v.trim() !== "" ? [v.trim()] : []);

/** Values of data·inclusion that the standard has no word for, counted, to report once each. */
class Unmatched {
  private counts = new Map<string, { what: string; value: string; where: string; n: number }>();
  add(what: string, value: string, where = "le standard de la médiation numérique"): void {
    const key = `${what}\u0000${value}`;
    const seen = this.counts.get(key);
    if (seen) seen.n++;
    else this.counts.set(key, { what, value, where, n: 1 });
  }
  issues(): FileIssue[] {
    return [...this.counts.values()].map(({ what, value, where, n }) => ({
      line: 0,
      id: "",
      field: "",
      level: "warning" as const,
      message: `data·inclusion : ${what} « ${value} » n'a pas d'équivalent dans ${where} ; ignoré (${n} fois).`,
    }));
  }
}

/** One structure and its services as a record of the standard (strings, lists joined with "|"). */
function placeOf(structure: Json, services: Json[], unmatched: Unmatched): StandardRecord {
  const out: StandardRecord = {};
  const set = (field: FieldName, value: string) => {
    if (value !== "") out[field] = value;
  };
  set("id", text(structure.id));
  // data·inclusion's SIRET is optional, the standard's pivot is not: the national placeholder, as a mapped file gets.
  set("pivot", text(structure.siret) || PIVOT_PLACEHOLDER);
  set("nom", text(structure.nom));
  set("commune", text(structure.commune));
  set("code_postal", text(structure.code_postal));
  set("code_insee", text(structure.code_insee));
  set("adresse", text(structure.adresse));
  set("complement_adresse", text(structure.complement_adresse));
  set("latitude", text(structure.latitude));
  set("longitude", text(structure.longitude));
  set("telephone", text(structure.telephone));
  set("courriels", text(structure.courriel));
  set("site_web", text(structure.site_web));
  set("horaires", text(structure.horaires_accueil));
  set("presentation_detail", text(structure.description));
  set("source", text(structure.source));
  set("date_maj", text(structure.date_maj));
  set("fiche_acces_libre", text(structure.accessibilite_lieu));

  const dispositifs = new Set<string>();
  for (const r of list(structure.reseaux_porteurs)) {
    const d = reseauToDispositif[r];
    if (d) dispositifs.add(d);
    else unmatched.add("le réseau porteur", r);
  }
  const serviceValues = new Set<string>();
  const publics = new Set<string>();
  const frais = new Set<string>();
  const acces = new Set<string>();
  const accompagnement = new Set<string>();
  let rdv = "";
  for (const s of services) {
    for (const t of list(s.thematiques)) {
      const v = thematiqueToService[t];
      if (v) serviceValues.add(v);
      else unmatched.add("la thématique", t);
    }
    for (const p of list(s.publics)) {
      const v = publicToStandard[p];
      if (v) publics.add(v);
      else if (!silentPublics.has(p)) unmatched.add("le public", p);
    }
    const f = text(s.frais);
    if (f === "gratuit") frais.add("Gratuit");
    else if (f === "payant") frais.add("Payant");
    else if (f !== "") unmatched.add("les frais", f);
    for (const m of list(s.modes_mobilisation)) {
      const v = mobilisationToAcces[m];
      if (v) acces.add(v);
      else unmatched.add("le mode de mobilisation", m);
    }
    if (list(s.modes_accueil).includes("a-distance")) accompagnement.add("À distance");
    const type = text(s.type);
    if (type === "atelier") accompagnement.add("Dans un atelier collectif");
    else if (type === "accompagnement") accompagnement.add("Accompagnement individuel");
    rdv ||= text(s.lien_mobilisation);
  }
  set("dispositif_programmes_nationaux", [...dispositifs].join("|"));
  set("services", [...serviceValues].join("|"));
  set("publics_specifiquement_adresses", [...publics].join("|"));
  set("frais_a_charge", [...frais].join("|"));
  set("modalites_acces", [...acces].join("|"));
  set("modalites_accompagnement", [...accompagnement].join("|"));
  set("prise_rdv", rdv);
  return out;
}

/**
 * The public record of the structure as an actor. Its legal type and worlds come from its typology
 * (data·inclusion v0 files carry `typologie`; v1 dropped it), its networks and its services' thematiques.
 */
function actorOf(structure: Json, services: Json[], unmatched: Unmatched): ImportedActor {
  const worlds = new Set<World>();
  const typologie = text(structure.typologie);
  const typology = typologie ? typologieToActor[typologie] : undefined;
  if (typologie && !typology) unmatched.add("la typologie de structure", typologie, "la forme juridique des acteurs");
  for (const w of typology?.worlds ?? []) worlds.add(w);
  for (const r of list(structure.reseaux_porteurs)) {
    const w = reseauToWorld[r];
    if (w) worlds.add(w);
  }
  if (services.some((s) => list(s.thematiques).some((t) => t.startsWith(DIGITAL_THEMATIQUE)))) worlds.add("numerique");
  return {
    source: text(structure.source),
    sourceId: text(structure.id),
    name: text(structure.nom),
    siret: text(structure.siret),
    rna: text(structure.rna),
    legalType: typology?.legalType,
    worlds: [...worlds],
    publicEmail: text(structure.courriel),
    publicPhone: text(structure.telephone),
    website: text(structure.site_web),
    // v1 says `description`; v0 said `presentation_detail` (and a short `presentation_resume`).
    description: text(structure.description) || text(structure.presentation_detail) || text(structure.presentation_resume),
  };
}

/**
 * The standard's records for a parsed data·inclusion document, with file-level notes and the actors;
 * undefined when the document is not data·inclusion (it is read as the standard's file it is).
 */
export function dataInclusionOf(data: unknown): Converted | undefined {
  let structures: unknown[] | undefined;
  let services: unknown[] = [];
  if (isObject(data) && Array.isArray(data.structures)) {
    structures = data.structures;
    services = Array.isArray(data.services) ? data.services : [];
  } else if (Array.isArray(data) && looksLikeStructures(data)) {
    structures = data;
  } else if (Array.isArray(data) && looksLikeServices(data)) {
    const message =
      "Ce fichier contient des services data·inclusion sans leurs structures : un service devient un lieu avec sa structure. Déposez un fichier { \"structures\": […], \"services\": […] } ou, en ligne de commande, le fichier des structures avec --services.";
    return { records: [], issues: [{ line: 0, id: "", field: "", level: "error", message }], structures: 0, services: data.length, actors: [] };
  }
  if (!structures) return undefined;

  const byStructure = new Map<string, Json[]>();
  const known = new Set(structures.filter(isObject).map((s) => text(s.id)));
  let orphans = 0;
  for (const s of services) {
    if (!isObject(s)) continue;
    const key = text(s.structure_id);
    if (!known.has(key)) {
      orphans++;
      continue;
    }
    const list = byStructure.get(key);
    if (list) list.push(s);
    else byStructure.set(key, [s]);
  }
  const unmatched = new Unmatched();
  const actors: (ImportedActor | undefined)[] = [];
  // A non-object stays in place (as an empty object) so that line n is still the n-th structure.
  const records = structures.map((s) => {
    if (!isObject(s)) {
      actors.push(undefined);
      return {};
    }
    const own = byStructure.get(text(s.id)) ?? [];
    actors.push(actorOf(s, own, unmatched));
    return placeOf(s, own, unmatched);
  });
  const issues = unmatched.issues();
  if (orphans > 0) {
    issues.push({ line: 0, id: "", field: "", level: "warning", message: `data·inclusion : ${orphans} service${orphans > 1 ? "s" : ""} sans structure dans le fichier (structure_id inconnu) : ignoré${orphans > 1 ? "s" : ""}.` });
  }
  return { records, issues, structures: structures.length, services: services.length, actors };
}

/** The same from bytes (tests, tools): undefined when they are not data·inclusion JSON. */
export function fromDataInclusion(bytes: Uint8Array): Converted | undefined {
  let data: unknown;
  try {
    data = JSON.parse(decode(bytes).text);
  } catch {
    return undefined; // the standard's reading reports the broken JSON
  }
  return dataInclusionOf(data);
}

/**
 * Test and bench only: the three producers' exports of ../shared/data/standard-mediation-numerique/
 * raw-sources-mednum-cli and, for each, the mapping a careful person makes by reading the file (written
 * by hand, column by column), to score the automatic suggestions against. Never import this from
 * application code (the app does not read ../shared).
 *
 * A field listed with several columns is one a person fills from several columns (Angers ticks one
 * column per service); a single suggested column among them counts as right.
 * Columns a careful person leaves aside, and why, are noted beside each file.
 */
import fs from "node:fs";
import path from "node:path";
import type { FieldName } from "../standard/schema";
import { readProducerFile, type ProducerTable } from "./read";
import type { Suggestions } from "./suggest";

export const RAW_DIR = path.join("..", "shared", "data", "standard-mediation-numerique", "raw-sources-mednum-cli");

export type HandMapping = Partial<Record<FieldName, string | string[]>>;

export const handMappings: Record<"angers.json" | "gironde.json" | "la-creuse.json", HandMapping> = {
  // 63 rows. Left aside: USER_TYPE (empty in every row), USER_QUART (the city's district), PICTO (the
  // map's icon), TRANSPORT (bus lines: no field of the standard), LIEN (the city's page about the
  // place, not the place's site), QUALIF6-8 (empty).
  "angers.json": {
    id: "TYPO_UID",
    nom: "USER_NOM",
    adresse: "USER_ADRES",
    code_postal: "code_postal",
    commune: "commune",
    latitude: "LAT",
    longitude: "LNG",
    horaires: "HORAIRE",
    telephone: "TELEPHONE",
    courriels: "MAIL",
    site_web: "SITE_INTER",
    date_maj: "DATE_MAJ",
    services: ["QUALIF1", "QUALIF2", "QUALIF3", "QUALIF4", "ACCES_ORDI", "WIFI", "PRET_MAT", "REPAR_MAT", "AIDE_DEMAT", "FORM_PERF", "SENS_INTER", "AVIS_NUM"],
    publics_specifiquement_adresses: "PUBLIC_",
  },
  // 347 rows. No identifier column (the id is computed); the postcode is inside « Adresse postale ».
  // Left aside: « Libellé 1 » (a copy of « Lieu »), « Libellé 2 » (5 mixed notes), « Proposition de
  // permanence » and « Présence d'un médiateur » (Oui/Non: no field says either), « Pôle territorial »
  // and « Intercommunalité » (the département's own divisions).
  "gironde.json": {
    nom: "Lieu",
    typologie: "Type Structure",
    commune: "Commune",
    adresse: "Adresse postale",
    code_postal: "Adresse postale",
    latitude: "Coord. X",
    longitude: "Coord. Y",
    telephone: "Téléphone",
    courriels: "Email",
    site_web: "Site internet",
    presentation_detail: "Description",
    date_maj: "Dernière MAJ",
    services: ["services", "equipements"],
  },
  // 91 rows: the standard's own names, « description » for the detailed presentation.
  "la-creuse.json": {
    id: "id",
    nom: "nom",
    presentation_detail: "description",
    latitude: "latitude",
    longitude: "longitude",
    telephone: "téléphone",
    adresse: "adresse",
    code_postal: "code_postal",
    commune: "commune",
    horaires: "horaires",
    services: "services",
    modalites_accompagnement: "modalites_accompagnement",
  },
};

export async function rawTable(name: string): Promise<ProducerTable> {
  const result = await readProducerFile(new Uint8Array(fs.readFileSync(path.join(RAW_DIR, name))), name);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

export type Score = {
  /** Fields of the hand mapping. */
  fields: number;
  /** …suggested with (one of) the hand mapping's column(s). */
  right: number;
  /** Hand-mapped fields suggested with another column, or not suggested: "field: suggested ≠ expected". */
  wrong: string[];
  /** Suggested fields that the careful person leaves empty. */
  extra: string[];
};

export function score(suggestions: Suggestions, hand: HandMapping): Score {
  const wrong: string[] = [];
  let right = 0;
  let fields = 0;
  for (const [field, expected] of Object.entries(hand) as [FieldName, string | string[]][]) {
    fields++;
    const got = suggestions[field]?.column;
    const ok = got !== undefined && (Array.isArray(expected) ? expected.includes(got) : expected === got);
    if (ok) right++;
    else wrong.push(`${field}: ${got ?? "(rien)"} ≠ ${Array.isArray(expected) ? expected.join(" | ") : expected}`);
  }
  const extra = Object.entries(suggestions)
    .filter(([field]) => !(field in hand))
    .map(([field, s]) => `${field}: ${s.column}`);
  return { fields, right, wrong, extra };
}

/**
 * Suggests, for each field of the national standard, the producer's column that most probably holds
 * it, with a reason a person can check. Two kinds of evidence:
 * - the column's name, compared (accents, case and punctuation aside) with the field's name and with
 *   the words producers use (« CP », « Ville », « Mail », « Tél », « Coord. X »…);
 * - the shape of its values (postcodes, e-mails, phones, URLs, SIRET, coordinates inside France,
 *   opening hours, dates), which also overrules a misleading name (a « Coord. X » full of latitudes).
 * Enumerated and list fields also need values that fit the standard's vocabulary (fit.ts): a name
 * alone does not send phone numbers (« Mobile ») or « Oui »/« Non » to them. Name and values together
 * outrank values alone; of two columns as good, the fuller wins; a column with a distinct code on
 * every row is the identifier even when it is not called so. A geocoder's output columns
 * (« result_label », « result_type ») and per-day hours (« horaires_lundi ») are not taken for fields
 * by their names.
 * Pure and deterministic: same table, same suggestions. One column serves one field, except that a
 * full address (« 8 rue de la Boétie - 33000 Bordeaux ») may also give the postcode and the commune.
 */
import { isEnumField, placeFields, type FieldName } from "../standard/schema";
import { vocabularyFit, yesNoShare } from "./fit";
import type { ProducerTable } from "./read";

export type Suggestion = { column: string; reason: string; score: number };
export type Suggestions = Partial<Record<FieldName, Suggestion>>;

// ── names ───────────────────────────────────────────────────────────────────────────────────────

/** "Nom de la structure" → "nom de la structure"; "USER_ADRES" → "user adres"; "Coord. X" → "coord x". */
export function normalizeName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words that say nothing about the content ("user" is the prefix of a whole export: USER_NOM, USER_ADRES). */
const noise = new Set(["de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "en", "et", "n", "no", "user", "the", "of"]);

function tokens(normalized: string): string[] {
  return normalized.split(" ").filter((t) => t !== "" && !noise.has(t));
}

/**
 * Producer vocabulary for each field, beside the field's own name. Written as people write column
 * headers in French exports; normalized at load.
 */
const synonyms: Record<FieldName, string[]> = {
  id: ["identifiant", "id", "uid", "identifiant unique", "identifiant local", "ref", "reference", "code lieu", "id lieu", "numero lieu"],
  pivot: ["siret", "siren", "rna", "pivot", "numero siret", "siret structure", "siret rna", "numero rna", "ridet"],
  nom: ["nom", "nom de la structure", "nom du lieu", "lieu", "nom structure", "nom lieu", "structure", "raison sociale", "denomination", "libelle", "intitule", "name", "titre", "enseigne"],
  commune: ["commune", "ville", "localite", "city", "nom commune", "nom de la commune", "libelle commune", "municipalite"],
  code_postal: ["code postal", "cp", "postal", "zip", "code post", "codepostal", "zipcode", "postcode"],
  code_insee: ["code insee", "insee", "code commune", "cog", "citycode", "code officiel geographique", "insee commune"],
  adresse: ["adresse", "adresse postale", "adres", "rue", "voie", "address", "adresse 1", "adresse ligne 1", "numero et voie", "adresse du lieu", "street"],
  complement_adresse: ["complement adresse", "complement", "adresse 2", "adresse ligne 2", "complement d adresse", "batiment", "etage"],
  latitude: ["latitude", "lat", "y", "coord y", "coordonnee y", "coordonnees y", "gps lat", "geo lat"],
  longitude: ["longitude", "lon", "lng", "long", "x", "coord x", "coordonnee x", "coordonnees x", "gps lon", "geo lon"],
  typologie: ["typologie", "type", "type structure", "type de structure", "typo", "categorie", "type de lieu", "nature"],
  telephone: ["telephone", "tel", "tél", "numero de telephone", "phone", "portable", "fixe", "mobile", "telephone fixe", "telephone mobile", "contact telephonique", "num tel"],
  courriels: ["courriels", "courriel", "mail", "email", "e mail", "adresse mail", "adresse electronique", "mel", "adresse courriel", "contact mail"],
  site_web: ["site web", "site internet", "site", "web", "url", "website", "site web du lieu", "page web"],
  horaires: ["horaires", "horaire", "heures d ouverture", "ouverture", "horaires d ouverture", "opening hours", "jours et horaires", "permanences"],
  presentation_resume: ["presentation resume", "resume", "presentation courte", "description courte", "accroche", "presentation breve"],
  presentation_detail: ["presentation detail", "presentation detaillee", "description", "descriptif", "presentation", "description longue", "commentaire", "commentaires"],
  source: ["source", "producteur", "source des donnees", "structure collectant la donnee"],
  itinerance: ["itinerance", "itinerant", "mobile", "fixe ou itinerant"],
  structure_parente: ["structure parente", "reseau", "tete de reseau", "structure porteuse", "porteur", "organisme"],
  date_maj: ["date maj", "date de mise a jour", "mise a jour", "maj", "derniere maj", "derniere mise a jour", "modifie le", "date modification", "updated at", "last update"],
  services: ["services", "service", "prestations", "offre", "offre de services"],
  publics_specifiquement_adresses: ["publics specifiquement adresses", "publics", "public", "publics accueillis", "public cible", "publics cibles"],
  prise_en_charge_specifique: ["prise en charge specifique", "prise en charge", "handicap", "handicaps", "accessibilite handicap"],
  frais_a_charge: ["frais a charge", "frais", "tarif", "tarifs", "cout", "gratuite", "conditions d acces", "tarification"],
  dispositif_programmes_nationaux: ["dispositif programmes nationaux", "dispositifs", "programmes nationaux", "labels nationaux", "dispositifs nationaux"],
  formations_labels: ["formations labels", "labels", "formations", "label"],
  autres_formations_labels: ["autres formations labels", "autres labels", "labels autres", "autres formations"],
  modalites_acces: ["modalites acces", "modalites d acces", "conditions d acces", "comment venir"],
  modalites_accompagnement: ["modalites accompagnement", "modalites d accompagnement", "accompagnement", "type d accompagnement"],
  fiche_acces_libre: ["fiche acces libre", "acces libre", "acceslibre", "accessibilite"],
  prise_rdv: ["prise rdv", "prise de rdv", "rdv", "rendez vous", "prise de rendez vous", "lien rdv"],
};

const phrases = new Map<FieldName, string[][]>(
  placeFields.map((f) => [f.name, [f.name.replace(/_/g, " "), ...synonyms[f.name]].map((p) => tokens(normalizeName(p))).filter((t) => t.length > 0)]),
);

/** Same word, or one abbreviates the other ("tel"/"telephone", "adres"/"adresse", "inter"/"internet"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a)));
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice on letter pairs: catches typos ("telephonne", "adrese"). */
function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

type NameMatch = { score: number; reason: string };

const phraseTexts = new Map<FieldName, string[]>(placeFields.map((f) => [f.name, [f.name.replace(/_/g, " "), ...synonyms[f.name]].map(normalizeName)]));

/** How much a column's name says it holds the field (0 to 1), and how to say it. */
export function nameScore(column: string, field: FieldName): NameMatch {
  const full = normalizeName(column);
  const words = tokens(full);
  const none = { score: 0, reason: "" };
  if (words.length === 0) return none;
  const texts = phraseTexts.get(field) ?? [];
  if (full === texts[0]) return { score: 1, reason: "même nom que le champ du standard" };
  if (texts.includes(full)) return { score: 1, reason: "nom de colonne courant pour ce champ" };
  let best = 0;
  for (const phrase of phrases.get(field) ?? []) {
    let score = 0;
    if (words.join(" ") === phrase.join(" ")) score = 0.95; // the same, once "de la", "user"… are left aside
    else {
      const used = new Set<number>();
      let abbreviated = false;
      const allMatched = phrase.every((p) => {
        const i = words.findIndex((w, k) => !used.has(k) && sameWord(w, p));
        if (i < 0) return false;
        if (words[i] !== p) abbreviated = true;
        used.add(i);
        return true;
      });
      if (allMatched) {
        const extra = words.length - phrase.length;
        score = (extra === 0 ? 0.9 : Math.max(0.6, 0.8 - 0.05 * extra)) * (abbreviated ? 0.85 : 1);
      } else {
        // Short names differ by one letter that matters (« coord x » / « coord y »): typos only on longer words.
        const [a, b] = [words.join(""), phrase.join("")];
        const sim = Math.min(a.length, b.length) >= 6 ? dice(a, b) : 0;
        if (sim >= 0.85) score = 0.8 * sim;
      }
    }
    best = Math.max(best, score);
  }
  return best > 0 ? { score: best, reason: "nom de colonne proche" } : none;
}

// ── values ──────────────────────────────────────────────────────────────────────────────────────

const SAMPLE = 500;

const is = {
  postcode: (v: string) => /^\d{5}$/.test(v) || /^\d{4}$/.test(v),
  containsPostcode: (v: string) => /(^|\D)\d{5}(\D|$)/.test(v) && !/^\d{4,5}$/.test(v),
  email: (v: string) => v.split(/[;,\s|]+/).filter(Boolean).every((p) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(p)),
  phone: (v: string) => {
    const d = v.replace(/[\s.\-()/]/g, "");
    return /^(\+33|0033|0)[1-9]\d{8}$/.test(d) || /^\+\d{8,15}$/.test(d);
  },
  /** Also 9 digits: a number that lost its leading 0 in a spreadsheet (or a SIREN: not enough to suggest). */
  phoneLoose: (v: string) => is.phone(v) || /^[1-9]\d{8}$/.test(v.replace(/[\s.\-()/]/g, "")),
  url: (v: string) => /^(https?:\/\/|www\.)\S+$/i.test(v) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(v),
  pivot: (v: string) => /^\d{14}$/.test(v.replace(/[\s.]/g, "")) || /^W\d{9}$/i.test(v.trim()),
  number: (v: string) => /^[-+]?\d+([.,]\d+)?$/.test(v),
  hours: (v: string) =>
    v.length <= 300 &&
    (/\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b/i.test(v) ||
      /\b(lun|mar|mer|jeu|ven|sam|dim)\.?\s*(-|au|à|:)/i.test(v) ||
      /\b(Mo|Tu|We|Th|Fr|Sa|Su|PH)(-(Mo|Tu|We|Th|Fr|Sa|Su))?(,\w\w)*\s+\d{1,2}:\d{2}/.test(v) ||
      /\b\d{1,2}\s*h\s*\d{0,2}\s*(-|à|a)\s*\d{1,2}\s*h/i.test(v) ||
      /\b\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}/.test(v)),
  date: (v: string) => /^\d{4}-\d{2}-\d{2}([ T].*)?$/.test(v) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}( .*)?$/.test(v),
  // A number then a word (« 8 rue… », « 38 bis, avenue… », not « 16000 Angoulême »), or a street word.
  street: (v: string) =>
    /^\d{1,4}(?!\d)\s*(bis|ter|b|t)?\s*,?\s+\p{L}/iu.test(v) ||
    /\b(rue|avenue|av|bd|boulevard|place|chemin|allee|allée|route|impasse|quai|cours|square|rond-point|lieu-dit|za|zi|zac|résidence|residence)\b/i.test(v),
} as const;

type Shape = keyof typeof is;

type Profile = {
  column: string;
  index: number;
  values: string[];
  filled: number;
  /** Share of the rows with a value: of two columns as good, the fuller is the better. */
  fullness: number;
  unique: boolean;
  share: (shape: Shape) => number;
  numbers: number[] | null;
};

function profile(table: ProducerTable, column: string, index: number): Profile {
  const all = table.rows.map((r) => (Object.hasOwn(r, column) ? (r[column] ?? "") : "").trim());
  const filledValues = all.filter((v) => v !== "");
  const values = filledValues.slice(0, SAMPLE);
  const cache = new Map<Shape, number>();
  const share = (shape: Shape) => {
    let s = cache.get(shape);
    if (s === undefined) {
      s = values.length === 0 ? 0 : values.filter((v) => is[shape](v)).length / values.length;
      cache.set(shape, s);
    }
    return s;
  };
  const numeric = values.length > 0 && share("number") >= 0.9;
  return {
    column,
    index,
    values,
    filled: filledValues.length,
    fullness: table.rows.length === 0 ? 0 : filledValues.length / table.rows.length,
    unique: filledValues.length === table.rows.length && new Set(filledValues).size === filledValues.length,
    share,
    // The first rows are enough to recognise coordinates (and keep the pair search small).
    numbers: numeric ? all.slice(0, SAMPLE).map((v) => (is.number(v) ? Number(v.replace(",", ".")) : NaN)) : null,
  };
}

/** Where places of France lie: mainland and Corsica, then the overseas territories. */
const franceBoxes: [number, number, number, number][] = [
  // [lat min, lat max, lon min, lon max]
  [41, 51.5, -5.8, 10], // metropole, Corse
  [15.8, 18.2, -63.2, -60.7], // Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
  [2, 6, -54.7, -51.5], // Guyane
  [-21.5, -20.8, 55.1, 55.9], // La Réunion
  [-13.1, -12.6, 44.9, 45.4], // Mayotte
  [-23, -19.5, 163.5, 168.2], // Nouvelle-Calédonie
  [-28, -7.8, -154.8, -134.4], // Polynésie française
  [46.7, 47.2, -56.5, -56.1], // Saint-Pierre-et-Miquelon
  [-14.4, -13.2, -178.2, -176.1], // Wallis-et-Futuna
];
const inFrance = (lat: number, lon: number) => franceBoxes.some(([a, b, c, d]) => lat >= a && lat <= b && lon >= c && lon <= d);

/** The pair of numeric columns (latitude, longitude) with the most rows inside France (80 % at least). */
function coordinatePair(profiles: Profile[]): { lat: Profile; lon: Profile; share: number } | undefined {
  const numeric = profiles.filter((p) => p.numbers !== null && p.filled > 0);
  let best: { lat: Profile; lon: Profile; share: number } | undefined;
  for (const lat of numeric) {
    for (const lon of numeric) {
      if (lat === lon || !lat.numbers || !lon.numbers) continue;
      let both = 0;
      let inside = 0;
      for (let i = 0; i < lat.numbers.length; i++) {
        const [y, x] = [lat.numbers[i] ?? NaN, lon.numbers[i] ?? NaN];
        if (Number.isNaN(y) || Number.isNaN(x)) continue;
        both++;
        if (inFrance(y, x)) inside++;
      }
      // Integers only (counts, codes) are not coordinates.
      const decimals = lat.values.some((v) => /[.,]\d/.test(v)) && lon.values.some((v) => /[.,]\d/.test(v));
      const share = both === 0 ? 0 : inside / both;
      if (decimals && share >= 0.8 && (!best || share > best.share)) best = { lat, lon, share };
    }
  }
  return best;
}

// ── evidence per field ──────────────────────────────────────────────────────────────────────────

type Evidence = { score: number; reason: string };

const shapeReasons: Partial<Record<FieldName, string>> = {
  code_postal: "les valeurs ressemblent à des codes postaux",
  code_insee: "les valeurs ressemblent à des codes de commune à 5 caractères",
  courriels: "les valeurs ressemblent à des adresses électroniques",
  telephone: "les valeurs ressemblent à des numéros de téléphone",
  site_web: "les valeurs ressemblent à des adresses de sites web",
  fiche_acces_libre: "les valeurs sont des liens vers Acceslibre",
  prise_rdv: "les valeurs ressemblent à des liens de prise de rendez-vous",
  pivot: "les valeurs ressemblent à des SIRET ou des numéros RNA",
  horaires: "les valeurs ressemblent à des horaires d'ouverture",
  date_maj: "les valeurs ressemblent à des dates",
  adresse: "les valeurs ressemblent à des adresses (numéro et voie)",
  id: "une valeur différente sur chaque ligne",
};

/** Share of values of the right shape for fields that have one (undefined: no shape to check). */
function shapeShare(field: FieldName, p: Profile): number | undefined {
  switch (field) {
    case "code_postal":
    case "code_insee":
      return p.share("postcode");
    case "courriels":
      return p.share("email");
    case "telephone":
      return p.share("phone");
    case "site_web":
      return p.share("url");
    case "fiche_acces_libre":
      return p.values.filter((v) => is.url(v) && /acceslibre/i.test(v)).length / Math.max(1, p.values.length);
    case "prise_rdv":
      return p.values.filter((v) => is.url(v) && /(rdv|rendez|booking|doctolib|calendly|agenda|reservation)/i.test(v)).length / Math.max(1, p.values.length);
    case "pivot":
      return p.share("pivot");
    case "horaires":
      return p.values.filter((v) => is.hours(v) && !is.date(v)).length / Math.max(1, p.values.length);
    case "date_maj":
      return p.share("date");
    case "adresse":
      return p.share("street");
    case "id":
      return p.unique ? 1 : 0;
    default:
      return undefined;
  }
}

/** Fields whose values are words: a column of numbers is not one of them. */
const textFields = new Set<FieldName>(["nom", "commune", "adresse", "complement_adresse", "typologie", "horaires", "presentation_resume", "presentation_detail", "source", "structure_parente"]);

/** Fields that a column's values alone can designate (a name is not needed). */
const shapeOnly: Partial<Record<FieldName, number>> = {
  code_postal: 0.85,
  courriels: 0.85,
  telephone: 0.85,
  pivot: 0.85,
  fiche_acces_libre: 0.85,
  prise_rdv: 0.8,
  horaires: 0.7,
  date_maj: 0.7,
  site_web: 0.7,
  adresse: 0.66,
};

/** Codes, not words: « 43 », « MED-016 », « a1b2… » (a place's name, a URL or a coordinate is no identifier). */
function codeLike(p: Profile): boolean {
  return p.values.every((v) => /^[\p{L}\d_\-:.]{1,64}$/u.test(v) && /\d/.test(v) && !is.url(v) && !is.date(v) && !/^-?\d+[.,]\d+$/.test(v));
}

/** A column whose name says another field (« CP », « Téléphone ») is not taken as the identifier for being unique. */
const namedOtherwise = (column: string) => placeFields.some((f) => f.name !== "id" && nameScore(column, f.name).score >= 0.85);

/** A geocoder's output (BAN/Addok « result_label », « result_type »…): its names say nothing of the producer's data. */
const geocoderColumn = (column: string) => /^result\s/.test(normalizeName(column));

const weekdaysAll = /\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mo|tu|we|th|fr|sa|su)\b/g;

/** Value share an enumerated field needs: with a name that says so, a third (the rest is translated); on values alone, most. */
const FIT_WITH_NAME = 0.3;
const FIT_ALONE = 0.8;

function evidence(field: FieldName, p: Profile, coords: ReturnType<typeof coordinatePair>): Evidence {
  if (p.filled === 0) return { score: 0, reason: "" };
  const geocoder = geocoderColumn(p.column);
  const name = geocoder ? { score: 0, reason: "" } : nameScore(p.column, field);
  const nameReason = name.reason;

  if (field === "latitude" || field === "longitude") {
    const chosen = coords ? (field === "latitude" ? coords.lat : coords.lon) : undefined;
    const what = field === "latitude" ? "latitudes" : "longitudes";
    if (chosen === p) {
      const reason = name.score >= 0.6 ? `${nameReason} ; les valeurs sont des ${what} en France` : `les valeurs sont des ${what} en France${nameScore(p.column, field === "latitude" ? "longitude" : "latitude").score >= 0.6 ? " (malgré le nom de la colonne)" : ""}`;
      return { score: 0.95, reason };
    }
    // A name without values inside France (or the other coordinate of the pair) is not enough.
    if (coords && (coords.lat === p || coords.lon === p)) return { score: 0, reason: "" };
    return name.score >= 0.6 && p.numbers ? { score: name.score * 0.5, reason: nameReason } : { score: 0, reason: "" };
  }

  // One day of per-day hours (« horaires_lundi ») is not the place's hours (they are combined, see the
  // composed fields); a range of days (« Horaires lun-ven ») is.
  if (field === "horaires" && new Set(normalizeName(p.column).match(weekdaysAll) ?? []).size === 1) return { score: 0, reason: "" };

  if (isEnumField(field)) {
    const fit = name.score > 0 ? vocabularyFit(field, p.values) : vocabularyFit(field, p.values, false, FIT_ALONE / 2);
    const percent = `${Math.round(fit * 100)} % des valeurs correspondent au vocabulaire du standard`;
    // « Itinérant : Oui/Non » says itinerance in its name and its ticks.
    if (field === "itinerance" && name.score >= 0.6 && yesNoShare(p.values) >= 0.8) {
      return { score: 0.9 + 0.1 * name.score, reason: `${nameReason} ; les valeurs sont des oui/non` };
    }
    if (name.score > 0 && fit >= FIT_WITH_NAME) return { score: 0.9 + 0.1 * name.score, reason: `${nameReason} ; ${percent}` };
    if (name.score === 0 && fit >= FIT_ALONE) return { score: 0.8, reason: percent };
    return { score: 0, reason: "" };
  }

  let score = name.score;
  let reason = name.score > 0 ? nameReason : "";
  let share = shapeShare(field, p);
  // A distinct code on every row is an identifier whatever its name; a distinct name on every row is not.
  if (field === "id" && name.score === 0) share = p.unique && codeLike(p) && !namedOtherwise(p.column) ? 1 : 0;
  if (share !== undefined) {
    const strong = field === "horaires" ? share >= 0.6 : share >= 0.8;
    if (strong) {
      const shapeReason = shapeReasons[field] ?? "";
      const alone = field === "id" ? 0.7 : shapeOnly[field];
      if (score > 0) {
        // Name and values together outrank values alone (which give 0.85 at most).
        score = Math.max(score, 0.9 + 0.1 * score);
        reason = `${reason} ; ${shapeReason}`;
      } else if (alone !== undefined) {
        score = alone;
        reason = shapeReason;
      }
    } else if (score > 0 && (field === "telephone" ? p.share("phoneLoose") : share) < (field === "horaires" ? 0.2 : 0.5)) {
      // The name says so, the values say otherwise (an « id » that repeats, a « CP » of words).
      score *= 0.3;
    }
  }
  if (textFields.has(field) && score > 0 && p.share("number") >= 0.8) score *= 0.3;
  return { score, reason };
}

/** Where a full address also gives the postcode: « … - 33000 Bordeaux ». */
function postcodeInside(p: Profile): boolean {
  return p.values.length > 0 && p.values.filter((v) => is.containsPostcode(v)).length / p.values.length >= 0.8;
}

/** Text after the postcode (« 33000 Bordeaux » → « Bordeaux »), as apply.ts reads it. */
function communeAfterPostcode(p: Profile): boolean {
  return p.values.length > 0 && p.values.filter((v) => /\d{5}\s*[,-]?\s*\p{L}/u.test(v)).length / p.values.length >= 0.8;
}

const MIN_SCORE = 0.65;
const fieldOrder = new Map<FieldName, number>(placeFields.map((f, i) => [f.name, i]));

export function suggestMapping(table: ProducerTable): Suggestions {
  const profiles = table.columns.map((c, i) => profile(table, c, i));
  const coords = coordinatePair(profiles);
  const candidates: { field: FieldName; p: Profile; e: Evidence }[] = [];
  for (const f of placeFields) {
    for (const p of profiles) {
      const e = evidence(f.name, p, coords);
      if (e.score >= MIN_SCORE) candidates.push({ field: f.name, p, e });
    }
  }
  // Best evidence first, the fuller column first when two are as good (up to 0.1 for an empty column: a
  // landline on every row before a mobile on a third of them); ties go to the schema's field order, then
  // to the leftmost column.
  const ranked = (c: { p: Profile; e: Evidence }) => c.e.score - 0.1 * (1 - c.p.fullness);
  candidates.sort((a, b) => ranked(b) - ranked(a) || (fieldOrder.get(a.field) ?? 0) - (fieldOrder.get(b.field) ?? 0) || a.p.index - b.p.index);
  const out: Suggestions = {};
  const taken = new Set<string>();
  for (const c of candidates) {
    if (out[c.field] || taken.has(c.p.column)) continue;
    out[c.field] = { column: c.p.column, reason: c.e.reason, score: Math.round(c.e.score * 100) / 100 };
    taken.add(c.p.column);
  }
  // The one case where a column serves twice: the postcode (and the commune) inside a full address.
  if (!out.code_postal) {
    const address = out.adresse ? profiles.find((p) => p.column === out.adresse?.column) : undefined;
    const holder = [address, ...profiles].find((p) => p !== undefined && postcodeInside(p));
    if (holder) {
      const example = holder.values.find((v) => is.containsPostcode(v)) ?? "";
      const code = /(?:^|\D)(\d{5})(?:\D|$)/.exec(example)?.[1] ?? "";
      out.code_postal = { column: holder.column, reason: `le code postal est lu dans le texte de la colonne, par exemple « ${code} » dans « ${example} »`, score: 0.6 };
      if (!out.commune && communeAfterPostcode(holder)) {
        out.commune = { column: holder.column, reason: "la commune est lue après le code postal", score: 0.55 };
      }
    }
  }
  return out;
}

/** Up to `n` distinct non-empty values of a column, shortened, to show beside each choice. */
export function examples(table: ProducerTable, column: string, n = 3): string[] {
  const out: string[] = [];
  for (const r of table.rows) {
    const v = (Object.hasOwn(r, column) ? (r[column] ?? "") : "").replace(/\s+/g, " ").trim();
    const shown = Array.from(v).length > 60 ? `${Array.from(v).slice(0, 57).join("")}…` : v;
    if (shown !== "" && !out.includes(shown)) out.push(shown);
    if (out.length >= n) break;
  }
  return out;
}

/**
 * Correspondence between the data·inclusion v1 vocabularies (../shared/data/standard-mediation-numerique/
 * data-inclusion-schema/v1/extra/*.json: thematiques, publics, frais, modes…, réseaux porteurs) and the
 * enumerations of the national digital-mediation standard v1.0.2. Written by hand from both lists
 * (decision 016): only the pairs that mean the same thing; every other value is reported on import,
 * never dropped silently. Typed against the standard's enumerations so that a typo fails to compile.
 */
import type { EnumValue } from "../standard/schema";

type Service = EnumValue<"services">;
type Public = EnumValue<"publics_specifiquement_adresses">;
type Dispositif = EnumValue<"dispositif_programmes_nationaux">;
type Acces = EnumValue<"modalites_acces">;

/** data·inclusion « thématiques » (numérique and the administrative steps) → standard « services ». */
export const thematiqueToService: Record<string, Service> = {
  "numerique--acceder-a-des-services-en-ligne": "Aide aux démarches administratives",
  "numerique--acceder-a-une-connexion-internet": "Accès internet et matériel informatique",
  "numerique--acquerir-un-equipement": "Acquisition de matériel informatique à prix solidaire",
  "numerique--maitriser-les-fondamentaux-du-numerique": "Maîtrise des outils numériques du quotidien",
  "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives": "Aide aux démarches administratives",
  "famille--soutien-a-la-parentalite-et-a-leducation": "Parentalité et éducation avec le numérique",
};

/** The way back: each standard service as the data·inclusion thematique closest to it. */
export const serviceToThematique: Record<Service, string> = {
  "Aide aux démarches administratives": "numerique--acceder-a-des-services-en-ligne",
  "Maîtrise des outils numériques du quotidien": "numerique--maitriser-les-fondamentaux-du-numerique",
  "Insertion professionnelle via le numérique": "numerique--maitriser-les-fondamentaux-du-numerique",
  "Utilisation sécurisée du numérique": "numerique--maitriser-les-fondamentaux-du-numerique",
  "Parentalité et éducation avec le numérique": "famille--soutien-a-la-parentalite-et-a-leducation",
  "Loisirs et créations numériques": "numerique--maitriser-les-fondamentaux-du-numerique",
  "Compréhension du monde numérique": "numerique--maitriser-les-fondamentaux-du-numerique",
  "Accès internet et matériel informatique": "numerique--acceder-a-une-connexion-internet",
  "Acquisition de matériel informatique à prix solidaire": "numerique--acquerir-un-equipement",
};

export const publicToStandard: Record<string, Public> = {
  jeunes: "Jeunes",
  etudiants: "Étudiants",
  familles: "Familles et/ou enfants",
  seniors: "Seniors",
  femmes: "Femmes",
};
export const publicFromStandard: Record<Public, string> = {
  Jeunes: "jeunes",
  Étudiants: "etudiants",
  "Familles et/ou enfants": "familles",
  Seniors: "seniors",
  Femmes: "femmes",
};

/** « tous-publics » says nothing in the standard (a place welcomes everyone by default): read silently. */
export const silentPublics = new Set(["tous-publics"]);

export const reseauToDispositif: Record<string, Dispositif> = {
  "conseillers-numeriques": "Conseillers numériques",
  "aidants-connect": "Aidants Connect",
  "france-service": "France Services",
  "croix-rouge": "La Croix Rouge",
  "grandes-ecoles-du-numerique": "Grande école du numérique",
};
export const dispositifToReseau: Partial<Record<Dispositif, string>> = Object.fromEntries(Object.entries(reseauToDispositif).map(([k, v]) => [v, k]));

export const mobilisationToAcces: Record<string, Acces> = {
  "se-presenter": "Se présenter",
  telephoner: "Téléphoner",
  "envoyer-un-courriel": "Contacter par mail",
  "utiliser-lien-mobilisation": "Prendre un RDV en ligne",
};
export const accesToMobilisation: Partial<Record<Acces, string>> = {
  "Se présenter": "se-presenter",
  Téléphoner: "telephoner",
  "Contacter par mail": "envoyer-un-courriel",
  "Prendre un RDV en ligne": "utiliser-lien-mobilisation",
  "Envoyer un mail avec une fiche de prescription": "envoyer-un-courriel",
};

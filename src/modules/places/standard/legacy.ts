/**
 * How v0.1.x data becomes v1.0.2, derived by diffing versions/v0.1.1/schema.json with schema.json.
 *
 * Field names:  courriel → courriels, accessibilite → fiche_acces_libre,
 *               labels_autres → autres_formations_labels, cle_ban → (no v1 field: dropped with a warning),
 *               labels_nationaux → dispositif_programmes_nationaux (+ formations_labels / autres_formations_labels),
 *               conditions_acces → frais_a_charge, publics_accueillis → publics_specifiquement_adresses
 *               + prise_en_charge_specifique; services and modalites_accompagnement keep their name
 *               but changed vocabulary; ";" became "|".
 * Values: the tables below. A target without `note` is a faithful rename (silent); with a `note`,
 * the translation is approximate or moves the value elsewhere, and the note becomes a warning.
 */
import type { EnumFieldName, EnumValue, LegacyEnumFieldName, LegacyEnumValue } from "./schema";

export type LegacyTarget =
  | { field: EnumFieldName; value: string; note?: string; generalPublic?: boolean }
  | { field: "autres_formations_labels"; value: string; note: string };

/** Type-checked target: the value must belong to the v1.0.2 enumeration of the field. */
function to<F extends EnumFieldName>(field: F, value: EnumValue<F>, note?: string): LegacyTarget {
  return note === undefined ? { field, value } : { field, value, note };
}
function other(value: string, note: string): LegacyTarget {
  return { field: "autres_formations_labels", value, note };
}
/** A public that v0.1 listed as "welcomed" but v1 only keeps when it is *specifically* addressed. */
function publicOf(value: EnumValue<"publics_specifiquement_adresses">): LegacyTarget {
  return { field: "publics_specifiquement_adresses", value, generalPublic: true };
}

type Table<F extends LegacyEnumFieldName> = Record<LegacyEnumValue<F>, LegacyTarget[]>;

const services: Table<"services"> = {
  "Devenir autonome dans les démarches administratives": [to("services", "Aide aux démarches administratives")],
  "Réaliser des démarches administratives avec un accompagnement": [to("services", "Aide aux démarches administratives")],
  "Prendre en main un smartphone ou une tablette": [to("services", "Maîtrise des outils numériques du quotidien")],
  "Prendre en main un ordinateur": [to("services", "Maîtrise des outils numériques du quotidien")],
  "Utiliser le numérique au quotidien": [to("services", "Maîtrise des outils numériques du quotidien")],
  "Approfondir ma culture numérique": [to("services", "Compréhension du monde numérique")],
  "Favoriser mon insertion professionnelle": [to("services", "Insertion professionnelle via le numérique")],
  "Accéder à une connexion internet": [to("services", "Accès internet et matériel informatique")],
  "Accéder à du matériel": [to("services", "Accès internet et matériel informatique")],
  "S'équiper en matériel informatique": [to("services", "Acquisition de matériel informatique à prix solidaire")],
  "Créer et développer mon entreprise": [
    to("services", "Insertion professionnelle via le numérique", "la version 1.0.2 n'a pas de service dédié à la création d'entreprise"),
  ],
  "Créer avec le numérique": [to("services", "Loisirs et créations numériques")],
  "Accompagner les démarches de santé": [
    to("services", "Aide aux démarches administratives", "la version 1.0.2 n'a pas de service dédié aux démarches de santé"),
  ],
  "Promouvoir la citoyenneté numérique": [
    to("services", "Compréhension du monde numérique", "la version 1.0.2 n'a pas de service dédié à la citoyenneté numérique"),
  ],
  "Soutenir la parentalité et l'éducation avec le numérique": [to("services", "Parentalité et éducation avec le numérique")],
};

const modalitesAccompagnement: Table<"modalites_accompagnement"> = {
  "Seul : j'ai accès à du matériel et une connexion": [to("modalites_accompagnement", "En autonomie")],
  "Avec de l'aide : je suis accompagné seul dans l'usage du numérique": [to("modalites_accompagnement", "Accompagnement individuel")],
  "Dans un atelier : j'apprends collectivement à utiliser le numérique": [to("modalites_accompagnement", "Dans un atelier collectif")],
  "A ma place : une personne habilitée fait les démarches à ma place": [
    to("modalites_accompagnement", "Accompagnement individuel", "la version 1.0.2 n'a pas de modalité « à ma place »"),
  ],
};

const conditionsAcces: Table<"conditions_acces"> = {
  "Gratuit : Je peux accéder gratuitement au lieu et à ses services": [to("frais_a_charge", "Gratuit")],
  "Gratuit sous condition : La gratuité est conditionnée à des critères (situation familiale, convention avec un organisme social...)": [
    to("frais_a_charge", "Gratuit sous condition"),
  ],
  "Payant : L'accès au lieu et/ou à ses services est payant": [to("frais_a_charge", "Payant")],
  "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer": [
    to("frais_a_charge", "Payant", "la version 1.0.2 n'a pas de valeur « Adhésion »"),
  ],
  "Accepte le Pass numérique : Il est possible d'utiliser un Pass numérique pour accéder au lieu": [
    other("Pass numérique", "la version 1.0.2 n'a plus de valeur pour le Pass numérique"),
  ],
};

const labelsNationaux: Table<"labels_nationaux"> = {
  "France Services": [to("dispositif_programmes_nationaux", "France Services")],
  CNFS: [to("dispositif_programmes_nationaux", "Conseillers numériques")],
  APTIC: [other("APTIC", "APTIC n'est plus un dispositif national de la version 1.0.2")],
  "Aidants Connect": [to("dispositif_programmes_nationaux", "Aidants Connect")],
  "Fabriques de Territoire": [to("formations_labels", "Fabriques de Territoire")],
  "Grandes écoles du numérique": [to("dispositif_programmes_nationaux", "Grande école du numérique")],
  "Point relais CAF": [to("dispositif_programmes_nationaux", "Point d'accès numérique CAF")],
  "Point numérique CAF": [to("dispositif_programmes_nationaux", "Point d'accès numérique CAF")],
  "Relais pôle emploi": [other("Relais pôle emploi", "« Relais pôle emploi » n'est plus un dispositif national de la version 1.0.2")],
  "French Tech": [other("French Tech", "« French Tech » n'est plus un dispositif national de la version 1.0.2")],
  "Campus connecté": [other("Campus connecté", "« Campus connecté » n'est plus un dispositif national de la version 1.0.2")],
};

/**
 * v0.1 said which publics a place *can welcome*; v1 says which publics it *specifically addresses*
 * ("by default a place welcomes everyone"). General publics are therefore kept only when the list
 * does not also contain "Adultes" (which means: everyone). Special needs map to prise_en_charge_specifique.
 */
const publicsAccueillis: Table<"publics_accueillis"> = {
  "Seniors (+ 65 ans)": [publicOf("Seniors")],
  "Familles/enfants": [publicOf("Familles et/ou enfants")],
  Adultes: [],
  "Jeunes (16-26 ans)": [publicOf("Jeunes")],
  "Public langues étrangères": [
    to("prise_en_charge_specifique", "Langues étrangères (autres)", "la version 0.1 ne précisait pas la langue"),
  ],
  "Déficience visuelle": [to("prise_en_charge_specifique", "Déficience visuelle")],
  Surdité: [to("prise_en_charge_specifique", "Surdité")],
  "Handicaps psychiques : troubles psychiatriques donnant lieu à des atteintes comportementales": [
    to("prise_en_charge_specifique", "Handicaps mentaux", "la version 1.0.2 n'a pas de valeur « Handicaps psychiques »"),
  ],
  "Handicaps mentaux : déficiences limitant les activités d'une personne": [to("prise_en_charge_specifique", "Handicaps mentaux")],
  "Uniquement femmes": [to("publics_specifiquement_adresses", "Femmes")],
  "Personnes en situation d'illettrisme": [to("prise_en_charge_specifique", "Illettrisme")],
};

export const legacyValueTables: { [F in LegacyEnumFieldName]: Table<F> } = {
  services,
  modalites_accompagnement: modalitesAccompagnement,
  conditions_acces: conditionsAcces,
  labels_nationaux: labelsNationaux,
  publics_accueillis: publicsAccueillis,
};

/** v0.1 fields renamed in v1 without a change of meaning. */
export const legacyRenames = {
  courriel: "courriels",
  accessibilite: "fiche_acces_libre",
  labels_autres: "autres_formations_labels",
} as const;

/** v0.1 fields whose values are translated one by one (their targets are in the tables above). */
export const legacyValueFields = ["labels_nationaux", "conditions_acces", "publics_accueillis"] as const;

/** v0.1 fields with no v1 counterpart. */
export const legacyDropped = ["cle_ban"] as const;

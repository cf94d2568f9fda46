/**
 * data·inclusion's structure typology (`typologie`: the codes of its referential « typologies de
 * structures », e.g. MUNI, CCAS, ML, ASSO) → the legal type and worlds of an actor of the registry.
 * Written by hand, code by code, only where the code says both without doubt; typed on the actors'
 * enumerations so that a typo fails to compile. A code missing here is reported once per file on import
 * (the actor is still written, legal type « Autre » unless the file gives an RNA number).
 */
import type { LegalType, World } from "@/modules/actors";

export type Typology = { legalType: LegalType; worlds: World[] };

export const typologieToActor: Record<string, Typology> = {
  // Local authorities and their services.
  MUNI: { legalType: "collectivite", worlds: ["administration"] },
  CCAS: { legalType: "collectivite", worlds: ["social"] },
  CIAS: { legalType: "collectivite", worlds: ["social"] },
  CC: { legalType: "collectivite", worlds: ["administration"] },
  EPCI: { legalType: "collectivite", worlds: ["administration"] },
  CD: { legalType: "collectivite", worlds: ["social"] },
  DEPT: { legalType: "collectivite", worlds: ["social"] },
  CDAS: { legalType: "collectivite", worlds: ["social"] },
  MDS: { legalType: "collectivite", worlds: ["social"] },
  REG: { legalType: "collectivite", worlds: ["administration"] },
  BIB: { legalType: "collectivite", worlds: ["culture"] },
  MDPH: { legalType: "collectivite", worlds: ["sante", "social"] },
  // The State and its operators (social security bodies included: public service, national network).
  PREF: { legalType: "etat", worlds: ["administration"] },
  CAF: { legalType: "etat", worlds: ["social", "administration"] },
  MSA: { legalType: "etat", worlds: ["social", "administration"] },
  CPAM: { legalType: "etat", worlds: ["sante", "administration"] },
  CARSAT: { legalType: "etat", worlds: ["social", "administration"] },
  PE: { legalType: "etat", worlds: ["emploi_insertion"] },
  FT: { legalType: "etat", worlds: ["emploi_insertion"] },
  AFPA: { legalType: "etat", worlds: ["emploi_insertion"] },
  EPIDE: { legalType: "etat", worlds: ["emploi_insertion", "education_jeunesse"] },
  DEETS: { legalType: "etat", worlds: ["emploi_insertion"] },
  SPIP: { legalType: "etat", worlds: ["social"] },
  PJJ: { legalType: "etat", worlds: ["social", "education_jeunesse"] },
  // Associations by nature.
  ASSO: { legalType: "association", worlds: [] },
  ASSO_CHOMEUR: { legalType: "association", worlds: ["emploi_insertion"] },
  ML: { legalType: "association", worlds: ["emploi_insertion", "education_jeunesse"] },
  MJC: { legalType: "association", worlds: ["culture", "education_jeunesse"] },
  CSC: { legalType: "association", worlds: ["social", "habitants"] },
  EVS: { legalType: "association", worlds: ["social", "habitants"] },
  ACI: { legalType: "association", worlds: ["emploi_insertion"] },
  AI: { legalType: "association", worlds: ["emploi_insertion"] },
  GEIQ: { legalType: "association", worlds: ["emploi_insertion"] },
  PIMMS: { legalType: "association", worlds: ["administration", "social"] },
  UDAF: { legalType: "association", worlds: ["social"] },
  CIDFF: { legalType: "association", worlds: ["social"] },
  OACAS: { legalType: "association", worlds: ["social"] },
  RESSOURCERIE: { legalType: "association", worlds: ["economie"] },
  // Companies of the inclusion economy.
  EI: { legalType: "entreprise", worlds: ["emploi_insertion"] },
  ETTI: { legalType: "entreprise", worlds: ["emploi_insertion"] },
  EITI: { legalType: "entreprise", worlds: ["emploi_insertion"] },
  EA: { legalType: "entreprise", worlds: ["emploi_insertion"] },
  EATT: { legalType: "entreprise", worlds: ["emploi_insertion"] },
  // Schools.
  E2C: { legalType: "enseignement", worlds: ["emploi_insertion", "education_jeunesse"] },
  // Mixed status (association, public body or company depending on the place): the world only.
  CAP_EMPLOI: { legalType: "autre", worlds: ["emploi_insertion"] },
  PLIE: { legalType: "autre", worlds: ["emploi_insertion"] },
  MDE: { legalType: "autre", worlds: ["emploi_insertion"] },
  MDEF: { legalType: "autre", worlds: ["emploi_insertion"] },
  OF: { legalType: "autre", worlds: ["emploi_insertion"] },
  MSAP: { legalType: "autre", worlds: ["administration"] },
  RFS: { legalType: "autre", worlds: ["administration"] },
  MQ: { legalType: "autre", worlds: ["habitants"] },
  PIJ_BIJ: { legalType: "autre", worlds: ["education_jeunesse"] },
  CHRS: { legalType: "autre", worlds: ["social"] },
  CHU: { legalType: "autre", worlds: ["social"] },
  CADA: { legalType: "autre", worlds: ["social"] },
  HUDA: { legalType: "autre", worlds: ["social"] },
  CPH: { legalType: "autre", worlds: ["social"] },
  RS_FJT: { legalType: "autre", worlds: ["social", "education_jeunesse"] },
  PENSION: { legalType: "autre", worlds: ["social"] },
  CAARUD: { legalType: "autre", worlds: ["sante", "social"] },
  CSAPA: { legalType: "autre", worlds: ["sante", "social"] },
  CS: { legalType: "autre", worlds: ["sante"] },
  TIERS_LIEUX: { legalType: "autre", worlds: ["numerique"] },
  ESS: { legalType: "autre", worlds: ["economie"] },
  Autre: { legalType: "autre", worlds: [] },
};

/** Networks (réseaux porteurs) and thematiques that say a structure works in a world. */
export const reseauToWorld: Record<string, World> = {
  "conseillers-numeriques": "numerique",
  "aidants-connect": "numerique",
  "grandes-ecoles-du-numerique": "numerique",
  "france-service": "administration",
};

/** A service whose thematique starts with this prefix is a digital one: the structure works in « numérique ». */
export const DIGITAL_THEMATIQUE = "numerique--";

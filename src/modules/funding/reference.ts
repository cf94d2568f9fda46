import type { LegalType } from "@/modules/actors";
import type { ThemeId } from "@/modules/themes";
import type { AidKind, ResourceKind } from "./schema";

/**
 * The reference list shipped with Maillage: where the money for digital inclusion usually comes from, and who can
 * help. Written by us, in our words (no third-party text copied): a starting point for a coordinator, never a
 * promise of money. Rates and amounts change with every call and every funder; where a figure is not fixed by a
 * text we can name, the fields stay empty and the notes say « taux indicatif » or where to ask. Loaded at start-up
 * (load.ts), upserted by `key`: rewording an entry here updates every instance; a key is never reused.
 *
 * The keys below are used by other code (the plan's demo finds its co-funders by them): keep them.
 */
export type ReferenceSource = {
  key: string;
  name: string;
  funder: string;
  aidKind: AidKind;
  finances: string;
  themes: ThemeId[];
  /** Actor legal types that can carry a project; empty = any. */
  bearers: LegalType[];
  publics: string[];
  /** "national" also stands for the programmes every région or département runs for itself (codes empty). */
  scopeKind: "national" | "region" | "departement";
  rateMin?: number;
  rateMax?: number;
  amountMin?: number;
  amountMax?: number;
  rhythm: string;
  url: string;
  notes: string;
};

export const referenceSources: readonly ReferenceSource[] = [
  {
    key: "droit-commun-collectivites",
    name: "Budgets ordinaires des collectivités (droit commun)",
    funder: "Communes, intercommunalités, département, région",
    aidKind: "budget_propre",
    finances:
      "Ce que la collectivité paie chaque année sur son propre budget : postes d'agents d'accueil et de médiation, locaux, matériel, fonctionnement des espaces publics numériques, formation des agents.",
    themes: ["accompagnement_humain", "acces_droits", "competences_agents_elus", "competences_base"],
    bearers: ["collectivite"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rhythm: "Vote du budget chaque année (budget primitif, puis décisions modificatives en cours d'année).",
    url: "https://www.collectivites-locales.gouv.fr/finances-locales",
    notes: "Le financement le plus durable : une action qui doit durer gagne à y entrer une fois l'expérimentation finie.",
  },
  {
    key: "etat-france-numerique-ensemble",
    name: "France Numérique Ensemble : feuilles de route territoriales d'inclusion numérique",
    funder: "État : Agence nationale de la cohésion des territoires (ANCT) et préfectures",
    aidKind: "subvention",
    finances:
      "Les actions inscrites dans la feuille de route territoriale d'inclusion numérique : coordination, structuration de l'offre de médiation, formation des aidants, outillage des lieux.",
    themes: ["accompagnement_humain", "competences_base", "acces_droits", "reseau_aidants", "competences_agents_elus"],
    bearers: ["collectivite", "association", "entreprise", "autre"],
    publics: ["Personnes éloignées du numérique", "Aidants et médiateurs"],
    scopeKind: "national",
    rhythm: "Crédits délégués aux préfectures selon les années ; appels à manifestation d'intérêt ponctuels.",
    url: "https://inclusion-numerique.anct.gouv.fr",
    notes: "Montants et modalités changent d'une année à l'autre : demander au référent inclusion numérique de la préfecture.",
  },
  {
    key: "conseillers-numeriques",
    name: "Conseillers et conseillères numériques",
    funder: "État : Agence nationale de la cohésion des territoires (ANCT)",
    aidKind: "subvention",
    finances: "Des postes de conseillers et conseillères numériques : une aide de l'État par poste, et leur formation.",
    themes: ["accompagnement_humain", "competences_base", "acces_droits"],
    bearers: ["collectivite", "association", "entreprise", "autre"],
    publics: ["Tous publics", "Personnes éloignées du numérique"],
    scopeKind: "national",
    rhythm: "Par vagues de conventionnement décidées par l'État.",
    url: "https://www.conseiller-numerique.gouv.fr",
    notes: "Le montant par poste et la durée sont fixés par l'État et revus d'une vague à l'autre : se reporter à la page officielle.",
  },
  {
    key: "france-services",
    name: "France services : soutien au fonctionnement des structures labellisées",
    funder: "État et fonds national France services (ANCT)",
    aidKind: "subvention",
    finances: "Le fonctionnement d'une structure labellisée France services : accueil, accompagnement aux démarches administratives.",
    themes: ["acces_droits", "identite_numerique", "accompagnement_humain"],
    bearers: ["collectivite", "association", "autre"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rhythm: "Forfait annuel pour chaque structure labellisée ; labellisation instruite par la préfecture.",
    url: "https://agence-cohesion-territoires.gouv.fr",
    notes: "Ne finance que les structures labellisées ; le forfait est fixé par l'État (montant à vérifier chaque année).",
  },
  {
    key: "feder-iti",
    name: "FEDER : volet numérique et investissements territoriaux intégrés (ITI)",
    funder: "Union européenne, programme géré par la Région",
    aidKind: "subvention",
    finances:
      "Des investissements et projets structurants liés au numérique, souvent dans une stratégie territoriale intégrée (ITI) portée par une agglomération ou un pays.",
    themes: ["accompagnement_humain", "developpement_economique", "acces_internet_logement"],
    bearers: ["collectivite", "association", "entreprise", "enseignement", "bailleur_social"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rhythm: "Appels à projets ou dépôt au fil de l'eau selon le programme régional 2021-2027 ; le porteur avance les dépenses, remboursées ensuite.",
    url: "https://www.europe-en-france.gouv.fr/fr/fonds-europeens/fonds-europeen-de-developpement-regional-FEDER",
    notes: "Taux indicatif : le taux d'intervention dépend du programme régional et de la catégorie de la région. Trésorerie et justification exigeantes.",
  },
  {
    key: "fse-plus",
    name: "Fonds social européen plus (FSE+)",
    funder: "Union européenne, volets gérés par l'État (DREETS) et par les Régions",
    aidKind: "subvention",
    finances: "L'inclusion sociale et professionnelle : compétences de base dont numériques, accompagnement des personnes éloignées de l'emploi.",
    themes: ["insertion", "competences_base", "acces_droits"],
    bearers: ["association", "collectivite", "entreprise", "enseignement"],
    publics: ["Personnes éloignées de l'emploi", "Jeunes", "Demandeurs d'emploi"],
    scopeKind: "national",
    rhythm: "Appels à projets réguliers de l'État ou de la Région ; le porteur avance les dépenses.",
    url: "https://fse.gouv.fr",
    notes: "Taux indicatif selon l'appel. Suivi des participants et contrôle de service fait exigeants : prévoir du temps de gestion.",
  },
  {
    key: "dsil",
    name: "Dotation de soutien à l'investissement local (DSIL)",
    funder: "État : préfecture de région et de département",
    aidKind: "subvention",
    finances: "Les investissements des communes et intercommunalités : aménagement d'un lieu d'accueil, d'un tiers-lieu ou d'un espace numérique, équipement.",
    themes: ["accompagnement_humain", "acces_droits"],
    bearers: ["collectivite"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rateMax: 80,
    rhythm: "Appel annuel de la préfecture, dépôt en général en début d'année.",
    url: "https://www.collectivites-locales.gouv.fr/finances-locales/dotation-de-soutien-linvestissement-local-dsil",
    notes:
      "Taux indicatif fixé projet par projet. Pour une collectivité maître d'ouvrage, l'ensemble des aides publiques est en principe limité à 80 % (elle garde au moins 20 %, sauf dérogations).",
  },
  {
    key: "detr",
    name: "Dotation d'équipement des territoires ruraux (DETR)",
    funder: "État : préfecture de département",
    aidKind: "subvention",
    finances: "Les investissements des communes et intercommunalités rurales éligibles, selon les catégories d'opérations fixées chaque année dans le département.",
    themes: ["accompagnement_humain", "acces_droits"],
    bearers: ["collectivite"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rateMin: 20,
    rateMax: 80,
    rhythm: "Appel annuel du préfet de département, dépôt en général entre l'automne et la fin de l'hiver.",
    url: "https://www.collectivites-locales.gouv.fr/finances-locales/dotation-dequipement-des-territoires-ruraux-detr",
    notes: "Taux indicatif : la commission départementale des élus fixe les catégories et les taux de l'année.",
  },
  {
    key: "caf-fonds-locaux",
    name: "CAF : fonds locaux et action sociale",
    funder: "Caisse d'allocations familiales du département",
    aidKind: "subvention",
    finances:
      "Les actions pour les familles, la parentalité et les jeunes, l'accès aux droits ; le fonctionnement des centres sociaux et espaces de vie sociale.",
    themes: ["parentalite_education", "acces_droits", "reseau_aidants"],
    bearers: ["association", "collectivite"],
    publics: ["Familles", "Parents", "Jeunes"],
    scopeKind: "departement",
    rhythm: "Propre à chaque CAF : appels à projets annuels, commissions d'action sociale.",
    url: "https://www.caf.fr/partenaires",
    notes: "Chaque CAF fixe ses priorités et ses montants : demander le règlement d'action sociale de la CAF du département.",
  },
  {
    key: "conference-des-financeurs",
    name: "Conférence des financeurs de la prévention de la perte d'autonomie",
    funder: "Département et caisses (retraite, assurance maladie), avec la CNSA",
    aidKind: "appel_a_projets",
    finances: "Des actions collectives de prévention pour les personnes de 60 ans et plus, dont l'usage du numérique et le lien social.",
    themes: ["competences_base", "acces_droits", "reseau_aidants"],
    bearers: ["association", "collectivite", "entreprise"],
    publics: ["Personnes âgées de 60 ans et plus", "Proches aidants"],
    scopeKind: "departement",
    rhythm: "Appel à projets annuel dans chaque département.",
    url: "https://www.cnsa.fr",
    notes: "Priorités et calendrier propres à chaque département.",
  },
  {
    key: "departement-solidarites",
    name: "Département : solidarités, insertion et autonomie",
    funder: "Conseil départemental",
    aidKind: "subvention",
    finances: "Les actions d'insertion (programme départemental d'insertion), d'action sociale et d'autonomie, dont l'accompagnement numérique des publics suivis.",
    themes: ["insertion", "acces_droits", "accompagnement_humain"],
    bearers: ["association", "collectivite"],
    publics: ["Allocataires du RSA", "Personnes âgées", "Personnes handicapées"],
    scopeKind: "departement",
    rhythm: "Selon le département : conventions annuelles, appels à projets.",
    url: "https://departements.fr",
    notes: "Chaque département a ses propres dispositifs : demander au service insertion ou action sociale.",
  },
  {
    key: "region-appels-a-projets",
    name: "Région : appels à projets numérique et solidarités",
    funder: "Conseil régional",
    aidKind: "appel_a_projets",
    finances: "Des projets d'inclusion numérique, de tiers-lieux, de formation ou d'équipement, selon les politiques de la Région.",
    themes: ["competences_base", "developpement_economique", "insertion", "accompagnement_humain"],
    bearers: ["association", "collectivite", "entreprise"],
    publics: ["Tous publics"],
    scopeKind: "region",
    rhythm: "Selon la Région : appels à projets, souvent annuels.",
    url: "https://regions-france.org",
    notes: "Taux indicatif selon l'appel ; la Région gère aussi les fonds européens (FEDER, une partie du FSE+).",
  },
  {
    key: "banque-des-territoires",
    name: "Banque des Territoires : ingénierie et prêts",
    funder: "Caisse des Dépôts",
    aidKind: "ingenierie",
    finances: "Des études et de l'ingénierie de projet, et des prêts de long terme pour les investissements des collectivités et des bailleurs sociaux.",
    themes: ["acces_internet_logement", "developpement_economique"],
    bearers: ["collectivite", "bailleur_social", "entreprise"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rhythm: "Au fil de l'eau, par la direction régionale.",
    url: "https://www.banquedesterritoires.fr",
    notes: "Conditions de prêt et d'appui propres à chaque programme.",
  },
  {
    key: "fondation-appel-a-projets",
    name: "Appels à projets des fondations",
    funder: "Fondations d'entreprise, fondations reconnues d'utilité publique, fondations abritées",
    aidKind: "appel_a_projets",
    finances: "Des projets associatifs d'inclusion numérique : équipement, ateliers, innovation sociale, selon le thème de chaque appel.",
    themes: ["competences_base", "equipement_handicap", "parentalite_education", "insertion"],
    bearers: ["association"],
    publics: ["Selon l'appel"],
    scopeKind: "national",
    rhythm: "Calendrier propre à chaque fondation, souvent un ou deux appels par an.",
    url: "https://www.centre-francais-fondations.org",
    notes: "Montants très variables d'une fondation à l'autre ; les annuaires de fondations aident à trouver les appels ouverts.",
  },
  {
    key: "pass-numerique",
    name: "Chèques de médiation numérique (type pass numérique APTIC)",
    funder: "Collectivités, organismes et entreprises qui achètent des chèques et les distribuent",
    aidKind: "cheque",
    finances: "Des heures de médiation numérique pour les personnes : le lieu qualifié qui reçoit le chèque est payé pour l'accompagnement.",
    themes: ["competences_base", "acces_droits", "accompagnement_humain"],
    bearers: ["collectivite", "association", "entreprise"],
    publics: ["Personnes orientées par un travailleur social ou un service public"],
    scopeKind: "national",
    rhythm: "Commande de chèques à tout moment ; les lieux doivent être qualifiés pour les recevoir.",
    url: "https://www.aptic.fr",
    notes: "La valeur d'un chèque est fixée par le programme : la vérifier auprès de l'émetteur.",
  },
  {
    key: "mecenat-entreprises",
    name: "Mécénat et partenariats d'entreprises",
    funder: "Entreprises du territoire, fondations d'entreprise, opérateurs",
    aidKind: "mecenat",
    finances: "Des dons en argent, en nature (matériel, ordinateurs reconditionnés) ou en compétences (temps de salariés).",
    themes: ["equipement_handicap", "developpement_economique", "competences_base"],
    bearers: ["association", "collectivite", "enseignement"],
    publics: ["Tous publics"],
    scopeKind: "national",
    rhythm: "À tout moment, par la relation avec les entreprises.",
    url: "https://www.associations.gouv.fr",
    notes:
      "L'entreprise donatrice a droit à une réduction d'impôt (article 238 bis du code général des impôts) si le bénéficiaire est d'intérêt général : le vérifier avant de solliciter.",
  },
];

export type ReferenceResource = { key: string; name: string; kind: ResourceKind; description: string; contact: string; url: string; themes: ThemeId[] };

/** Who can help, shipped with Maillage: national tools and networks a coordinator can call on. */
export const referenceResources: readonly ReferenceResource[] = [
  {
    key: "coop-mediation-numerique",
    name: "La Coop de la médiation numérique",
    kind: "outil",
    description: "Outil public des médiateurs et médiatrices numériques : suivi des accompagnements, ressources, annuaire des pairs.",
    contact: "Depuis le site",
    url: "https://coop-numerique.anct.gouv.fr",
    themes: ["accompagnement_humain", "competences_base"],
  },
  {
    key: "la-base-numerique",
    name: "La Base du numérique d'intérêt général",
    kind: "centre_ressources",
    description: "Ressources partagées par les acteurs de l'inclusion numérique : fiches, supports d'ateliers, retours d'expérience.",
    contact: "Depuis le site",
    url: "https://labase.anct.gouv.fr",
    themes: ["competences_base", "posture_educateurs", "accompagnement_humain"],
  },
  {
    key: "aidants-connect",
    name: "Aidants Connect",
    kind: "outil",
    description: "Service public qui permet à un aidant professionnel habilité de faire des démarches en ligne pour le compte d'une personne, de façon sécurisée.",
    contact: "Depuis le site",
    url: "https://aidantsconnect.beta.gouv.fr",
    themes: ["acces_droits", "identite_numerique", "reseau_aidants"],
  },
  {
    key: "pix",
    name: "Pix",
    kind: "outil",
    description: "Service public d'évaluation et de certification des compétences numériques, utile pour situer une personne et suivre ses progrès.",
    contact: "Depuis le site",
    url: "https://pix.fr",
    themes: ["competences_base", "insertion", "competences_agents_elus"],
  },
  {
    key: "les-bons-clics",
    name: "Les Bons Clics",
    kind: "centre_ressources",
    description: "Parcours et supports d'apprentissage gratuits pour accompagner les premiers pas numériques.",
    contact: "Depuis le site",
    url: "https://www.lesbonsclics.fr",
    themes: ["competences_base", "accompagnement_humain"],
  },
  {
    key: "emmaus-connect",
    name: "Emmaüs Connect",
    kind: "reseau",
    description: "Association qui aide les personnes en précarité : équipement reconditionné à prix solidaire, connexion, ateliers.",
    contact: "Depuis le site",
    url: "https://emmaus-connect.org",
    themes: ["equipement_handicap", "competences_base", "acces_internet_logement"],
  },
  {
    key: "mednum",
    name: "La MedNum",
    kind: "reseau",
    description: "Coopérative des acteurs de la médiation numérique : réseau, formations, projets nationaux.",
    contact: "Depuis le site",
    url: "https://lamednum.coop",
    themes: ["accompagnement_humain", "posture_educateurs"],
  },
  {
    key: "centres-sociaux",
    name: "Fédération des centres sociaux et socioculturels de France",
    kind: "reseau",
    description: "Réseau des centres sociaux : accès aux droits, parentalité, vie locale ; des fédérations départementales relaient les projets.",
    contact: "Fédération départementale, depuis le site",
    url: "https://www.centres-sociaux.fr",
    themes: ["acces_droits", "parentalite_education", "participation_citoyenne"],
  },
  {
    key: "pimms",
    name: "Réseau des PIMMS Médiation",
    kind: "reseau",
    description: "Points d'information et de médiation multiservices : accueil de proximité, aide aux démarches, médiation sociale.",
    contact: "Depuis le site",
    url: "https://pimms.org",
    themes: ["acces_droits", "accompagnement_humain"],
  },
];

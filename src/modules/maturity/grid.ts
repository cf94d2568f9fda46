/**
 * The good-practice grid ("grille de maturité") against which each actor self-assesses, written by us
 * from the practice of digital mediation in France (France Services, Aidants Connect, Conseillers
 * numériques, Pix, the national standard of mediation places, local labels and networks).
 *
 * Each dimension has a stable id (stored in maturity_answers.dimension: never rename one), and four
 * levels that describe what a structure at that level actually does, in observable terms, so that two
 * people describing the same structure choose the same level.
 */

export const dimensionIds = ["support", "skills", "equipment", "partnerships", "accessibility", "evaluation"] as const;
export type DimensionId = (typeof dimensionIds)[number];

export const levels = [1, 2, 3, 4] as const;
export type Level = (typeof levels)[number];

/**
 * The reference drawn on every chart. Level 3 describes what the national programmes already expect
 * of a structure whose mission includes helping people with digital matters (a France Services
 * house, a place with a Conseiller numérique, a structure habilitated for Aidants Connect): trained
 * people, organised accompaniment towards autonomy, named referrals, anonymous activity records.
 * Level 4 goes beyond what every actor can be asked to do (reaching out to people at home, training
 * other professionals, running a network): it is a reference to share, not a standard. With 4 as the
 * reference almost every actor would look "behind" and stop trusting the grid; with 2, real gaps
 * (no training, no follow-up) would be hidden.
 */
export const GOOD_PRACTICE_LEVEL: Level = 3;

export type LevelDescription = { level: Level; name: string; description: string };
export type Dimension = {
  id: DimensionId;
  title: string;
  /** A word or two, for the axes of the charts and the columns of the heat map. */
  shortTitle: string;
  description: string;
  levels: readonly [LevelDescription, LevelDescription, LevelDescription, LevelDescription];
};

/** The same four steps on every dimension, for legends and plain-language sentences. */
export const levelScale: Record<Level, string> = {
  1: "premiers pas",
  2: "en construction",
  3: "bonne pratique",
  4: "exemplaire",
};

export const grid: readonly Dimension[] = [
  {
    id: "support",
    title: "Accueil et accompagnement des publics",
    shortTitle: "Accueil",
    description: "Comment la structure reçoit les personnes en difficulté avec le numérique, les écoute et les aide dans leurs démarches et leurs usages.",
    levels: [
      {
        level: 1,
        name: "Aide au cas par cas",
        description: "Les personnes sont aidées quand quelqu'un est disponible, sans temps ni lieu prévus ; on fait souvent la démarche à leur place, ou on les renvoie vers un autre guichet.",
      },
      {
        level: 2,
        name: "Permanence organisée",
        description: "Des créneaux ou une permanence existent et sont annoncés ; on aide à faire les démarches, sans vérifier ce que la personne sait déjà faire ni lui proposer d'apprendre.",
      },
      {
        level: 3,
        name: "Accompagnement vers l'autonomie",
        description: "Chaque accompagnement commence par un échange sur le besoin et ce que la personne sait faire ; on fait avec elle plutôt qu'à sa place, et une démarche faite pour elle passe par un cadre sûr (mandat Aidants Connect, par exemple).",
      },
      {
        level: 4,
        name: "Parcours suivis",
        description: "La structure propose des parcours (ateliers collectifs et rendez-vous individuels), revoit les personnes pour mesurer leurs progrès et adapte son offre à leurs retours.",
      },
    ],
  },
  {
    id: "skills",
    title: "Compétences et formation de l'équipe",
    shortTitle: "Compétences",
    description: "Ce que savent faire les personnes qui accueillent (salariés, bénévoles, volontaires) et la façon dont elles se forment.",
    levels: [
      {
        level: 1,
        name: "Bonne volonté",
        description: "L'aide repose sur quelques personnes volontaires, sans formation à la médiation numérique ni temps prévu pour cela.",
      },
      {
        level: 2,
        name: "Premières sensibilisations",
        description: "Une partie de l'équipe a suivi une sensibilisation (repérer une difficulté, connaître les démarches en ligne courantes) ; ce savoir reste peu partagé.",
      },
      {
        level: 3,
        name: "Équipe formée",
        description: "Au moins une personne a une formation reconnue (Conseiller numérique, titre de médiateur, habilitation Aidants Connect, certification Pix) ; toute l'équipe d'accueil sait repérer une difficulté et orienter ; un temps de formation est prévu chaque année.",
      },
      {
        level: 4,
        name: "Compétences partagées",
        description: "Un plan de formation couvre toute l'équipe, bénévoles compris ; les pratiques sont échangées régulièrement avec d'autres médiateurs, et la structure forme à son tour des professionnels du territoire.",
      },
    ],
  },
  {
    id: "equipment",
    title: "Équipement et accès",
    shortTitle: "Équipement",
    description: "Le matériel, la connexion et les conditions d'accès que la structure met à la disposition des publics.",
    levels: [
      {
        level: 1,
        name: "Pas d'accès public",
        description: "Aucun équipement en libre accès : au mieux, un ordinateur de l'équipe prêté un moment ; pas de wifi pour le public.",
      },
      {
        level: 2,
        name: "Accès de base",
        description: "Un ou deux ordinateurs ou un wifi en libre accès, sur des horaires restreints ; le matériel est ancien ou peu entretenu.",
      },
      {
        level: 3,
        name: "Accès équipé",
        description: "Des ordinateurs à jour, une imprimante, un scanner et un wifi public, sur des horaires publiés (y compris en dehors des heures de bureau) ; on peut aussi apprendre sur son propre téléphone.",
      },
      {
        level: 4,
        name: "Accès au-delà des murs",
        description: "La structure aide aussi à s'équiper (matériel reconditionné prêté ou vendu à petit prix, tarifs sociaux d'abonnement) et assure des permanences hors de ses murs (itinérance, mairies, quartiers).",
      },
    ],
  },
  {
    id: "partnerships",
    title: "Partenariats et orientation",
    shortTitle: "Partenariats",
    description: "Comment la structure travaille avec les autres acteurs du territoire et oriente les personnes vers l'aide qui leur convient.",
    levels: [
      {
        level: 1,
        name: "Structure isolée",
        description: "La structure connaît peu les autres lieux d'aide ; quand elle ne peut pas répondre, la personne repart sans adresse précise.",
      },
      {
        level: 2,
        name: "Orientation de bouche à oreille",
        description: "On connaît quelques lieux voisins et on y envoie les personnes, sans prévenir ni savoir si elles y sont allées.",
      },
      {
        level: 3,
        name: "Orientation organisée",
        description: "La structure s'appuie sur la carte des lieux de médiation, oriente vers une personne nommée (fiche de liaison, rendez-vous pris ensemble) et participe aux rencontres du réseau local.",
      },
      {
        level: 4,
        name: "Coopération engagée",
        description: "Des partenariats sont écrits (convention, charte territoriale) ; la structure porte ou anime des actions communes avec d'autres et fait vivre le réseau (France Services, travailleurs sociaux, hub territorial).",
      },
    ],
  },
  {
    id: "accessibility",
    title: "Accessibilité et publics spécifiques",
    shortTitle: "Accessibilité",
    description: "La capacité à accueillir tout le monde, y compris les personnes en situation de handicap, celles qui lisent difficilement le français ou qui vivent loin.",
    levels: [
      {
        level: 1,
        name: "Accueil sans adaptation",
        description: "Les besoins particuliers (handicap, langue, difficultés de lecture, grand âge, isolement) ne sont pas repérés ; ni le lieu ni les supports ne sont adaptés.",
      },
      {
        level: 2,
        name: "Adaptations ponctuelles",
        description: "Quelques adaptations se font au cas par cas (rendez-vous au calme, aide d'un proche, texte agrandi à l'écran), sans être prévues ni connues de toute l'équipe.",
      },
      {
        level: 3,
        name: "Accueil adapté",
        description: "Le lieu est accessible en fauteuil, l'équipe connaît les réglages d'accessibilité des appareils, utilise des supports faciles à lire et à comprendre, et sait vers qui orienter (interprétariat, associations spécialisées).",
      },
      {
        level: 4,
        name: "Aller vers",
        description: "La structure va au-devant des personnes qui ne viennent pas (à domicile, en établissement, dans les villages et les quartiers), dispose d'outils adaptés (loupes, claviers, lecteurs d'écran) et associe les personnes concernées à l'amélioration de l'accueil.",
      },
    ],
  },
  {
    id: "evaluation",
    title: "Évaluation et suivi d'activité",
    shortTitle: "Évaluation",
    description: "Comment la structure compte, suit et évalue ce qu'elle fait, pour s'améliorer et en rendre compte.",
    levels: [
      {
        level: 1,
        name: "Pas de suivi",
        description: "L'activité n'est pas comptée : on ne sait pas dire combien de personnes ont été aidées, ni pour quels besoins.",
      },
      {
        level: 2,
        name: "Comptage simple",
        description: "Le nombre de personnes reçues est noté, de temps en temps ou sans le détail des besoins.",
      },
      {
        level: 3,
        name: "Suivi régulier",
        description: "Chaque accompagnement est noté de façon anonyme (besoin, durée, orientation) dans un outil partagé, et un bilan annuel est présenté aux partenaires ou aux financeurs.",
      },
      {
        level: 4,
        name: "Évaluation partagée",
        description: "Les chiffres sont complétés par l'avis des personnes accompagnées (satisfaction, autonomie gagnée), discutés avec les partenaires et utilisés pour faire évoluer l'offre ; ils alimentent l'observatoire du territoire.",
      },
    ],
  },
];

const byId = new Map(grid.map((d) => [d.id, d]));

export function dimension(id: DimensionId): Dimension {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown maturity dimension ${id}`);
  return found;
}

export function isDimensionId(value: string): value is DimensionId {
  return byId.has(value as DimensionId);
}

export function isLevel(value: number): value is Level {
  return (levels as readonly number[]).includes(value);
}

/** "2,5" for a median, "3" for a level: French decimal comma. */
export function formatLevel(value: number): string {
  return new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(value);
}

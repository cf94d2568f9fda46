/**
 * Questionnaires written by us from the methodology of the participatory diagnostic (see DOMAIN.md):
 * what actors and inhabitants already do (strengths) and what they ask or lack (questions), in plain
 * French. A coordinator copies one into the territory, then adapts it; the copy is an ordinary draft.
 */
import { choiceKey } from "./logic";
import type { Audience, Choice, ConditionOperator, QuestionSettings, QuestionType } from "./types";

export type TemplateQuestion = {
  key: string;
  type: QuestionType;
  label: string;
  help?: string;
  required?: boolean;
  personal?: boolean;
  choices?: string[];
  allowOther?: boolean;
  min?: number;
  max?: number;
  scale?: [string, string];
  /** Shown only if the answer to an earlier question (by key) equals / contains this choice (by label). */
  showIf?: { key: string; operator: ConditionOperator; label: string };
};

export type Template = {
  id: TemplateId;
  title: string;
  audience: Audience;
  summary: string;
  intro: string;
  sections: { title: string; description?: string; questions: TemplateQuestion[] }[];
};

export const templateIds = ["habitants", "acteurs", "elus"] as const;
export type TemplateId = (typeof templateIds)[number];

const habitants: Template = {
  id: "habitants",
  title: "Vous et le numérique",
  audience: "inhabitants",
  summary: "Pour les habitants : équipement et connexion, usages, difficultés, aide trouvée aujourd'hui, ce qui aiderait.",
  intro:
    "Ce questionnaire aide votre territoire à mieux accompagner chacun face au numérique. Il prend environ 10 minutes. " +
    "Il est anonyme : nous ne vous demandons ni votre nom ni votre adresse. Il n'y a pas de bonne ou de mauvaise réponse.",
  sections: [
    {
      title: "Vos appareils et votre connexion",
      questions: [
        {
          key: "appareils",
          type: "multiple",
          label: "Quels appareils utilisez-vous ?",
          help: "Cochez tout ce qui vous concerne.",
          required: true,
          choices: ["Un téléphone portable avec internet (smartphone)", "Un téléphone portable sans internet", "Un ordinateur (portable ou fixe)", "Une tablette", "Aucun de ces appareils"],
          allowOther: true,
        },
        { key: "connexion", type: "single", label: "Avez-vous internet à la maison ?", required: true, choices: ["Oui, par une box ou la fibre", "Seulement avec mon téléphone", "Non", "Je ne sais pas"] },
        {
          key: "connexion_qualite",
          type: "scale",
          label: "Votre connexion internet à la maison fonctionne-t-elle bien ?",
          scale: ["Très mal", "Très bien"],
          showIf: { key: "connexion", operator: "equals", label: "Oui, par une box ou la fibre" },
        },
        {
          key: "sans_internet",
          type: "multiple",
          label: "Pourquoi n'avez-vous pas internet à la maison ?",
          choices: ["C'est trop cher", "Je n'en ai pas besoin", "Je ne sais pas comment faire", "Le réseau ne passe pas chez moi", "Je n'ai pas d'appareil"],
          allowOther: true,
          showIf: { key: "connexion", operator: "equals", label: "Non" },
        },
      ],
    },
    {
      title: "Ce que vous faites sur internet",
      questions: [
        { key: "frequence", type: "single", label: "À quelle fréquence utilisez-vous internet ?", required: true, choices: ["Tous les jours", "Au moins une fois par semaine", "Rarement", "Jamais"] },
        {
          key: "usages",
          type: "multiple",
          label: "Que faites-vous sur internet ?",
          help: "Cochez tout ce qui vous concerne.",
          choices: [
            "Lire et envoyer des courriels",
            "Échanger avec mes proches (messages, appels vidéo)",
            "Faire des démarches administratives (CAF, impôts, carte grise…)",
            "Prendre un rendez-vous médical, consulter mon compte Ameli",
            "Chercher un emploi ou une formation",
            "Suivre la scolarité des enfants",
            "Faire des achats ou des ventes",
            "Gérer mes comptes bancaires",
            "Lire les actualités, regarder des vidéos",
            "Rien de tout cela",
          ],
          allowOther: true,
        },
        {
          key: "demarches_seul",
          type: "single",
          label: "Faites-vous seul ou seule vos démarches administratives en ligne ?",
          choices: ["Oui, seul ou seule", "Oui, avec de l'aide", "Non, quelqu'un les fait pour moi", "Non, je ne les fais pas", "Je n'en ai pas eu besoin"],
        },
      ],
    },
    {
      title: "Ce qui est difficile",
      questions: [
        { key: "aise", type: "scale", label: "Vous sentez-vous à l'aise avec le numérique ?", required: true, scale: ["Pas du tout à l'aise", "Tout à fait à l'aise"] },
        {
          key: "difficultes",
          type: "multiple",
          label: "Qu'est-ce qui vous pose problème ?",
          help: "Cochez tout ce qui vous concerne.",
          choices: [
            "Créer ou retenir mes mots de passe",
            "Utiliser une adresse électronique",
            "Remplir un formulaire en ligne",
            "Envoyer un document (photo, scan, pièce jointe)",
            "Utiliser FranceConnect",
            "Me protéger des arnaques",
            "Comprendre les mots utilisés",
            "Le prix du matériel ou de l'abonnement",
            "Rien de particulier",
          ],
          allowOther: true,
        },
        { key: "renonce", type: "single", label: "Avez-vous déjà renoncé à une démarche ou à une aide parce qu'il fallait passer par internet ?", choices: ["Oui", "Non", "Je ne sais pas"] },
        {
          key: "renonce_recit",
          type: "long_text",
          label: "Si vous le voulez, racontez-nous ce qui s'est passé.",
          help: "N'écrivez pas votre nom ni celui d'une autre personne.",
          showIf: { key: "renonce", operator: "equals", label: "Oui" },
        },
      ],
    },
    {
      title: "L'aide que vous trouvez aujourd'hui",
      questions: [
        {
          key: "aide_qui",
          type: "multiple",
          label: "Quand vous avez besoin d'aide avec le numérique, à qui demandez-vous ?",
          choices: [
            "Un proche (famille, amis, voisins)",
            "Un lieu d'accueil (mairie, France Services, médiathèque, centre social…)",
            "Un travailleur social",
            "Un conseiller numérique ou un médiateur",
            "Le service concerné (par téléphone ou au guichet)",
            "Je ne demande à personne",
            "Je n'ai pas besoin d'aide",
          ],
          allowOther: true,
        },
        { key: "lieu_connu", type: "single", label: "Connaissez-vous un lieu près de chez vous où l'on peut se faire aider pour le numérique ?", choices: ["Oui, et j'y suis déjà allé", "Oui, mais je n'y suis jamais allé", "Non"] },
        { key: "lieu_nom", type: "short_text", label: "Quel est ce lieu ?", showIf: { key: "lieu_connu", operator: "equals", label: "Oui, et j'y suis déjà allé" } },
        { key: "lieu_satisfaction", type: "scale", label: "Avez-vous été bien aidé ?", scale: ["Pas du tout", "Tout à fait"], showIf: { key: "lieu_connu", operator: "equals", label: "Oui, et j'y suis déjà allé" } },
      ],
    },
    {
      title: "Ce qui vous aiderait",
      questions: [
        {
          key: "besoins",
          type: "multiple",
          label: "Qu'est-ce qui vous aiderait ?",
          choices: [
            "Des ateliers en petit groupe pour apprendre",
            "Un accompagnement individuel, sur rendez-vous",
            "Quelqu'un qui fait la démarche avec moi",
            "Du matériel prêté ou à petit prix",
            "Un accès gratuit à internet près de chez moi",
            "Des horaires d'ouverture plus larges",
            "Pouvoir faire mes démarches sans internet (guichet, téléphone)",
          ],
          allowOther: true,
        },
        {
          key: "apprendre",
          type: "multiple",
          label: "Qu'aimeriez-vous apprendre ?",
          choices: ["Utiliser mon téléphone", "Utiliser un ordinateur", "Faire mes démarches en ligne", "Échanger avec mes proches", "Me protéger des arnaques", "Accompagner mes enfants", "Chercher un emploi", "Rien pour le moment"],
        },
        { key: "idee", type: "long_text", label: "Avez-vous une idée ou un message pour améliorer l'aide au numérique près de chez vous ?" },
      ],
    },
    {
      title: "Quelques questions sur vous",
      description: "Ces réponses restent anonymes : elles servent seulement à savoir qui a répondu, pour que personne ne soit oublié.",
      questions: [
        { key: "age", type: "single", label: "Quel âge avez-vous ?", required: true, choices: ["Moins de 18 ans", "18 à 29 ans", "30 à 44 ans", "45 à 59 ans", "60 à 74 ans", "75 ans ou plus"] },
        {
          key: "situation",
          type: "single",
          label: "Quelle est votre situation ?",
          choices: ["En emploi", "À la recherche d'un emploi", "En études ou en formation", "À la retraite", "Au foyer"],
          allowOther: true,
        },
        { key: "foyer", type: "number", label: "Combien de personnes vivent chez vous, vous compris ?", min: 1, max: 20 },
        { key: "commune", type: "commune", label: "Dans quelle commune habitez-vous ?", help: "Écrivez le nom de la commune ou son code postal.", required: true },
      ],
    },
  ],
};

const acteurs: Template = {
  id: "acteurs",
  title: "Le numérique dans votre structure",
  audience: "actors",
  summary: "Pour les structures : place du numérique dans l'accompagnement, enjeux, atouts et projets, questions, besoins du public, capacité, attentes.",
  intro:
    "Ce questionnaire prépare le diagnostic partagé de l'inclusion numérique du territoire. Il s'adresse à toutes les structures " +
    "qui accueillent du public, pas seulement à celles du numérique. Comptez 15 minutes. Vos réponses servent au travail commun.",
  sections: [
    {
      title: "Votre structure",
      questions: [
        { key: "structure", type: "short_text", label: "Quel est le nom de votre structure ?", required: true },
        {
          key: "monde",
          type: "single",
          label: "Dans quel domaine agit principalement votre structure ?",
          required: true,
          choices: ["Numérique", "Social et solidarité", "Emploi et insertion", "Éducation et jeunesse", "Culture", "Santé", "Économie", "Association d'habitants", "Collectivité ou administration"],
          allowOther: true,
        },
        { key: "commune", type: "commune", label: "Dans quelle commune se trouve votre structure ?" },
        {
          key: "public",
          type: "multiple",
          label: "Qui accueillez-vous ?",
          choices: ["Tout public", "Jeunes", "Familles", "Personnes âgées", "Personnes en recherche d'emploi", "Personnes en situation de handicap", "Personnes qui maîtrisent mal le français", "Allocataires de minima sociaux"],
          allowOther: true,
        },
        { key: "frequentation", type: "number", label: "Combien de personnes accueillez-vous environ par mois ?", min: 0, max: 100000 },
      ],
    },
    {
      title: "Le numérique dans votre accompagnement",
      questions: [
        { key: "place", type: "scale", label: "Le numérique fait-il partie de l'accompagnement que vous proposez ?", required: true, scale: ["Pas du tout", "Au cœur de notre activité"] },
        { key: "demandes", type: "single", label: "Les personnes que vous accueillez vous demandent-elles de l'aide pour le numérique ?", choices: ["Très souvent", "Souvent", "Parfois", "Jamais"] },
        {
          key: "reponse",
          type: "multiple",
          label: "Que faites-vous quand une personne a besoin d'aide pour le numérique ?",
          choices: ["Nous faisons la démarche avec elle", "Nous la faisons à sa place", "Nous l'orientons vers un autre lieu", "Nous proposons des ateliers", "Nous ne pouvons pas l'aider"],
          allowOther: true,
        },
        { key: "orientation", type: "short_text", label: "Vers quels lieux orientez-vous le plus souvent ?", showIf: { key: "reponse", operator: "contains", label: "Nous l'orientons vers un autre lieu" } },
      ],
    },
    {
      title: "Votre connaissance des enjeux",
      questions: [
        { key: "enjeux", type: "scale", label: "Vous sentez-vous informé des enjeux de l'inclusion numérique (démarches en ligne, accès aux droits, fragilités) ?", scale: ["Pas du tout", "Très bien"] },
        { key: "formation", type: "single", label: "Votre équipe a-t-elle été formée à l'accompagnement au numérique ?", choices: ["Oui, toute l'équipe", "Oui, une partie", "Non, mais nous le souhaitons", "Non, ce n'est pas notre rôle"] },
        {
          key: "dispositifs",
          type: "multiple",
          label: "Quels dispositifs connaissez-vous ?",
          choices: ["Aidants Connect", "Pass numérique", "Conseillers numériques", "France Services", "Matériel reconditionné, tarifs sociaux", "Pix", "Aucun"],
        },
      ],
    },
    {
      title: "Vos atouts et vos projets",
      questions: [
        { key: "atouts", type: "long_text", label: "Qu'est-ce que votre structure fait bien pour aider les personnes face au numérique ?" },
        { key: "projet", type: "single", label: "Avez-vous un projet qui pourrait inspirer d'autres structures ?", choices: ["Oui", "Non"] },
        { key: "projet_description", type: "long_text", label: "Décrivez-le en quelques lignes : ce qu'il fait, pour qui, avec qui.", showIf: { key: "projet", operator: "equals", label: "Oui" } },
      ],
    },
    {
      title: "Vos questions et les besoins de votre public",
      questions: [
        {
          key: "difficultes",
          type: "multiple",
          label: "Quelles difficultés rencontrez-vous ?",
          choices: ["Manque de temps", "Manque de personnes formées", "Manque de matériel ou de connexion", "Responsabilité vis-à-vis des données des personnes", "Ne pas savoir vers qui orienter", "Manque de financement"],
          allowOther: true,
        },
        { key: "besoins_public", type: "long_text", label: "Quels besoins de votre public ne trouvent pas de réponse aujourd'hui ?" },
        { key: "questions", type: "long_text", label: "Quelles questions vous posez-vous sur le numérique dans votre activité ?" },
      ],
    },
    {
      title: "Votre capacité à accompagner et vos attentes",
      questions: [
        { key: "capacite", type: "single", label: "Pourriez-vous accompagner davantage de personnes ?", choices: ["Oui, sans moyens supplémentaires", "Oui, avec des moyens supplémentaires", "Non"] },
        {
          key: "moyens",
          type: "multiple",
          label: "De quels moyens auriez-vous besoin ?",
          choices: ["Formation", "Temps de personnel", "Matériel", "Financement", "Bénévoles"],
          showIf: { key: "capacite", operator: "equals", label: "Oui, avec des moyens supplémentaires" },
        },
        {
          key: "attentes",
          type: "multiple",
          label: "Qu'attendez-vous d'une stratégie territoriale d'inclusion numérique ?",
          choices: [
            "Mieux connaître les autres acteurs",
            "Savoir vers qui orienter",
            "Me former",
            "Partager du matériel ou des locaux",
            "Trouver des financements",
            "Participer à des projets communs",
            "Faire reconnaître notre travail",
          ],
          allowOther: true,
        },
        { key: "groupe", type: "single", label: "Souhaitez-vous participer à un groupe de travail ?", choices: ["Oui", "Peut-être", "Non"] },
        {
          key: "contact",
          type: "short_text",
          label: "Si vous souhaitez être recontacté, laissez une adresse électronique.",
          help: "Facultatif. Elle sert seulement à vous inviter aux travaux.",
          personal: true,
        },
      ],
    },
  ],
};

const elus: Template = {
  id: "elus",
  title: "Élus et agents face au numérique",
  audience: "officials",
  summary: "Pour les élus et les agents : accueil du public, démarches en ligne, compétences des équipes, priorités du territoire.",
  intro:
    "Ce questionnaire s'adresse aux élus et aux agents des collectivités et des services publics. Il aide à construire la " +
    "stratégie d'inclusion numérique du territoire. Comptez 10 minutes.",
  sections: [
    {
      title: "Votre fonction",
      questions: [
        {
          key: "fonction",
          type: "single",
          label: "Quelle est votre fonction ?",
          required: true,
          choices: ["Élu ou élue municipal", "Élu ou élue d'une intercommunalité, du département ou de la région", "Agent d'accueil", "Agent d'un service social", "Agent d'un autre service", "Direction"],
          allowOther: true,
        },
        { key: "collectivite", type: "single", label: "Pour quelle administration ?", choices: ["Commune", "Intercommunalité", "Département", "Région", "Service de l'État"], allowOther: true },
        { key: "commune", type: "commune", label: "Dans quelle commune exercez-vous ?" },
      ],
    },
    {
      title: "Le numérique dans votre administration",
      questions: [
        { key: "demat", type: "scale", label: "Les démarches de votre administration peuvent-elles se faire en ligne ?", scale: ["Aucune", "Toutes"] },
        {
          key: "alternative",
          type: "single",
          label: "Une personne qui n'utilise pas internet peut-elle faire toutes ses démarches auprès de vous autrement (guichet, téléphone, courrier) ?",
          choices: ["Oui, toutes", "La plupart", "Quelques-unes seulement", "Non"],
        },
        { key: "sollicitations", type: "single", label: "À l'accueil, vous demande-t-on de l'aide pour le numérique ?", required: true, choices: ["Tous les jours", "Chaque semaine", "Rarement", "Jamais"] },
        { key: "sollicitations_nombre", type: "number", label: "Combien de demandes environ par jour ?", min: 0, max: 500, showIf: { key: "sollicitations", operator: "equals", label: "Tous les jours" } },
        {
          key: "sujets",
          type: "multiple",
          label: "Sur quels sujets ?",
          choices: ["Démarches de l'État (titres, impôts…)", "Prestations sociales (CAF, retraite, santé)", "Emploi", "Scolarité", "Services de la commune", "Matériel et connexion"],
          allowOther: true,
        },
      ],
    },
    {
      title: "Vos compétences et celles des équipes",
      questions: [
        { key: "aise", type: "scale", label: "Vous sentez-vous à l'aise pour accompagner une personne dans une démarche en ligne ?", scale: ["Pas du tout", "Tout à fait"] },
        { key: "formation", type: "single", label: "Avez-vous été formé à l'accompagnement au numérique ?", choices: ["Oui", "Non, mais je le souhaite", "Non, et ce n'est pas nécessaire"] },
        {
          key: "formation_sujets",
          type: "multiple",
          label: "Sur quoi aimeriez-vous être formé ?",
          choices: ["Les démarches en ligne courantes", "FranceConnect et l'identité numérique", "Repérer une personne en difficulté", "Orienter vers le bon lieu", "Les outils de l'administration", "La protection des données"],
          showIf: { key: "formation", operator: "equals", label: "Non, mais je le souhaite" },
        },
        { key: "lieux", type: "scale", label: "Connaissez-vous les lieux d'aide au numérique du territoire ?", scale: ["Pas du tout", "Très bien"] },
      ],
    },
    {
      title: "Enjeux et priorités",
      questions: [
        { key: "priorite", type: "scale", label: "L'inclusion numérique est-elle une priorité pour votre administration ?", scale: ["Pas du tout", "Une priorité forte"] },
        {
          key: "priorites",
          type: "multiple",
          label: "Quelles devraient être les priorités du territoire ?",
          choices: [
            "Garder un accueil humain pour toutes les démarches",
            "Former les agents",
            "Ouvrir ou renforcer des lieux d'aide",
            "Aller vers les personnes isolées",
            "Équiper les personnes (matériel, connexion)",
            "Travailler avec les associations",
            "Mieux connaître les besoins",
          ],
          allowOther: true,
        },
        { key: "atouts", type: "long_text", label: "Qu'est-ce qui fonctionne déjà bien sur votre territoire ?" },
        { key: "questions", type: "long_text", label: "Quelles questions ou inquiétudes avez-vous ?" },
        { key: "engagement", type: "single", label: "Votre administration serait-elle prête à s'engager dans une charte territoriale ?", choices: ["Oui", "Peut-être", "Non", "Je ne sais pas"] },
      ],
    },
  ],
};

export const templates: Record<TemplateId, Template> = { habitants, acteurs, elus };

export function isTemplateId(s: string): s is TemplateId {
  return (templateIds as readonly string[]).includes(s);
}

/** Choices with their stable keys, derived from the labels. */
export function templateChoices(labels: string[]): Choice[] {
  const taken = new Set<string>();
  return labels.map((label) => {
    const value = choiceKey(label, taken);
    taken.add(value);
    return { value, label };
  });
}

export function templateSettings(q: TemplateQuestion): QuestionSettings {
  const settings: QuestionSettings = {};
  if (q.choices) settings.choices = templateChoices(q.choices);
  if (q.allowOther) settings.allowOther = true;
  if (q.min !== undefined) settings.min = q.min;
  if (q.max !== undefined) settings.max = q.max;
  if (q.scale) [settings.scaleMin, settings.scaleMax] = q.scale;
  return settings;
}

export function templateQuestionCount(t: Template): number {
  return t.sections.reduce((n, s) => n + s.questions.length, 0);
}

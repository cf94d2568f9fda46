import type { EnumValue } from "@/modules/places";

/**
 * What a person asks for, in their words, mapped to the words of the national standard v1.0.2.
 * People do not know that "Maîtrise des outils numériques du quotidien" is what they need to learn
 * to send an email: the groups below speak their language; the mapping speaks the standard's.
 */

type Service = EnumValue<"services">;
type Support = EnumValue<"prise_en_charge_specifique">;

export type Need = { key: string; label: string; hint: string; services: readonly Service[] };

export const needs = [
  {
    key: "demarches",
    label: "Faire une démarche en ligne",
    hint: "CAF, impôts, retraite, carte grise, France Travail, prendre un rendez-vous…",
    services: ["Aide aux démarches administratives"],
  },
  {
    key: "bases",
    label: "Apprendre les bases",
    hint: "Se servir d'un téléphone, d'une tablette ou d'un ordinateur, envoyer un courriel, ranger ses fichiers…",
    // "Loisirs et créations numériques" is left out on purpose: a fab lab is not where one learns to send an email.
    services: ["Maîtrise des outils numériques du quotidien"],
  },
  {
    key: "comprendre",
    label: "Comprendre et se protéger",
    hint: "Éviter les arnaques, protéger ses mots de passe et ses données, comprendre ce qu'on voit en ligne…",
    services: ["Utilisation sécurisée du numérique", "Compréhension du monde numérique"],
  },
  {
    key: "equiper",
    label: "S'équiper ou accéder à internet",
    hint: "Utiliser un ordinateur et internet sur place, acheter un ordinateur à petit prix…",
    services: ["Accès internet et matériel informatique", "Acquisition de matériel informatique à prix solidaire"],
  },
  {
    key: "emploi",
    label: "Trouver un emploi avec le numérique",
    hint: "Faire son CV, chercher des offres, répondre à une annonce…",
    services: ["Insertion professionnelle via le numérique"],
  },
  {
    key: "enfants",
    label: "Accompagner ses enfants",
    hint: "Suivre la scolarité en ligne, les écrans à la maison, les réseaux sociaux…",
    services: ["Parentalité et éducation avec le numérique"],
  },
] as const satisfies readonly Need[];

export type NeedKey = (typeof needs)[number]["key"];

export type AccessibilityNeed = { key: string; label: string; support: readonly Support[] };

/** Specific support (`prise_en_charge_specifique`): a place must offer every one that is asked. */
export const accessibilityNeeds = [
  { key: "surdite", label: "Surdité ou malentendance", support: ["Surdité"] },
  { key: "vue", label: "Malvoyance ou cécité", support: ["Déficience visuelle"] },
  { key: "moteur", label: "Handicap moteur (fauteuil roulant…)", support: ["Handicaps moteurs"] },
  { key: "mental", label: "Handicap mental", support: ["Handicaps mentaux"] },
  { key: "illettrisme", label: "Difficultés pour lire ou écrire", support: ["Illettrisme"] },
  { key: "anglais", label: "Parler anglais plutôt que français", support: ["Langues étrangères (anglais)"] },
  { key: "langues", label: "Parler une autre langue étrangère", support: ["Langues étrangères (autres)"] },
] as const satisfies readonly AccessibilityNeed[];

export type AccessibilityKey = (typeof accessibilityNeeds)[number]["key"];

const needByKey = new Map<string, Need>(needs.map((n) => [n.key, n]));
const accessibilityByKey = new Map<string, AccessibilityNeed>(accessibilityNeeds.map((a) => [a.key, a]));

export function findNeed(key: string | undefined): Need | undefined {
  return key === undefined ? undefined : needByKey.get(key);
}

export function findAccessibilityNeed(key: string): AccessibilityNeed | undefined {
  return accessibilityByKey.get(key);
}

export function isNeedKey(key: string): key is NeedKey {
  return needByKey.has(key);
}

export function isAccessibilityKey(key: string): key is AccessibilityKey {
  return accessibilityByKey.has(key);
}

/**
 * The recurring themes of the field (DOMAIN.md), used to tag findings, objectives and actions.
 * Stable ids: they are stored; labels may be reworded.
 */
export const themes = [
  { id: "acces_droits", label: "Accès aux droits et démarches en ligne" },
  { id: "identite_numerique", label: "Identité numérique" },
  { id: "competences_base", label: "Compétences de base (courriel, mots de passe, bureautique)" },
  { id: "insertion", label: "Insertion professionnelle et sociale" },
  { id: "parentalite_education", label: "Parentalité et éducation avec le numérique" },
  { id: "posture_educateurs", label: "Posture des éducateurs" },
  { id: "participation_citoyenne", label: "Participation citoyenne" },
  { id: "developpement_economique", label: "Développement économique (reconditionnement, services numériques, ESS)" },
  { id: "acces_internet_logement", label: "Accès partagé à internet dans le logement social" },
  { id: "equipement_handicap", label: "Équipement des personnes handicapées" },
  { id: "accompagnement_humain", label: "Accompagnement humain dans les espaces publics numériques" },
  { id: "reseau_aidants", label: "Réseau d'aidants autour d'une personne ou d'un foyer fragile" },
  { id: "competences_agents_elus", label: "Compétences numériques des agents, des élus et des petites entreprises" },
] as const;

export type ThemeId = (typeof themes)[number]["id"];
export const themeIds: readonly ThemeId[] = themes.map((t) => t.id);
const labels = new Map<string, string>(themes.map((t) => [t.id, t.label]));

export function themeLabel(id: string): string {
  return labels.get(id) ?? id;
}

export function isThemeId(id: string): id is ThemeId {
  return labels.has(id);
}

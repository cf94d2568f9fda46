// The plan's words, pure data: shared by the schema, the validation and the "use client" fields (no database import).

export const actionStatuses = ["idee", "planifiee", "en_cours", "en_pause", "bloquee", "en_retard", "terminee", "abandonnee"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const fundingStatuses = ["envisage", "demande", "accorde", "verse", "refuse"] as const;
export type FundingStatus = (typeof fundingStatuses)[number];
export const inKindKinds = ["temps_agent", "salle", "materiel", "benevolat", "autre"] as const;

export const statusLabels: Record<ActionStatus, string> = {
  idee: "Idée",
  planifiee: "Planifiée",
  en_cours: "En cours",
  en_pause: "En pause",
  bloquee: "Bloquée",
  en_retard: "En retard",
  terminee: "Terminée",
  abandonnee: "Abandonnée",
};

export const fundingStatusLabels: Record<FundingStatus, string> = { envisage: "Envisagé", demande: "Demandé", accorde: "Accordé", verse: "Versé", refuse: "Refusé" };

export const inKindLabels: Record<(typeof inKindKinds)[number], string> = {
  temps_agent: "Temps d'agent",
  salle: "Salle",
  materiel: "Matériel",
  benevolat: "Bénévolat",
  autre: "Autre",
};

/** The publics an action may target (a short shared list, so that plans compare and filters work). */
export const publicOptions = [
  { value: "tout_public", label: "Tout public" },
  { value: "seniors", label: "Personnes âgées" },
  { value: "jeunes", label: "Jeunes" },
  { value: "familles", label: "Parents et familles" },
  { value: "demandeurs_emploi", label: "Personnes en recherche d'emploi" },
  { value: "handicap", label: "Personnes en situation de handicap" },
  { value: "allophones", label: "Personnes allophones" },
  { value: "aidants", label: "Aidants et professionnels" },
  { value: "agents", label: "Agents publics" },
] as const;
export const publicIds = publicOptions.map((p) => p.value) as readonly string[];
export const publicLabel = (id: string) => publicOptions.find((p) => p.value === id)?.label ?? id;


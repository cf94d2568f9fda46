import { roleLabels } from "@/platform/auth/principal";
import { formatDateTime, formatNumber } from "@/platform/text";

/**
 * Turns the journal's stored codes (entity types, actions, field names, enum values, commune codes) into words
 * a coordinator reads. Pure, so the wording is tested on hand-written cases; anything unknown falls back to a
 * readable form of the code rather than disappearing.
 */

export const entityLabels: Record<string, string> = {
  territory: "Territoire",
  invitation: "Invitation",
  membership: "Membre",
  platform_admin: "Administration de la plateforme",
  place_import: "Import de lieux",
  place_proposal: "Proposition de lieu",
  place: "Lieu",
  actor: "Acteur",
  actor_contact: "Contact d'acteur",
  actor_member: "Représentant d'acteur",
  actor_follow_up: "Suivi d'acteur",
  actor_speaker_request: "Demande de représentation d'acteur",
  maturity_assessment: "Autoévaluation de maturité",
  finding: "Constat",
  finding_group: "Groupe de constats",
  strategy_axis: "Axe de stratégie",
  diagnostic_settings: "Réglages du diagnostic",
  custom_indicator: "Indicateur du territoire",
  diagnostic_report: "État des lieux",
  import_mapping: "Correspondance de colonnes",
  questionnaire: "Questionnaire",
  questionnaire_section: "Partie de questionnaire",
  questionnaire_question: "Question",
  questionnaire_campaign: "Campagne de questionnaire",
  questionnaire_response: "Réponse à un questionnaire",
  funding_source: "Source de financement",
  funding_deadline: "Échéance de financement",
  funding_resource: "Ressource",
};

export const actionLabels: Record<string, string> = {
  create: "Création",
  update: "Modification",
  revoke: "Annulation",
  join: "Arrivée",
  leave: "Départ",
  remove: "Retrait",
  change_role: "Changement de rôle",
  import: "Import",
  accept: "Acceptation",
  reject: "Refus",
  refuse: "Refus",
  merge: "Fusion",
  delete: "Suppression",
  group: "Regroupement",
  move: "Déplacement",
  vote: "Soutien",
  unvote: "Soutien retiré",
  publish: "Publication",
  close: "Clôture",
  end: "Fin",
  submit: "Envoi",
  verify: "Vérification",
  suspend: "Suspension",
  grant: "Attribution de droits",
  flag_suspect: "Signalement comme suspect",
};

const fieldLabels: Record<string, string> = {
  name: "nom",
  title: "titre",
  label: "libellé",
  description: "description",
  intro: "introduction",
  status: "statut",
  reason: "motif",
  role: "rôle",
  kind: "type",
  slug: "adresse web",
  sourceCode: "code du périmètre",
  communeCount: "nombre de communes",
  communes: "communes",
  communeCode: "commune",
  expiresAt: "expire le",
  opensAt: "ouverture",
  closesAt: "clôture",
  anonymous: "anonyme",
  audience: "public",
  notes: "notes",
  actor: "acteur",
  actorId: "acteur",
  person: "personne",
  levels: "niveaux",
  comments: "commentaires",
  responses: "réponses",
  source: "origine",
  origin: "origine",
  admin: "administration de la plateforme",
  version: "version",
  direction: "sens",
  type: "type de question",
  questions: "questions",
  mapping: "correspondance",
  indicators: "indicateurs",
  rejected: "rejetés",
  partnersRecordFindings: "les partenaires peuvent saisir des constats",
  address: "adresse",
  phone: "téléphone",
  email: "courriel",
  website: "site web",
  hours: "horaires",
  openingHours: "horaires",
  postcode: "code postal",
  city: "commune",
  kept: "conservé",
  removed: "retiré",
  merged: "fusionné",
  edited: "modifié",
  key: "clé",
  text: "texte",
  groupId: "groupe",
  invitationId: "invitation",
  placeId: "lieu",
  campaignId: "campagne",
  questionnaireId: "questionnaire",
  payload: "contenu",
};

// Values of the status/kind-like enums, keyed by the code; the same code means the same word in every entity.
const valueLabels: Record<string, Record<string, string>> = {
  status: {
    draft: "brouillon",
    published: "publié",
    closed: "clos",
    pending: "en attente",
    verified: "vérifié",
    refused: "refusé",
    suspended: "suspendu",
    accepted: "accepté",
    rejected: "refusé",
    engaged: "engagé",
    to_mobilise: "à mobiliser",
  },
  role: Object.fromEntries(Object.entries(roleLabels).map(([k, v]) => [k, v.toLowerCase()])),
  kind: { commune: "commune", epci: "intercommunalité", departement: "département", region: "région", custom: "sur mesure", new: "nouveau lieu", correction: "correction" },
  audience: { actors: "acteurs", inhabitants: "habitants", officials: "élus", other: "autre" },
  source: { web: "en ligne", paper: "sur papier" },
  origin: { blank: "vierge", template: "modèle" },
  direction: { up: "vers le haut", down: "vers le bas" },
  type: { single: "choix unique", multiple: "choix multiples", scale: "échelle", number: "nombre", short_text: "texte court", long_text: "texte long", commune: "commune" },
};

/** "sourceCode" / "source_code" → "source code": a readable fallback for a field nobody named yet. */
function words(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

export function entityLabel(code: string): string {
  return entityLabels[code] ?? capitalise(words(code));
}

export function actionLabel(code: string): string {
  return actionLabels[code] ?? capitalise(words(code));
}

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? words(key);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type LabelContext = { communeNames: ReadonlyMap<string, string> };

const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const communeKeys = new Set(["communes", "communeCode", "commune"]);

/** One value in words; `key` is the field it belongs to (it decides enum wording and commune codes). */
export function valueLabel(key: string, value: unknown, ctx: LabelContext): string {
  if (value == null) return "—";
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return formatNumber(value);
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === "string") {
    if (value === "") return "(vide)";
    if (communeKeys.has(key)) return ctx.communeNames.get(value) ?? value;
    const mapped = valueLabels[key]?.[value];
    if (mapped) return mapped;
    if (isoDate.test(value)) {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) return formatDateTime(d);
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "(aucun)";
    return value.map((v) => valueLabel(key, typeof v === "number" && communeKeys.has(key) ? String(v) : v, ctx)).join(", ");
  }
  if (typeof value === "object") {
    const lines = describeValues(value, ctx);
    return lines.length === 0 ? "(vide)" : lines.map((l) => `${l.label} : ${l.value}`).join(" ; ");
  }
  return String(value);
}

/** The before/after record of one journal line as "field : value" pairs in words. */
export function describeValues(record: unknown, ctx: LabelContext): { label: string; value: string }[] {
  if (record == null) return [];
  if (typeof record !== "object" || Array.isArray(record)) return [{ label: "valeur", value: valueLabel("", record, ctx) }];
  return Object.entries(record as Record<string, unknown>).map(([k, v]) => ({ label: fieldLabel(k), value: valueLabel(k, v, ctx) }));
}

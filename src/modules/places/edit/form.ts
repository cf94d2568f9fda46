/**
 * The direct edit form of a place: every field of the national standard v1.0.2 that a person may
 * change (id, source, INSEE code and update date are kept or derived), grouped as people think of a
 * place. The edited record goes through the importer's own normalizeRecord, so that an edited place is
 * exactly as valid as an imported one; a value the importer would silently drop is refused instead.
 */
import type { FieldErrors } from "@/platform/errors";
import { gridToSchedule, gridUsed, readGrid, scheduleToOsm, understandHours, FRENCH_EXAMPLE } from "@/modules/places/hours";
import { shortLabel } from "@/modules/places/filters";
import { standardRow } from "@/modules/places/standard/export";
import { normalizeRecord } from "@/modules/places/standard/normalize";
import { PIVOT_PLACEHOLDER, enumValues, fieldSpec, listSeparator, type EnumFieldName, type FieldName, type NormalizedPlace } from "@/modules/places/standard/schema";

export type EditField = {
  name: FieldName;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "choices";
  required?: boolean;
  options?: { value: string; label: string }[];
  /** A free list typed with commas ("a, b"), stored "a|b" in the standard. */
  freeList?: boolean;
  inputMode?: "numeric" | "decimal";
  type?: "tel" | "url";
};

const choices = (name: EnumFieldName, label: string, hint?: string, short = false): EditField => ({
  name,
  label,
  kind: "choices",
  options: enumValues(name).map((v) => ({ value: v, label: short ? shortLabel(v) : v })),
  ...(hint ? { hint } : {}),
});

export const editGroups: { id: string; legend: string; fields: EditField[] }[] = [
  {
    id: "lieu",
    legend: "Le lieu",
    fields: [
      { name: "nom", label: "Nom du lieu", kind: "text", required: true },
      { name: "presentation_resume", label: "Présentation courte", kind: "textarea", hint: `${fieldSpec("presentation_resume").maxLength} caractères au plus : ce que l'on y trouve, pour qui.` },
      { name: "presentation_detail", label: "Présentation détaillée", kind: "textarea" },
      { name: "pivot", label: "SIRET ou RNA de la structure qui porte le lieu", kind: "text", hint: "14 chiffres (SIRET) ou W suivi de 9 caractères (RNA). Laissez vide si vous ne le connaissez pas." },
      { name: "structure_parente", label: "Structure parente (réseau, collectivité…)", kind: "text" },
      { name: "typologie", label: "Typologie (codes du standard)", kind: "text", freeList: true, hint: "Par exemple : MUNI, BIB, TIERS_LIEUX. Plusieurs : séparez-les par une virgule." },
    ],
  },
  {
    id: "adresse",
    legend: "Adresse et position",
    fields: [
      { name: "adresse", label: "Adresse", kind: "text", required: true, hint: "Numéro et voie, par exemple : 12 rue de Périgueux" },
      { name: "complement_adresse", label: "Complément d'adresse", kind: "text", hint: "Bâtiment, étage, entrée…" },
      { name: "code_postal", label: "Code postal", kind: "text", required: true, inputMode: "numeric", hint: "5 chiffres" },
      { name: "commune", label: "Commune", kind: "text", required: true },
      { name: "latitude", label: "Latitude", kind: "text", inputMode: "decimal", hint: "En degrés décimaux, par exemple 45.6484 (la virgule est acceptée)." },
      { name: "longitude", label: "Longitude", kind: "text", inputMode: "decimal", hint: "En degrés décimaux, par exemple 0.1562 (négative à l'ouest de Greenwich)." },
      choices("itinerance", "Itinérance", "Le lieu se déplace-t-il ?"),
    ],
  },
  {
    id: "contact",
    legend: "Contact et rendez-vous",
    fields: [
      { name: "telephone", label: "Téléphone", kind: "text", type: "tel", hint: "Par exemple : 05 45 00 00 00" },
      { name: "courriels", label: "Courriel du lieu", kind: "text", freeList: true, hint: "Plusieurs adresses : séparez-les par une virgule." },
      { name: "site_web", label: "Site web", kind: "text", freeList: true, hint: "Par exemple : https://www.mediatheque.fr. Plusieurs : séparez-les par une virgule." },
      { name: "prise_rdv", label: "Lien de prise de rendez-vous en ligne", kind: "text", type: "url" },
      { name: "fiche_acces_libre", label: "Fiche Acceslibre (accessibilité du bâtiment)", kind: "text", type: "url", hint: "Adresse de la fiche sur acceslibre.beta.gouv.fr" },
      { name: "horaires", label: "Horaires d'ouverture", kind: "text", hint: `Écrivez-les comme vous les diriez, par exemple : « ${FRENCH_EXAMPLE} », « lundi 9h-12h ; mardi 14h-17h », « tous les jours 8h-20h, fermé le mercredi ».` },
    ],
  },
  {
    id: "services",
    legend: "Services et publics",
    fields: [
      choices("services", "Services proposés", "Ce que l'on peut y faire."),
      choices("publics_specifiquement_adresses", "Publics accueillis en particulier"),
      choices("prise_en_charge_specifique", "Accompagnement spécifique", "Handicaps, illettrisme, langues."),
      choices("frais_a_charge", "Frais", undefined, true),
      choices("modalites_acces", "Modalités d'accès"),
      choices("modalites_accompagnement", "Modalités d'accompagnement"),
    ],
  },
  {
    id: "dispositifs",
    legend: "Dispositifs et labels",
    fields: [
      choices("dispositif_programmes_nationaux", "Dispositifs et programmes nationaux"),
      choices("formations_labels", "Formations et labels"),
      { name: "autres_formations_labels", label: "Autres formations ou labels", kind: "text", hint: "Plusieurs : séparez-les par une virgule." },
    ],
  },
];

export const editFields: EditField[] = editGroups.flatMap((g) => g.fields);
const byName = new Map(editFields.map((f) => [f.name, f]));

/** The form's values for a place: lists of choices joined by "|" (as the form echoes them), free lists by ", ". */
export function formValues(place: NormalizedPlace): Record<string, string> {
  const row = standardRow(place);
  const out: Record<string, string> = {};
  for (const f of editFields) {
    const cell = f.name === "pivot" && row.pivot === PIVOT_PLACEHOLDER ? "" : row[f.name];
    out[f.name] = f.freeList || f.name === "autres_formations_labels" ? cell.split(listSeparator).filter(Boolean).join(", ") : cell;
  }
  return out;
}

const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : "");
const selected = (v: unknown) => (Array.isArray(v) ? v.map(text) : typeof v === "string" ? v.split(listSeparator).map((s) => s.trim()) : []).filter(Boolean);

export type Edited = { ok: true; record: NormalizedPlace; changed: FieldName[] } | { ok: false; fieldErrors: FieldErrors };

/**
 * Applies the form to the current record, dated `date`. Keeps id and source; a place whose postcode or
 * commune changed gets its INSEE code again from them (the caller resolves it).
 */
export function applyEdit(current: NormalizedPlace, sent: Record<string, unknown>, date: string): Edited {
  // The day-by-day grid, when used, is the hours (the text field mirrors it with JavaScript, not without).
  const grid = readGrid(sent);
  const fromGrid = gridUsed(grid) ? gridToSchedule(grid) : undefined;
  const raw = fromGrid?.ok ? { ...sent, horaires: scheduleToOsm(fromGrid.schedule) } : sent;
  const row = standardRow(current);
  const before = formValues(current);
  const fieldErrors: FieldErrors = {};
  const changed: FieldName[] = [];
  const typed = new Map<FieldName, string>();
  for (const f of editFields) {
    let cell: string;
    if (f.kind === "choices") {
      const values = [...new Set(selected(raw[f.name]))];
      const allowed = new Set(f.options?.map((o) => o.value));
      if (values.some((v) => !allowed.has(v))) (fieldErrors[f.name] ??= []).push("Choisissez les valeurs dans la liste proposée.");
      cell = values.filter((v) => allowed.has(v)).join(listSeparator);
      if (cell !== before[f.name]) changed.push(f.name);
    } else {
      const value = text(raw[f.name]);
      typed.set(f.name, value);
      if (value === before[f.name]) continue; // unchanged: the published cell is kept as it is
      changed.push(f.name);
      cell = value;
      if (f.freeList || f.name === "autres_formations_labels") cell = value.split(f.name === "site_web" ? /[|;\s]+|,(?=\s*(?:https?:\/\/|www\.))/i : /\s*[|;,]\s*/).map((s) => s.trim().replace(/,$/, "")).filter(Boolean).join(listSeparator);
      if (f.inputMode === "decimal") cell = value.replace(",", ".");
      if (f.name === "pivot") cell = value.replace(/[\s.]/g, "") || PIVOT_PLACEHOLDER;
      if (f.name === "horaires" && value) {
        const hours = understandHours(value);
        if (!hours.ok) (fieldErrors.horaires ??= []).push(hours.message);
        else cell = hours.normalized;
      }
    }
    row[f.name] = cell;
  }
  if (fromGrid && !fromGrid.ok) fieldErrors.horaires = [fromGrid.message];
  const lat = typed.get("latitude") ?? "";
  const lon = typed.get("longitude") ?? "";
  if ((lat === "") !== (lon === "")) (fieldErrors[lat === "" ? "latitude" : "longitude"] ??= []).push("Indiquez la latitude et la longitude, ou aucune des deux.");
  if (changed.includes("code_postal") || changed.includes("commune")) row.code_insee = "";
  row.date_maj = date;

  const result = normalizeRecord({ line: 1, fields: new Map<string, unknown>(Object.entries(row)), extraCells: 0, notAnObject: false });
  for (const issue of result.issues) {
    const field = issue.field as FieldName;
    const mine = byName.has(field) ? field : undefined;
    if (issue.level === "error") (fieldErrors[mine ?? "_form"] ??= []).push(issue.message);
    // A value typed here that the importer would drop (with a warning) is refused, not lost silently.
    else if (mine && changed.includes(mine) && (typed.get(mine) ?? "") !== "" && result.record?.[mine] === undefined) (fieldErrors[mine] ??= []).push(issue.message);
  }
  if (Object.keys(fieldErrors).length > 0 || !result.record) return { ok: false, fieldErrors };
  return { ok: true, record: result.record, changed };
}

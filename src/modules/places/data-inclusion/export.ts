/**
 * Places written as data·inclusion v1: one structure per place, and one service « Médiation
 * numérique » per place that says what it offers (services, publics, fees, ways in). One JSON object
 * { "structures": [...], "services": [...] }, which the import reads back (decision 016).
 * Values the data·inclusion schema constrains are only written when they fit it (a RNA is no SIRET,
 * a name of 2 letters is too short); the rest is left null rather than made invalid.
 */
import type { NormalizedPlace } from "../standard/schema";
import { accesToMobilisation, dispositifToReseau, publicFromStandard, serviceToThematique } from "./vocabulary";

export type DataInclusionExport = { structures: Record<string, unknown>[]; services: Record<string, unknown>[] };

const cut = (text: string, max: number) => (Array.from(text).length > max ? `${Array.from(text).slice(0, max - 1).join("")}…` : text);
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const unique = <T>(values: (T | undefined)[]): T[] => [...new Set(values.filter((v): v is T => v !== undefined))];

/** data·inclusion's `nom` is 3 to 150 characters. */
function nameOf(place: NormalizedPlace): string {
  const name = cut(place.nom, 150);
  return Array.from(name).length >= 3 ? name : `${name} (${place.commune})`;
}

/** `description` is 5 to 10,000 characters, or null. */
function describe(text: string | undefined): string | null {
  if (text === undefined || Array.from(text).length < 5) return null;
  return cut(text, 10_000);
}

const address = (place: NormalizedPlace) => ({
  commune: place.commune,
  code_postal: /^\d{5}$/.test(place.code_postal) ? place.code_postal : null,
  code_insee: orNull(place.code_insee),
  adresse: place.adresse,
  complement_adresse: orNull(place.complement_adresse),
  latitude: orNull(place.latitude),
  longitude: orNull(place.longitude),
});

export function dataInclusionExport(places: readonly NormalizedPlace[], options: { source?: string } = {}): DataInclusionExport {
  const structures: Record<string, unknown>[] = [];
  const services: Record<string, unknown>[] = [];
  for (const place of places) {
    const source = options.source ?? place.source ?? "maillage";
    const reseaux = unique((place.dispositif_programmes_nationaux ?? []).map((d) => dispositifToReseau[d]));
    if (place.formations_labels?.includes("Fabriques de Territoire")) reseaux.push("fabrique-de-territoire");
    structures.push({
      source,
      id: place.id,
      nom: nameOf(place),
      siret: place.pivot !== undefined && /^\d{14}$/.test(place.pivot) ? place.pivot : null,
      ...address(place),
      telephone: orNull(place.telephone),
      courriel: orNull(place.courriels?.[0]),
      site_web: orNull(place.site_web?.[0]),
      description: describe(place.presentation_detail ?? place.presentation_resume),
      horaires_accueil: orNull(place.horaires),
      accessibilite_lieu: orNull(place.fiche_acces_libre),
      reseaux_porteurs: reseaux.length > 0 ? reseaux : null,
      lien_source: null,
      date_maj: place.date_maj,
    });

    const offers = place.services ?? [];
    const accompaniment = place.modalites_accompagnement ?? [];
    if (offers.length === 0 && accompaniment.length === 0 && (place.modalites_acces ?? []).length === 0) continue;
    const free = place.frais_a_charge ?? [];
    const frais = free.includes("Payant") ? "payant" : free.length > 0 ? "gratuit" : null;
    const mobilisation = unique((place.modalites_acces ?? []).map((a) => accesToMobilisation[a]));
    if (place.prise_rdv !== undefined && !mobilisation.includes("utiliser-lien-mobilisation")) mobilisation.push("utiliser-lien-mobilisation");
    const publics = unique((place.publics_specifiquement_adresses ?? []).map((p) => publicFromStandard[p]));
    services.push({
      source,
      id: `${place.id}--mediation-numerique`,
      structure_id: place.id,
      nom: "Médiation numérique",
      description: describe(place.presentation_resume ?? place.presentation_detail) ?? `Médiation numérique proposée par ${nameOf(place)}.`,
      type: accompaniment.includes("Dans un atelier collectif") ? "atelier" : "accompagnement",
      thematiques: offers.length > 0 ? unique(offers.map((s) => serviceToThematique[s])) : null,
      publics: publics.length > 0 ? publics : ["tous-publics"],
      frais,
      frais_precisions: free.includes("Gratuit sous condition") ? "Gratuit sous condition" : null,
      modes_accueil: unique([accompaniment.includes("À distance") ? "a-distance" : undefined, accompaniment.some((a) => a !== "À distance") || accompaniment.length === 0 ? "en-presentiel" : undefined]),
      modes_mobilisation: mobilisation.length > 0 ? mobilisation : null,
      lien_mobilisation: orNull(place.prise_rdv),
      ...address(place),
      telephone: orNull(place.telephone),
      courriel: orNull(place.courriels?.[0]),
      horaires_accueil: orNull(place.horaires),
      date_maj: place.date_maj,
    });
  }
  return { structures, services };
}

export function dataInclusionJson(places: readonly NormalizedPlace[], options: { source?: string } = {}): string {
  return JSON.stringify(dataInclusionExport(places, options));
}

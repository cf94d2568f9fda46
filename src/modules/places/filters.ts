import { z } from "zod";
import { enumValues } from "./standard/schema";
import type { PlaceFilters } from "./queries";

/** Filter groups offered on the public list, with the standard field behind each. */
export const filterGroups = [
  { key: "services", field: "services", legend: "Services" },
  { key: "publics", field: "publics_specifiquement_adresses", legend: "Publics accueillis en particulier" },
  { key: "support", field: "prise_en_charge_specifique", legend: "Accompagnement spécifique (handicaps, illettrisme, langues)" },
  { key: "fees", field: "frais_a_charge", legend: "Frais" },
  { key: "access", field: "modalites_acces", legend: "Modalités d'accès" },
] as const;

/** Short label of a standard value ("Gratuit : Je peux accéder…" → "Gratuit"). */
export function shortLabel(value: string): string {
  return value.split(" : ")[0] ?? value;
}

export function optionsOf(field: (typeof filterGroups)[number]["field"]): { value: string; label: string }[] {
  return enumValues(field).map((v) => ({ value: v, label: shortLabel(v) }));
}

const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]).slice(0, 30)).optional().catch(undefined);

export const filtersSchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  services: list,
  publics: list,
  support: list,
  fees: list,
  access: list,
  commune: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/).optional().catch(undefined),
  ouvert: z.literal("1").optional().catch(undefined),
  // The places of one source: where the import report of a file leads.
  source: z.string().min(1).max(200).optional().catch(undefined),
});

export function parseFilters(params: Record<string, string | string[] | undefined>): PlaceFilters & { openNow: boolean } {
  const f = filtersSchema.parse(params);
  return { q: f.q, services: f.services, publics: f.publics, support: f.support, fees: f.fees, access: f.access, commune: f.commune, source: f.source, openNow: f.ouvert === "1" };
}

/** The same filters as a query string (pagination links keep them). */
export function filtersQuery(params: Record<string, string | string[] | undefined>, page: number): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (k === "page" || v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) search.append(k, item);
  }
  search.set("page", String(page));
  return search.toString();
}

/**
 * Demo accompaniment records of the Charente territory (issue 13): 50,000 records across the real places of
 * Charente over the past 15 months, with realistic mixes (mostly individual help with online procedures,
 * some collective workshops, a few home and remote sessions, orientations towards the places that take
 * people in for a procedure: France Services and the like). Counts only, no person: what mediators record.
 * Fast on purpose (it runs on the first `npm start`): `insertRecordsIn` (batches of 5,000 rows as one JSON
 * parameter each, then ONE `aggregateIn` over all of them), in one transaction — the demo has its records and
 * their statistics, or neither.
 */
import { asc } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { parisToday } from "@/platform/dates";
import { inPerimeterOf } from "@/modules/territories";
import { places } from "@/modules/places/schema";
import { insertRecordsIn, type BulkRecord } from "@/modules/accompaniments/commands";

export const DEMO_ACCOMPANIMENTS = 50_000;
const BATCH = 5_000;
const MONTHS = 15;

/** Mulberry32: the same demo on every instance. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A choice among weighted values. */
function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

const individualThemes = [
  ["demarches_administratives", 30],
  ["demarche_social_sante", 14],
  ["demarche_argent_impots", 9],
  ["demarche_travail_formation", 8],
  ["demarche_papiers_citoyennete", 8],
  ["demarche_retraite", 6],
  ["demarche_logement", 4],
  ["demarche_transports", 4],
  ["demarche_famille_scolarite", 3],
  ["demarche_etrangers", 2],
  ["demarche_justice", 1],
  ["outils_quotidien", 16],
  ["usage_securise", 5],
  ["acces_internet_materiel", 6],
  ["insertion_professionnelle", 4],
  ["materiel_solidaire", 1],
] as const;
const workshops = [
  ["Prendre en main sa tablette", "outils_quotidien", "debutant"],
  ["Découvrir le smartphone", "outils_quotidien", "debutant"],
  ["Les courriels au quotidien", "outils_quotidien", "intermediaire"],
  ["Reconnaître les arnaques en ligne", "usage_securise", "debutant"],
  ["Protéger ses mots de passe", "usage_securise", "intermediaire"],
  ["Créer son espace France Travail", "insertion_professionnelle", "debutant"],
  ["Rédiger son CV en ligne", "insertion_professionnelle", "intermediaire"],
  ["Accompagner ses enfants sur les écrans", "parentalite_education", "debutant"],
  ["Retoucher ses photos", "loisirs_creations", "intermediaire"],
  ["Comprendre l'intelligence artificielle", "culture_numerique", "avance"],
  ["Les démarches en ligne de la CAF", "demarches_administratives", "debutant"],
] as const;
const hubWords = /france services|maison de services|espace france|mairie|ccas|centre social|m[ée]diath[èe]que/i;

/** Adds the demo records to the territory (50,000 unless told); returns how many were written. */
export async function seedDemoAccompaniments(db: Db, territoryId: string, total = DEMO_ACCOMPANIMENTS, now = new Date()): Promise<number> {
  const list = await db
    .select({ id: places.id, name: places.name, actorId: places.actorId })
    .from(places)
    .where(inPerimeterOf(db, territoryId, places.communeCode))
    .orderBy(asc(places.name), asc(places.id));
  if (list.length < 2) return 0;
  const random = seeded(13);
  // Some places are busy, most are not: a weight per place (a long tail, as in real activity data).
  const weights = list.map(() => Math.pow(random(), 3) * 20 + 0.3);
  const placeChoices = list.map((p, i) => [p, weights[i] ?? 1] as const);
  // Where people are oriented: the places that take people in for procedures, by their names.
  const hubs = list.filter((p) => hubWords.test(p.name));
  const targets = hubs.length >= 3 ? hubs : list;
  const today = parisToday(now);
  const end = Date.parse(`${today}T12:00:00Z`);
  const days: string[] = [];
  for (let t = end - MONTHS * 30.5 * 86_400_000; t <= end; t += 86_400_000) {
    const d = new Date(t);
    const weekday = d.getUTCDay();
    if (weekday === 0) continue; // no Sunday; Saturday mornings are rarer (weights below)
    days.push(d.toISOString().slice(0, 10));
  }
  const dayChoices = days.map((d, i) => [d, (new Date(`${d}T12:00:00Z`).getUTCDay() === 6 ? 0.3 : 1) * (0.7 + (0.6 * i) / days.length)] as const);

  let written = 0;
  const all: BulkRecord[] = [];
  while (written < total) {
    const size = Math.min(BATCH, total - written);
    const rows = all;
    for (let i = 0; i < size; i++) {
      const place = weighted(random, placeChoices);
      const collective = random() < 0.14;
      const occurredOn = weighted(random, dayChoices);
      const setting = collective ? "lieu" : weighted(random, [["lieu", 84], ["distance", 11], ["domicile", 5]] as const);
      const people = collective ? 3 + Math.floor(random() * 10) : random() < 0.07 ? 2 : 1;
      const workshop = workshops[Math.floor(random() * workshops.length)] ?? workshops[0];
      const themes = collective ? [workshop[1]] : [...new Set([weighted(random, individualThemes), ...(random() < 0.3 ? [weighted(random, individualThemes)] : [])])];
      const durationMinutes = collective ? weighted(random, [[60, 2], [90, 3], [120, 4], [180, 1]] as const) : weighted(random, [[15, 3], [30, 7], [45, 4], [60, 4], [90, 1]] as const);
      let orientedTo: string | null = null;
      if (!collective && random() < 0.09) {
        const target = targets[Math.floor(random() * targets.length)];
        if (target && target.id !== place.id) orientedTo = target.id;
      }
      const ageBands: Record<string, number> = {};
      if (random() < 0.6) {
        for (let k = 0; k < people; k++) {
          const band = weighted(random, [["moins_18", 3], ["18_24", 7], ["25_39", 14], ["40_59", 22], ["60_69", 24], ["70_plus", 30]] as const);
          ageBands[band] = (ageBands[band] ?? 0) + 1;
        }
      }
      rows.push({
        territoryId,
        placeId: place.id,
        actorId: place.actorId,
        occurredOn,
        kind: collective ? "collectif" : "individuel",
        people,
        durationMinutes,
        themes,
        equipment: [weighted(random, [["ordinateur", 5], ["smartphone", 5], ["tablette", 2], ["materiel_personne", 4], ["imprimante_scanner", 2]] as const)],
        setting,
        autonomy: collective ? null : weighted(random, [["entierement", 3], ["partiellement", 5], ["pas_autonome", 2]] as const),
        orientedToPlaceId: orientedTo,
        title: collective ? workshop[0] : "",
        level: collective ? workshop[2] : null,
        ageBands,
        statuses: {},
        origin: "demo",
        recordedBy: null,
      });
    }
    written += size;
  }
  await db.transaction((tx) => insertRecordsIn(tx, all));
  return written;
}

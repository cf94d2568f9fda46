/**
 * "À retenir": the few sentences that open the portrait, in plain French, computed from the figures
 * under them, for a reader (an elected official) who reads nothing else. Pure: the page reads the data
 * and passes it in, so each sentence is tested on small hand-made inputs.
 */
import { formatNumber } from "@/platform/text";

export type KeyCommune = {
  name: string;
  population: number | null;
  lat: number | null;
  lon: number | null;
  /** Digital fragility index (0–10), null when unknown. */
  ifn: number | null;
};

export type KeyMessagesInput = {
  territoryName: string;
  communes: readonly KeyCommune[];
  population: number;
  ifnThreshold: number;
  distanceKm: number;
  far: { population: number; communes: number };
  whiteZones: { population: number; communes: number };
  /** The shared diagnostic's findings; the themes with how many findings name them. */
  findings: { strengths: number; questions: number; themes: readonly { label: string; count: number }[] };
};

const decimals = (n: number, digits: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits }).format(n);
const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
/** "A", "A et B", "A, B et C". */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/** How far (in standard deviations) a group's centre must be from the territory's to be called "in the north", etc. */
const SIDE_THRESHOLD = 0.3;

/**
 * Where a group of communes lies within the territory, in words ("le sud-ouest"), or null when it is
 * spread across it: the group's mean position compared with all communes', in units of the spread.
 */
export function sideOf(group: readonly KeyCommune[], all: readonly KeyCommune[]): string | null {
  const placed = (list: readonly KeyCommune[]) => list.filter((c): c is KeyCommune & { lat: number; lon: number } => c.lat !== null && c.lon !== null);
  const g = placed(group);
  const a = placed(all);
  if (g.length === 0 || a.length < 2 || g.length === a.length) return null;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  // The mean is computed once per list: recomputing it for each value made this quadratic
  // (4,293 communes of a région: ~25 ms of CPU per view of the portrait, two thirds of its render).
  const spread = (xs: number[], m: number) => Math.sqrt(mean(xs.map((x) => (x - m) ** 2))) || 1;
  const allLat = a.map((c) => c.lat);
  const allLon = a.map((c) => c.lon);
  const meanLat = mean(allLat);
  const meanLon = mean(allLon);
  const dLat = (mean(g.map((c) => c.lat)) - meanLat) / spread(allLat, meanLat);
  const dLon = (mean(g.map((c) => c.lon)) - meanLon) / spread(allLon, meanLon);
  const ns = dLat > SIDE_THRESHOLD ? "nord" : dLat < -SIDE_THRESHOLD ? "sud" : "";
  const ew = dLon > SIDE_THRESHOLD ? "est" : dLon < -SIDE_THRESHOLD ? "ouest" : "";
  if (!ns && !ew) return null;
  if (ns && ew) return `le ${ns}-${ew}`;
  return ns ? `le ${ns}` : `l'${ew}`;
}

/** Three to five sentences: fragility and where, people far from help, white zones, what the diagnostic found. */
export function keyMessages(input: KeyMessagesInput): string[] {
  const { communes, ifnThreshold, distanceKm } = input;
  const threshold = decimals(ifnThreshold, 2);
  const distance = `${decimals(distanceKm, 1)}\u00a0km`;
  const sentences: string[] = [];

  const known = communes.filter((c) => c.ifn !== null);
  const fragile = known.filter((c) => (c.ifn ?? 0) > ifnThreshold).sort((x, y) => (y.ifn ?? 0) - (x.ifn ?? 0));
  if (known.length === 0) {
    sentences.push(`L'indice de fragilité numérique n'est connu pour aucune des ${formatNumber(communes.length)} communes du territoire.`);
  } else if (fragile.length === 0) {
    sentences.push(`Aucune des ${formatNumber(communes.length)} communes du territoire ne dépasse le seuil de fragilité numérique retenu (indice supérieur à ${threshold} sur 10).`);
  } else {
    const side = sideOf(fragile, communes);
    const where = side ? `, surtout dans ${side} du territoire` : ", réparties dans tout le territoire";
    const head = fragile.slice(0, 3).map((c) => c.name);
    const first =
      fragile.length === 1
        ? `Une commune sur ${formatNumber(communes.length)} dépasse le seuil de fragilité numérique retenu (indice supérieur à ${threshold} sur 10) : ${head[0]}.`
        : `${formatNumber(fragile.length)} communes sur ${formatNumber(communes.length)} dépassent le seuil de fragilité numérique retenu (indice supérieur à ${threshold} sur 10)${where} ; les plus fragiles sont ${frenchList(head)}.`;
    sentences.push(first);
  }

  if (input.far.population === 0) {
    sentences.push(`Tous les habitants ont un lieu de médiation numérique à moins de ${distance} à vol d'oiseau.`);
  } else {
    const percent = input.population > 0 ? (100 * input.far.population) / input.population : null;
    // "0 %" for a few people would read as nobody.
    const share = percent === null ? "" : percent < 0.1 ? " (moins de 0,1\u00a0% de la population)" : ` (${decimals(percent, 1)}\u00a0% de la population)`;
    sentences.push(
      `${formatNumber(input.far.population)} ${plural(input.far.population, "habitant", "habitants")}${share} ${plural(input.far.population, "vit", "vivent")} à plus de ${distance} à vol d'oiseau du lieu de médiation numérique le plus proche, dans ${formatNumber(input.far.communes)} ${plural(input.far.communes, "commune", "communes")}.`,
    );
  }

  const white = input.whiteZones;
  sentences.push(
    white.communes === 0
      ? "Aucune commune ne cumule l'éloignement et la fragilité : le territoire n'a pas de zone blanche."
      : `${formatNumber(white.communes)} ${plural(white.communes, "commune cumule", "communes cumulent")} l'éloignement et la fragilité (${formatNumber(white.population)} ${plural(white.population, "habitant", "habitants")}) : ${plural(white.communes, "c'est une zone blanche", "ce sont les zones blanches")}, à traiter en priorité.`,
  );

  const { strengths, questions, themes } = input.findings;
  if (strengths + questions === 0) {
    sentences.push("Le diagnostic partagé n'a encore relevé aucun atout ni questionnement.");
  } else {
    const top = [...themes].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label, "fr")).slice(0, 2);
    const about = top.length ? `, surtout sur ${plural(top.length, "le thème", "les thèmes")} ${frenchList(top.map((t) => `« ${t.label} »`))}` : "";
    sentences.push(
      `Le diagnostic partagé a relevé ${formatNumber(strengths)} ${plural(strengths, "atout", "atouts")} et ${formatNumber(questions)} ${plural(questions, "questionnement", "questionnements")}${about}.`,
    );
  }
  return sentences;
}

/** Services that no place offers within reach of any commune: the "100 %" of the table means "no place declares it". */
export function servicesNoPlaceOffers<S extends string>(services: readonly S[], rows: readonly { nearestKmByService: Record<S, number | null>; lat: number | null }[]): S[] {
  const placed = rows.filter((r) => r.lat !== null);
  if (placed.length === 0) return [];
  return services.filter((s) => placed.every((r) => r.nearestKmByService[s] === null));
}

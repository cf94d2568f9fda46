/**
 * What the public places map says in words: its controls in French (maplibre's `locale` option), the
 * name of a cluster and its visible count, and the legend of what each mark means. Pure, so that the
 * wording is tested without a browser; the map component (ui/places-map.tsx) only draws it.
 */
import { formatNumber } from "@/platform/text";

/**
 * Every UI string maplibre shows (its `default_locale`), in French: tooltips and names of the controls
 * read by screen readers. All keys are given, so a control added later does not speak English.
 */
export const MAP_LOCALE_FR: Record<string, string> = {
  "AttributionControl.ToggleAttribution": "Afficher ou masquer les sources de la carte",
  "AttributionControl.MapFeedback": "Signaler une erreur sur la carte",
  "FullscreenControl.Enter": "Afficher la carte en plein écran",
  "FullscreenControl.Exit": "Quitter le plein écran",
  "GeolocateControl.FindMyLocation": "Me localiser",
  "GeolocateControl.LocationNotAvailable": "Position indisponible",
  "LogoControl.Title": "Logo MapLibre",
  "Map.Title": "Carte",
  "Marker.Title": "Repère sur la carte",
  "NavigationControl.ResetBearing": "Faire glisser pour tourner la carte, cliquer pour revenir au nord",
  "NavigationControl.ZoomIn": "Zoomer",
  "NavigationControl.ZoomOut": "Dézoomer",
  "Popup.Close": "Fermer",
  "ScaleControl.Feet": "pi",
  "ScaleControl.Meters": "m",
  "ScaleControl.Kilometers": "km",
  "ScaleControl.Miles": "mi",
  "ScaleControl.NauticalMiles": "nmi",
  "GlobeControl.Enable": "Afficher le globe",
  "GlobeControl.Disable": "Afficher la carte à plat",
  "TerrainControl.Enable": "Afficher le relief",
  "TerrainControl.Disable": "Masquer le relief",
  "CooperativeGesturesHandler.WindowsHelpText": "Utilisez Ctrl + molette pour zoomer sur la carte",
  "CooperativeGesturesHandler.MacHelpText": "Utilisez ⌘ + molette pour zoomer sur la carte",
  "CooperativeGesturesHandler.MobileHelpText": "Utilisez deux doigts pour déplacer la carte",
};

/** Colours of the marks, shared by the map's layers, its cluster buttons and its legend. */
export const MAP_COLORS = { place: "#e1000f", cluster: "#000091", inside: "#e3e3fd", insideLine: "#8585f6", outside: "#e5e5e5" } as const;

/** The count written on a cluster: short enough for a 24 px circle ("1,2 k" past 9,999). */
export function clusterText(count: number): string {
  if (count < 10_000) return formatNumber(count);
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(count / 1000)}\u00a0k`;
}

/** The accessible name of a cluster button: how many places, and what pressing it does. */
export function clusterName(count: number): string {
  return `${formatNumber(count)} lieu${count > 1 ? "x" : ""} regroupé${count > 1 ? "s" : ""} ici : zoomer pour les voir`;
}

/** Radius in px of a cluster's circle, growing with its count (the count must fit inside). */
export function clusterSize(count: number): number {
  if (count < 10) return 26;
  if (count < 100) return 32;
  if (count < 1000) return 40;
  return 48;
}

export type LegendEntry = { shape: "point" | "cluster" | "area"; color: string; label: string };

/** The legend beside the map: what a red dot, a numbered blue circle and a coloured area mean. */
export function placesMapLegend(territoryName: string): LegendEntry[] {
  return [
    { shape: "point", color: MAP_COLORS.place, label: "Un lieu de médiation numérique (cliquer pour son nom et sa fiche)" },
    { shape: "cluster", color: MAP_COLORS.cluster, label: "Plusieurs lieux proches, avec leur nombre (cliquer pour zoomer)" },
    { shape: "area", color: MAP_COLORS.inside, label: `Communes du territoire : ${territoryName}` },
    { shape: "area", color: MAP_COLORS.outside, label: "Communes voisines, hors du territoire" },
  ];
}

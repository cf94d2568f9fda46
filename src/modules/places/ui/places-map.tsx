"use client";

import { useEffect, useRef, useState } from "react";
import type { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import { clusterName, clusterSize, clusterText, MAP_COLORS, MAP_LOCALE_FR, placesMapLegend } from "../map-view";

type Props = { baseUrl: string; dataUrl: string; placeHref: string; count: number; territoryName: string };

function bounds(fc: GeoJSON.FeatureCollection): [number, number, number, number] | undefined {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) if (f.properties?.inside && f.geometry.type !== "GeometryCollection") visit(f.geometry.coordinates);
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : undefined;
}

/**
 * The places: the gzip file the route keeps ready (see its route.ts), inflated here, when the browser
 * can; else the same GeoJSON as plain JSON.
 */
async function fetchPlaces(dataUrl: string): Promise<unknown> {
  if (typeof DecompressionStream === "function") {
    const url = new URL(dataUrl, window.location.href);
    url.searchParams.set("format", "gzip");
    const res = await fetch(url);
    if (res.ok && res.body) return new Response(res.body.pipeThrough(new DecompressionStream("gzip"))).json();
  }
  return fetch(dataUrl).then((r) => r.json());
}

/**
 * The places on a map drawn from our own contours (no tile server), clustered so that thousands
 * of places stay fluid. The list beside it always shows the same places: the map is never the only way.
 */
export function PlacesMap({ baseUrl, dataUrl, placeHref, count, territoryName }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let map: MapLibreMap | undefined;
    let cancelled = false;
    (async () => {
      const maplibregl = await import("maplibre-gl");
      maplibregl.setWorkerUrl("/maplibre/worker.mjs");
      const [base, data] = (await Promise.all([fetch(baseUrl).then((r) => r.json()), fetchPlaces(dataUrl)])) as GeoJSON.FeatureCollection[];
      if (cancelled || !container.current || !base || !data) return;
      const created = new maplibregl.Map({
        container: container.current,
        bounds: bounds(base),
        fitBoundsOptions: { padding: 20 },
        locale: MAP_LOCALE_FR,
        attributionControl: { customAttribution: "Contours IGN Admin Express (COG 2018)" },
        style: {
          version: 8,
          sources: {
            base: { type: "geojson", data: base },
            places: { type: "geojson", data, cluster: true, clusterRadius: 40, clusterMaxZoom: 12 },
          },
          layers: [
            { id: "background", type: "background", paint: { "background-color": "#f6f6f6" } },
            { id: "communes", type: "fill", source: "base", paint: { "fill-color": ["case", ["get", "inside"], MAP_COLORS.inside, MAP_COLORS.outside] } },
            { id: "communes-line", type: "line", source: "base", paint: { "line-color": ["case", ["get", "inside"], MAP_COLORS.insideLine, "#cecece"], "line-width": 0.6 } },
            // Clusters are HTML buttons (below), not a layer: their count needs text, and text in a
            // layer needs a glyph server, which this map does without; a button is also reachable by keyboard.
            { id: "place", type: "circle", source: "places", filter: ["!", ["has", "point_count"]], paint: { "circle-color": MAP_COLORS.place, "circle-radius": 7, "circle-stroke-color": "#fff", "circle-stroke-width": 2 } },
          ],
        },
      });
      map = created;
      created.addControl(new maplibregl.NavigationControl({ showCompass: false }));
      // One button per cluster on screen, kept while the cluster stays (keyed by its id), as maplibre's
      // "HTML clusters" example does: rebuilt after each render of the places' source.
      const shown = new Map<number, import("maplibre-gl").Marker>();
      const zoomInto = async (id: number, center: [number, number]) => {
        const source = created.getSource("places") as import("maplibre-gl").GeoJSONSource | undefined;
        if (!source) return;
        created.easeTo({ center, zoom: await source.getClusterExpansionZoom(id) });
      };
      const updateClusters = () => {
        if (!created.getSource("places") || !created.isSourceLoaded("places")) return;
        const now = new Map<number, import("maplibre-gl").Marker>();
        for (const f of created.querySourceFeatures("places", { filter: ["has", "point_count"] })) {
          const id = Number(f.properties?.cluster_id);
          if (now.has(id) || f.geometry.type !== "Point") continue;
          let marker = shown.get(id);
          if (!marker) {
            const count = Number(f.properties?.point_count);
            const center = f.geometry.coordinates as [number, number];
            const button = document.createElement("button");
            button.type = "button";
            button.className = "maillage-cluster";
            button.textContent = clusterText(count);
            button.setAttribute("aria-label", clusterName(count));
            button.title = clusterName(count);
            const size = `${clusterSize(count)}px`;
            Object.assign(button.style, { width: size, height: size, background: MAP_COLORS.cluster });
            button.addEventListener("click", (event) => {
              event.stopPropagation();
              void zoomInto(id, center);
            });
            marker = new maplibregl.Marker({ element: button }).setLngLat(center);
          }
          now.set(id, marker);
          if (!shown.has(id)) marker.addTo(created);
        }
        for (const [id, marker] of shown) if (!now.has(id)) marker.remove();
        shown.clear();
        for (const [id, marker] of now) shown.set(id, marker);
      };
      created.on("render", updateClusters);
      created.on("click", "place", (e) => {
        const feature = e.features?.[0];
        if (!feature || feature.geometry.type !== "Point") return;
        // Built as DOM nodes, never as HTML: place names come from imported files.
        const link = document.createElement("a");
        link.href = `${placeHref}/${String(feature.properties?.id)}`;
        link.textContent = String(feature.properties?.n ?? "Lieu");
        new maplibregl.Popup({ closeButton: true }).setLngLat(feature.geometry.coordinates as [number, number]).setDOMContent(link).addTo(created);
      });
      created.on("mouseenter", "place", () => (created.getCanvas().style.cursor = "pointer"));
      created.on("mouseleave", "place", () => (created.getCanvas().style.cursor = ""));
    })().catch(() => setProblem("La carte n'a pas pu s'afficher sur cet appareil. La liste ci-dessous présente les mêmes lieux."));
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [baseUrl, dataUrl, placeHref]);

  return (
    <div className="fr-mb-3w">
      <div ref={container} className="maillage-map" role="region" aria-label={`Carte des ${count} lieux trouvés ; la liste qui suit présente les mêmes lieux.`} />
      {problem ? <p className="fr-text--sm">{problem}</p> : null}
      <h2 className="fr-h6 fr-mt-2w fr-mb-1w maillage-no-print" id="carte-legende">Légende de la carte</h2>
      <ul className="fr-raw-list fr-text--sm maillage-legend maillage-no-print" aria-labelledby="carte-legende">
        {placesMapLegend(territoryName).map((entry) => (
          <li key={entry.label}>
            <span aria-hidden="true" className={`maillage-legend__mark maillage-legend__mark--${entry.shape}`} style={{ background: entry.color }} />
            {entry.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

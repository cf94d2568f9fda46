"use client";

import { useEffect, useRef, useState } from "react";
import type { Map as MapLibreMap } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";

type Props = { baseUrl: string; dataUrl: string; placeHref: string; count: number };

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
export function PlacesMap({ baseUrl, dataUrl, placeHref, count }: Props) {
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
        attributionControl: { customAttribution: "Contours IGN Admin Express (COG 2018)" },
        style: {
          version: 8,
          sources: {
            base: { type: "geojson", data: base },
            places: { type: "geojson", data, cluster: true, clusterRadius: 40, clusterMaxZoom: 12 },
          },
          layers: [
            { id: "background", type: "background", paint: { "background-color": "#f6f6f6" } },
            { id: "communes", type: "fill", source: "base", paint: { "fill-color": ["case", ["get", "inside"], "#e3e3fd", "#e5e5e5"] } },
            { id: "communes-line", type: "line", source: "base", paint: { "line-color": ["case", ["get", "inside"], "#8585f6", "#cecece"], "line-width": 0.6 } },
            {
              id: "clusters",
              type: "circle",
              source: "places",
              filter: ["has", "point_count"],
              paint: { "circle-color": "#000091", "circle-opacity": 0.75, "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 50, 22, 200, 28] },
            },
            { id: "place", type: "circle", source: "places", filter: ["!", ["has", "point_count"]], paint: { "circle-color": "#e1000f", "circle-radius": 7, "circle-stroke-color": "#fff", "circle-stroke-width": 2 } },
          ],
        },
      });
      map = created;
      created.addControl(new maplibregl.NavigationControl({ showCompass: false }));
      created.on("click", "clusters", async (e) => {
        const feature = e.features?.[0];
        const source = created.getSource("places") as import("maplibre-gl").GeoJSONSource | undefined;
        if (!feature || !source || feature.geometry.type !== "Point") return;
        const zoom = await source.getClusterExpansionZoom(Number(feature.properties?.cluster_id));
        created.easeTo({ center: feature.geometry.coordinates as [number, number], zoom });
      });
      created.on("click", "place", (e) => {
        const feature = e.features?.[0];
        if (!feature || feature.geometry.type !== "Point") return;
        // Built as DOM nodes, never as HTML: place names come from imported files.
        const link = document.createElement("a");
        link.href = `${placeHref}/${String(feature.properties?.id)}`;
        link.textContent = String(feature.properties?.n ?? "Lieu");
        new maplibregl.Popup({ closeButton: true }).setLngLat(feature.geometry.coordinates as [number, number]).setDOMContent(link).addTo(created);
      });
      for (const layer of ["clusters", "place"]) {
        created.on("mouseenter", layer, () => (created.getCanvas().style.cursor = "pointer"));
        created.on("mouseleave", layer, () => (created.getCanvas().style.cursor = ""));
      }
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
    </div>
  );
}

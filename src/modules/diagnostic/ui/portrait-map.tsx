"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

type Commune = { code: string; d: string; fill: string; text: string };
type MapData = { viewBox: string; neighbours: string[]; border: string; communes: Commune[] };

type Props = { imageSrc: string; dataSrc: string; alt: string; label: string };

const HINT = "Survolez une commune, ou placez-vous sur la carte avec la touche Tab et parcourez les communes avec les flèches, pour lire son nom et sa valeur.";

/**
 * The portrait's choropleth, naming the commune under the pointer or reached with the keyboard. It shows
 * the server-drawn image first (and for good without JavaScript); once the shapes are loaded, the same
 * drawing becomes interactive: one focusable map (a single tab stop, however many communes), the arrow
 * keys go from commune to commune in alphabetical order (Home/End: first/last, a letter: the next name
 * starting with it), and the name, value and class are written above the map in a live region.
 * The table beside the map lists the same communes, for whoever prefers it.
 */
export function PortraitMap({ imageSrc, dataSrc, alt, label }: Props) {
  const [data, setData] = useState<MapData>();
  const [active, setActive] = useState<number>(-1);
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    setData(undefined);
    setActive(-1);
    fetch(dataSrc)
      .then((r) => (r.ok ? (r.json() as Promise<MapData>) : undefined))
      .then((d) => {
        if (!cancelled && d?.communes?.length) setData(d);
      })
      // The image stays: it shows the same map, and the table beside it the same values.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [dataSrc]);

  if (!data) {
    // eslint-disable-next-line @next/next/no-img-element -- a server-drawn SVG, cached by the browser
    return <img src={imageSrc} alt={alt} style={{ width: "100%", height: "auto", border: "1px solid #ddd" }} />;
  }

  const communes = data.communes;
  const current = communes[active];
  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    const code = (e.target as Element).closest?.("[data-code]")?.getAttribute("data-code");
    if (!code) return;
    const i = communes.findIndex((c) => c.code === code);
    if (i >= 0 && i !== active) setActive(i);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = communes.length - 1;
    let next: number | undefined;
    if (e.key === "ArrowRight" || e.key === "ArrowDown") next = active < 0 ? 0 : Math.min(last, active + 1);
    else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = active < 0 ? 0 : Math.max(0, active - 1);
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = last;
    else if (e.key === "Escape") next = -1;
    else if (e.key.length === 1 && /\p{L}/u.test(e.key)) {
      // The next commune whose name starts with this letter, accents aside ("e" finds "Éraville").
      const letter = e.key.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      const starts = (i: number) => (communes[i]?.text ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().startsWith(letter);
      for (let k = 1; k <= communes.length; k++) {
        const i = (active + k + communes.length) % communes.length;
        if (starts(i)) {
          next = i;
          break;
        }
      }
    }
    if (next === undefined) return;
    e.preventDefault();
    setActive(next);
  };

  return (
    <div className="maillage-portrait-map">
      <p className="fr-text--sm fr-mb-1w maillage-portrait-map__label" aria-live="polite" aria-atomic="true" id="carte-commune">
        {current ? <strong>{current.text}</strong> : HINT}
      </p>
      <div
        ref={holder}
        tabIndex={0}
        role="group"
        aria-roledescription="carte"
        aria-label={`${label}. Flèches : commune suivante ou précédente, par ordre alphabétique ; une lettre : commune suivante commençant par cette lettre.`}
        aria-describedby="carte-commune"
        className="maillage-portrait-map__focus"
        onKeyDown={onKey}
      >
        <svg viewBox={data.viewBox} aria-hidden="true" focusable="false" style={{ width: "100%", height: "auto", display: "block" }} onPointerMove={onPointer} onPointerLeave={() => holder.current !== document.activeElement && setActive(-1)}>
          <defs>
            <pattern id="carte-sans-valeur" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#e5e5e5" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#bbb" strokeWidth="2" />
            </pattern>
          </defs>
          <rect width="100%" height="100%" fill="#f6f6f6" />
          <g fill="#eee" stroke="#ddd" strokeWidth="0.5">
            {data.neighbours.map((d, i) => (
              <path key={i} d={d} />
            ))}
          </g>
          <g stroke="#fff" strokeWidth="0.4">
            {communes.map((c) => (
              <path key={c.code} d={c.d} data-code={c.code} fill={c.fill} />
            ))}
          </g>
          {data.border ? <path d={data.border} fill="none" stroke="#161616" strokeWidth="1.5" /> : null}
          {current ? <path d={current.d} fill="none" stroke="#000091" strokeWidth="3" pointerEvents="none" /> : null}
        </svg>
      </div>
    </div>
  );
}

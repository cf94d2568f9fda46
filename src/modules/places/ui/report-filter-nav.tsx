"use client";

import { useEffect, useState } from "react";

/**
 * The filter links of a line-by-line report. They are plain links to the sections below (`#…`), which CSS
 * shows one at a time (`:target`, global.css): the filter works without JavaScript, in a page rendered
 * after a form's POST as well as on a report's own address. With JavaScript this only marks the chosen
 * link (aria-current), following the address's fragment.
 */
export function ReportFilterNav({ prefix, label, items }: { prefix: string; label: string; items: { key: string; label: string; count: number }[] }) {
  const [active, setActive] = useState<string | undefined>(undefined);
  useEffect(() => {
    const read = () => {
      const hash = decodeURIComponent(window.location.hash.slice(1));
      setActive(hash.startsWith(`${prefix}-`) ? hash.slice(prefix.length + 1) : undefined);
    };
    read();
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [prefix]);
  const current = active ?? "toutes";
  return (
    <nav aria-label={label} className="fr-mb-2w">
      <ul className="fr-tags-group">
        {items.map((f) => (
          <li key={f.key}>
            <a className="fr-tag" href={`#${prefix}-${f.key}`} aria-current={f.key === current ? "true" : undefined}>
              {f.label} ({f.count})
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table } from "./table";

describe("DSFR table", () => {
  it("is in the tab order (it is the scroll region on a phone) and keeps its caption as its name", () => {
    const html = renderToStaticMarkup(createElement(Table, null, createElement("caption", null, "Membres"), createElement("tbody", null)));
    expect(html).toBe('<table tabindex="0"><caption>Membres</caption><tbody></tbody></table>');
  });

  it("is the only table written in a .fr-table: no bare <table> that a keyboard could not scroll on a phone", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const bare: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith(".tsx") && full !== path.join(root, "ui", "table.tsx")) {
          const text = fs.readFileSync(full, "utf8");
          // The new DSFR markup (.fr-table__container) scrolls its container, made focusable where it is used.
          if (/className=[{"`][^>]*fr-table(?![_\w-])/.test(text) && /<table[\s>]/.test(text) && !text.includes("fr-table__container")) bare.push(path.relative(root, full));
        }
      }
    };
    walk(root);
    expect(bare).toEqual([]);
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frenchNumber, frenchTypography, writeOdt } from "./odt";

describe("French typography of the ODT", () => {
  it("non-breaking spaces before the high punctuation and inside guillemets; apostrophe; addresses untouched", () => {
    expect(frenchTypography("Acquis : accordé ; demandé ! Vraiment ?")).toBe("Acquis\u00a0: accordé\u202f; demandé\u202f! Vraiment\u202f?");
    expect(frenchTypography('Le "plan" de l\'EPCI')).toBe("Le «\u00a0plan\u00a0» de l’EPCI");
    expect(frenchTypography("voir https://exemple.fr/a:b ; ensuite")).toBe("voir https://exemple.fr/a:b\u202f; ensuite");
    expect(frenchTypography("10:30 et ...")).toBe("10:30 et …");
  });
  it("numbers grouped by a narrow non-breaking space, decimal comma", () => {
    expect(frenchNumber(1234567.5)).toBe("1\u202f234\u202f567,5");
    expect(frenchNumber(0.3)).toBe("0,3");
  });
});

describe("pictures in the ODT", () => {
  it("stores an SVG under Pictures/, declares it in the manifest and frames it with its title and description", () => {
    const svg = '<svg role="img" style="max-width:100%;height:auto" width="480" height="120" viewBox="0 0 480 120"><title>Barres</title><rect width="10" height="10"/></svg>';
    const bytes = writeOdt({
      title: "Essai",
      blocks: [
        { kind: "paragraph", text: "Avant" },
        { kind: "image", svg, width: 480, height: 120, title: "Actions par statut", description: "En cours : 2" },
        { kind: "table", header: ["Statut", "Actions"], rows: [["En cours", 2]] },
        // 960 px is 25.4 cm: scaled down to the text's 17 cm, height likewise (2.54 × 17/25.4 = 1.7 cm).
        { kind: "image", svg, width: 960, height: 96, title: "Large" },
      ],
    });
    const file = path.join(os.tmpdir(), `odt-image-${process.pid}.odt`);
    fs.writeFileSync(file, bytes);
    try {
      const unzip = (name: string) => execFileSync("unzip", ["-p", file, name], { encoding: "utf8" });
      const listing = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter(Boolean);
      expect(listing).toEqual(["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "Pictures/graphique-1.svg", "Pictures/graphique-2.svg"]);
      const manifest = unzip("META-INF/manifest.xml");
      expect(manifest).toContain('<manifest:file-entry manifest:full-path="Pictures/graphique-1.svg" manifest:media-type="image/svg+xml"/>');
      expect(manifest).toContain('<manifest:file-entry manifest:full-path="Pictures/graphique-2.svg" manifest:media-type="image/svg+xml"/>');
      // A file of its own: declaration, namespace, no page layout style, the drawing kept.
      expect(unzip("Pictures/graphique-1.svg")).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<svg role="img" width="480" height="120" viewBox="0 0 480 120" xmlns="http://www.w3.org/2000/svg"><title>Barres</title><rect width="10" height="10"/></svg>');
      const content = unzip("content.xml");
      expect(content).toContain('xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"');
      // 480 px at 96 per inch = 12.7 cm; 120 px = 3.175 cm. The French typography applies to the alternative text.
      expect(content).toContain(
        '<text:p text:style-name="Figure"><draw:frame draw:style-name="Image" draw:name="Graphique1" text:anchor-type="as-char" svg:width="12.7cm" svg:height="3.175cm" draw:z-index="0">' +
          '<draw:image xlink:href="Pictures/graphique-1.svg" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>' +
          "<svg:title>Actions par statut</svg:title><svg:desc>En cours\u00a0: 2</svg:desc></draw:frame></text:p>",
      );
      expect(content).toContain('draw:name="Graphique2" text:anchor-type="as-char" svg:width="17cm" svg:height="1.7cm"');
      expect(content).toContain("<svg:title>Large</svg:title></draw:frame>");
      // The picture sits between the paragraph before it and its table.
      expect(content.indexOf(">Avant<")).toBeLessThan(content.indexOf('draw:name="Graphique1"'));
      expect(content.indexOf('draw:name="Graphique1"')).toBeLessThan(content.indexOf("<table:table "));
      expect(unzip("styles.xml")).toContain('style:name="Figure"');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("a document without pictures declares none", () => {
    const file = path.join(os.tmpdir(), `odt-plain-${process.pid}.odt`);
    fs.writeFileSync(file, writeOdt({ title: "Sans image", blocks: [{ kind: "paragraph", text: "Texte" }] }));
    try {
      expect(execFileSync("unzip", ["-p", file, "META-INF/manifest.xml"], { encoding: "utf8" })).not.toContain("Pictures/");
      expect(execFileSync("unzip", ["-Z1", file], { encoding: "utf8" })).not.toContain("Pictures/");
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromium } from "playwright-core";
import type { CharterContent } from "./canonical";
import { renderCharterHtml, type CharterDocument } from "./document";
import { charterOdt } from "./odt";

// The charter printed (HTML → Chromium → PDF) and written as ODT from ONE document model, both parsed back:
// sections, partners, commitments and signatories present, in French typography.

const content: CharterContent = {
  format: 1,
  charter: { title: "Charte pour l'inclusion numérique", kind: "charte" },
  territory: { name: "Angoulême" },
  version: 2,
  sections: [
    { kind: "preambule", title: "Préambule", body: "Les signataires s'engagent ensemble.\n\n- pour les **seniors**\n- pour les jeunes" },
    { kind: "diagnostic", title: "Diagnostic partagé", body: "" },
    { kind: "vision", title: "Vision et objectifs", body: "" },
    { kind: "plan", title: "Plan d'action", body: "" },
    { kind: "gouvernance", title: "Gouvernance", body: "" },
    { kind: "dispositions", title: "Dispositions finales", body: "La charte vaut pour trois ans." },
  ],
  diagnostic: { strengthCount: 1, questionCount: 1, strengths: ["Un réseau de médiathèques dense"], questions: ["Peu de permanences en zone rurale"] },
  strategy: { vision: "Personne sans solution", axes: [{ title: "Accompagner", objectives: ["Ouvrir des permanences"] }] },
  plan: { title: "Plan d'action 2026–2028", number: 1, actions: [{ lineageId: "l-1", title: "Permanences au CCAS", lead: "CCAS d'Angoulême" }] },
  governance: [{ name: "Comité de pilotage", kind: "Comité de pilotage", rhythm: "trimestriel", members: [{ name: "Anne Roy", structure: "Ville d'Angoulême", role: "Président·e" }] }],
  partners: [
    {
      partnerId: "p-1",
      actorId: "a-1",
      name: "CCAS d'Angoulême",
      signatory: { userId: "u-1", name: "Claire Dupuis", title: "Directrice" },
      commitments: [{ lineageId: "c-1", text: "Ouvrir deux permanences par semaine.", moneyEuros: 12000, inKindDays: 20, inKindText: "une salle", actions: [{ lineageId: "l-1", title: "Permanences au CCAS", role: "pilote" }], indicators: [{ id: "i-1", name: "Personnes accompagnées" }] }],
    },
    { partnerId: "p-2", actorId: "a-2", name: "Médiathèque de l'Alpha", signatory: { userId: "u-2", name: "Paul Martin", title: "Directeur" }, commitments: [{ lineageId: "c-2", text: "Prêter dix tablettes.", moneyEuros: null, inKindDays: null, inKindText: "", actions: [], indicators: [] }] },
  ],
};

const doc: CharterDocument = {
  territoryName: "Angoulême",
  versionNumber: 2,
  status: "soumise",
  statusLabel: "Soumise à signature",
  submittedAt: "2026-11-20T10:00:00.000Z",
  contentSha256: "a".repeat(64),
  content,
  signatures: [
    { partner: "CCAS d'Angoulême", signatory: "Claire Dupuis", title: "Directrice", signedAt: "2026-11-21T09:30:00.000Z", how: "en_ligne" },
    { partner: "Médiathèque de l'Alpha", signatory: "Paul Martin", title: "Directeur", signedAt: null, how: null },
  ],
  certificate: null,
};

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "charte-"));
});
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the charter's outputs", () => {
  it("the HTML is a standalone French page, with the table of contents linking to every part and partner, and French typography", () => {
    const html = renderCharterHtml(doc);
    expect(html.startsWith('<!doctype html><html lang="fr">')).toBe(true);
    expect(html).toContain('<a href="#engagements">Engagements des partenaires</a><ol><li><a href="#partenaire-1">CCAS d’Angoulême</a></li>');
    expect(html).toContain('<h3 id="partenaire-2">Médiathèque de l’Alpha</h3>');
    // A non-breaking space before « : », thousands grouped by a narrow one, the typographic apostrophe.
    expect(html).toContain("Moyens apportés\u00a0:</strong> 12\u202f000 €\u202f; 20 jours en nature\u202f; une salle");
    expect(html).toContain("<li>pour les <strong>seniors</strong></li>");
  });

  it("the PDF printed from it reads back with its parts, partners, commitments and signature table", async () => {
    const page = await browser.newPage();
    await page.setContent(renderCharterHtml(doc), { waitUntil: "load" });
    const file = path.join(dir, "charte.pdf");
    fs.writeFileSync(file, await page.pdf({ format: "A4", tagged: true, outline: true }));
    await page.close();
    const text = flat(execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }));
    for (const expected of [
      "Charte pour l’inclusion numérique",
      "Table des matières",
      "Préambule",
      "Diagnostic partagé",
      "Vision et objectifs",
      "Gouvernance",
      "Engagements des partenaires",
      "CCAS d’Angoulême",
      "Médiathèque de l’Alpha",
      "Ouvrir deux permanences par semaine.",
      "Prêter dix tablettes.",
      "Signataire : Claire Dupuis, Directrice",
      "Dispositions finales",
      "Signatures",
      "en attente",
    ])
      expect(text, expected).toContain(expected);
  });

  it("the ODT has the same parts, a linked table of contents and the signature table", async () => {
    const file = path.join(dir, "charte.odt");
    fs.writeFileSync(file, await charterOdt(doc));
    expect(execFileSync("unzip", ["-p", file, "mimetype"], { encoding: "utf8" })).toBe("application/vnd.oasis.opendocument.text");
    const xml = execFileSync("unzip", ["-p", file, "content.xml"], { encoding: "utf8" });
    expect(xml).toContain("<text:table-of-content");
    const text = flat(xml.replace(/<text:s text:c="\d+"\/>/g, " ").replace(/<[^>]+>/g, " ").replace(/&apos;/g, "'"));
    for (const expected of ["Préambule", "Engagements des partenaires", "CCAS d’Angoulême", "Médiathèque de l’Alpha", "Ouvrir deux permanences par semaine.", "Moyens apportés : 12 000 € ; 20 jours en nature ; une salle", "Claire Dupuis", "Paul Martin", "en attente", "Dispositions finales", "La charte vaut pour trois ans."])
      expect(text, expected).toContain(expected);
    expect(xml).toMatch(/<text:a xlink:type="simple" xlink:href="#titre-\d+">Engagements des partenaires<\/text:a>/);
  });
});

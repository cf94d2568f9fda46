import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const unique = Date.now().toString(36);
// La Creuse's raw export: 91 objects whose « services » column always says « Utiliser le numérique au quotidien » (a v0.1 term).
const creuseFile = fs.readFileSync("../shared/data/standard-mediation-numerique/raw-sources-mednum-cli/la-creuse.json");

const mappingFile = (name: string) =>
  Buffer.from(
    JSON.stringify({
      format: "maillage-correspondance",
      version: 1,
      name,
      fields: { nom: "nom", adresse: "adresse", code_postal: "code_postal", commune: "commune", services: "services" },
      translations: { services: { rules: [{ terms: ["Utiliser le numérique au quotidien"], values: ["Aide aux démarches administratives"] }] } },
    }),
  );

describe("the translation preview of a mapping", () => {
  for (const [label, viewport] of [["phone", phone], ["desktop", desktop]] as const) {
    it(`at ${label} width: a mapping file is taken with the producer's file, each distinct value shows its count and what it becomes, a choice changes it; the saved mapping downloads as JSON`, async () => {
      const name = `Creuse e2e ${label} ${unique}`;
      const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
      const page = await context.newPage();
      await visit(page, `${baseUrl}/espace/charente/lieux/colonnes`);

      // A file that is not a mapping: refused in French, saying where.
      await page.getByLabel("Fichier du producteur").setInputFiles({ name: "la-creuse.json", mimeType: "application/json", buffer: creuseFile });
      await page.getByLabel("Fichier de correspondance (facultatif)").setInputFiles({ name: "m.json", mimeType: "application/json", buffer: Buffer.from('{"format":"autre","version":1,"fields":{}}') });
      await page.getByRole("button", { name: "Lire le fichier" }).click();
      await page.getByText("format : Ce fichier n'est pas une correspondance Maillage", { exact: false }).first().waitFor();
      await expectAccessible(page);

      await page.getByLabel("Fichier du producteur").setInputFiles({ name: "la-creuse.json", mimeType: "application/json", buffer: creuseFile });
      await page.getByLabel("Fichier de correspondance (facultatif)").setInputFiles({ name: "m.json", mimeType: "application/json", buffer: mappingFile(name) });
      await page.getByRole("button", { name: "Lire le fichier" }).click();
      await page.waitForURL(/fichier=.*correspondance=/);
      await page.getByRole("heading", { name: "Traduction des valeurs" }).waitFor();
      await expectAccessible(page);

      const table = page.getByRole("table", { name: /Services \(champ « services », colonne « services »\) : 1 valeur distincte/ });
      const row = table.getByRole("row", { name: /Utiliser le numérique au quotidien/ });
      expect(await row.getByRole("cell").nth(0).textContent()).toBe("91");
      expect(await row.getByRole("cell").nth(1).textContent()).toBe("Aide aux démarches administrativesrègle de la correspondance");
      const select = page.getByLabel("Traduction de « Utiliser le numérique au quotidien » pour Services");
      expect(await select.inputValue()).toBe("Aide aux démarches administratives");

      // Back to the automatic translation: the v0.1 table's value.
      await select.selectOption({ label: "Automatique" });
      await page.getByRole("button", { name: "Prévisualiser" }).click();
      await page.getByRole("heading", { name: "Aperçu" }).waitFor();
      await row.getByText("table de la version 0.1").waitFor();
      expect(await row.getByRole("cell").nth(1).textContent()).toBe("Maîtrise des outils numériques du quotidientable de la version 0.1");
      await expectAccessible(page);

      // Excluded: no value, said as such.
      await select.selectOption({ label: "Exclure (aucune valeur)" });
      await page.getByRole("button", { name: "Prévisualiser" }).click();
      await row.getByText("exclue par la correspondance").waitFor();
      await expectAccessible(page);

      // Several composed fields, without JavaScript: a first row, then « Ajouter un champ composé » gives a second.
      await page.getByLabel("Champ composé 1", { exact: true }).selectOption({ label: "Présentation résumé" });
      await page.getByLabel("Composition 1, colonne 1", { exact: true }).selectOption("nom");
      await page.getByLabel("Composition 1, colonne 2", { exact: true }).selectOption("commune");
      await page.getByRole("button", { name: "Ajouter un champ composé" }).click();
      await page.getByLabel("Champ composé 2", { exact: true }).waitFor();
      await expectAccessible(page);
      await page.getByLabel("Champ composé 2", { exact: true }).selectOption({ label: "Complément d'adresse" });
      await page.getByLabel("Composition 2, colonne 1", { exact: true }).selectOption("code_postal");
      await page.getByLabel("Composition 2, colonne 2", { exact: true }).selectOption("commune");
      await page.getByLabel("Séparateur de la composition 2", { exact: false }).fill(" - ");
      await page.getByRole("button", { name: "Prévisualiser" }).click();
      const preview = page.getByRole("table", { name: /premiers lieux, champs du standard/ });
      await preview.getByText(/^Complément d'adresse : \d{5} - /).first().waitFor();
      await preview.getByText(/^Présentation résumé : /).first().waitFor();
      // Both kept from post to post, each in its row (and the first still has a spare select).
      expect(await page.getByLabel("Champ composé 1", { exact: true }).inputValue()).toBe("presentation_resume");
      expect(await page.getByLabel("Champ composé 2", { exact: true }).inputValue()).toBe("complement_adresse");
      expect(await page.getByLabel("Composition 1, colonne 3", { exact: true }).inputValue()).toBe("");
      await expectAccessible(page);

      // Saved with the mapping, then downloaded as a mapping file.
      await page.getByLabel(/Nom de la correspondance/).fill(name);
      await page.getByRole("button", { name: "Enregistrer la correspondance" }).click();
      await page.getByTestId("mapping-saved").getByText(`« ${name} »`, { exact: false }).waitFor();
      await visit(page, `${baseUrl}/espace/charente/lieux/colonnes`);
      const link = page.getByRole("link", { name: `Télécharger (JSON) la correspondance « ${name} »` });
      const href = await link.getAttribute("href");
      const response = await context.request.get(`${baseUrl}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/json; charset=utf-8");
      const file = (await response.json()) as Record<string, unknown>;
      expect(file).toEqual({
        format: "maillage-correspondance",
        version: 1,
        name,
        standard: "v1.0.2",
        fields: { nom: "nom", adresse: "adresse", code_postal: "code_postal", commune: "commune", services: "services" },
        translations: { services: { exclude: ["Utiliser le numérique au quotidien"] } },
        compose: {
          complement_adresse: { kind: "concat", columns: ["code_postal", "commune"], separator: " - " },
          presentation_resume: { kind: "concat", columns: ["nom", "commune"], separator: " " },
        },
      });
      await context.close();
    });
  }
});

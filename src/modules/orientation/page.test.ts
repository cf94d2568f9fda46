import fs from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/platform/runtime";
import { openTestRuntime } from "@/testing/db";
import { createTestTerritory } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import HelpPage from "@/app/aide/page";

/*
 * The /aide page rendered on the server exactly as a browser without JavaScript receives it
 * (the browser journey itself is e2e/orientation.test.ts): the form, the commune choices, the
 * messages and the results, from the real Charente places.
 */
const charenteFile = "../shared/data/standard-mediation-numerique/datasets/20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openTestRuntime();
  const territory = await createTestTerritory(runtime.db, { kind: "departement", code: "16", slug: "charente-aide" });
  await importPlaces(runtime.db, { kind: "system", label: "test" }, { bytes: new Uint8Array(fs.readFileSync(charenteFile)), filename: "charente.json", territory, dryRun: false });
});
afterAll(async () => {
  await runtime?.database.close();
});

async function render(params: Record<string, string | string[]>): Promise<string> {
  return renderToStaticMarkup(await HelpPage({ searchParams: Promise.resolve(params) }));
}

describe("the /aide page without JavaScript", () => {
  it("starts with the form alone", async () => {
    const html = await render({});
    expect(html).toContain("<h1>Trouver de l&#x27;aide près de chez moi</h1>");
    expect(html).toContain('<form action="/aide" method="get">');
    expect(html).toContain("Votre recherche");
    expect(html).not.toContain("km");
  });

  it("lists the nearest places with distance, status, phone and a link to the place page", async () => {
    const html = await render({ lieu: "Angoulême", besoin: "demarches" });
    expect(html).toContain("Les 10 lieux les plus proches près d’Angoulême");
    expect(html).toContain("Pour : Faire une démarche en ligne.");
    expect(html.match(/<li class="fr-mb-5w">/g)).toHaveLength(10);
    expect(html).toMatch(/<strong>à \d,\d\u00a0km<\/strong>/);
    expect(html).toMatch(/href="tel:\+33\d{9}">Appeler le 0\d( \d\d){4}</);
    expect(html).toMatch(/href="\/territoires\/charente-aide\/lieux\/[0-9a-f-]{36}"/);
    // The form is kept, with the choices made, and hidden from print.
    expect(html).toContain('<section id="aide-recherche" class="fr-no-print"');
    expect(html).toContain('name="besoin" checked="" value="demarches"');
    expect(html).toContain('<input type="hidden" name="commune" value="16015"/>');
  });

  it("asks to pick a commune when a postcode covers several, keeping the rest of the search", async () => {
    const html = await render({ lieu: "16100", besoin: "emploi", ouvert: "1" });
    expect(html).toContain("Plusieurs communes correspondent à « 16100 »");
    expect(html).toContain('href="/aide?lieu=Cognac&amp;commune=16102&amp;besoin=emploi&amp;ouvert=1"');
    expect(html).not.toContain("km");
  });

  it("says plainly when the commune is unknown, on the field as well", async () => {
    const html = await render({ lieu: "Zzyzxville" });
    expect(html).toContain("Commune introuvable");
    expect(html).toContain("Nous ne trouvons pas de commune « Zzyzxville »");
    expect(html).toContain('aria-describedby="aide-lieu-erreur"');
  });

  it("offers to widen a search that finds nothing within 50 km, in a département this instance holds", async () => {
    // Every accessibility need at once: no Charente place declares all seven.
    const acces = ["surdite", "vue", "moteur", "mental", "illettrisme", "anglais", "langues"];
    const html = await render({ lieu: "Confolens", besoin: "enfants", acces });
    expect(html).toContain("Aucun lieu trouvé à moins de 50 km près de Confolens");
    expect(html).toContain('href="/aide?lieu=Confolens&amp;besoin=enfants">Voir les lieux sans tenir compte de l&#x27;accueil adapté');
    expect(html).not.toContain("Maillage ne contient pas encore");
  });

  it("says plainly that a commune outside the data is not held yet, and points to the national map", async () => {
    const html = await render({ lieu: "Strasbourg", besoin: "demarches" });
    expect(html).toContain("Maillage ne contient pas encore les lieux de Strasbourg");
    expect(html).toContain('href="https://cartographie.societenumerique.gouv.fr"');
    expect(html).not.toContain("Aucun lieu trouvé");
  });

  it("suggests communes for a typo, as links that work without JavaScript", async () => {
    const html = await render({ lieu: "Jarnak" });
    expect(html).toContain("Aucune commune ne s&#x27;appelle « Jarnak »");
    expect(html).toContain('href="/aide?lieu=Jarnac&amp;commune=16167"');
  });

  it("prints what the screen hides: the phone as text and the whole week of hours", async () => {
    const html = await render({ lieu: "Angoulême" });
    expect(html).toMatch(/<li class="maillage-print-only">Téléphone : 0\d( \d\d){4}<\/li>/);
    expect(html).toContain('<div class="maillage-print-only"><p class="fr-mb-0">Horaires de la semaine :</p><ul><li');
  });
});

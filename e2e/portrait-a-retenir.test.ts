import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, launch, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
])("the portrait for an elected official, at $width px", (viewport) => {
  it("opens with « À retenir » in plain sentences computed for Charente, explains its jargon and the figures that could puzzle", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/diagnostic`);
    const main = page.locator("main");
    // "À retenir" comes first, before the key figures.
    const headings = await main.getByRole("heading").allInnerTexts();
    expect(headings.indexOf("À retenir")).toBeGreaterThanOrEqual(0);
    expect(headings.indexOf("À retenir")).toBeLessThan(headings.indexOf("Chiffres clés"));
    const sentences = (await page.getByRole("region", { name: "À retenir" }).locator("li").allInnerTexts()).map((s) => s.replace(/\s+/g, " "));
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.length).toBeLessThanOrEqual(5);
    expect(sentences[0]).toMatch(/^[\d ]+ communes sur [\d ]+ dépassent le seuil de fragilité numérique retenu \(indice supérieur à 6,5 sur 10\), (surtout dans (le|l')[a-z-]+ du territoire|réparties dans tout le territoire) ; les plus fragiles sont [^,]+, [^,]+ et .+\.$/);
    expect(sentences[1]).toMatch(/^[\d ]+ habitants \([\d,]+ % de la population\) vivent à plus de 10 km à vol d'oiseau du lieu de médiation numérique le plus proche, dans [\d ]+ communes?\.$/);
    expect(sentences[2]).toMatch(/zone blanche|zones blanches/);
    // The demo seeds findings (src/demo/findings.ts): the diagnostic found something, with its themes.
    expect(sentences.at(-1)).toMatch(/^Le diagnostic partagé a relevé \d+ atouts? et \d+ questionnements?, surtout sur (le thème|les thèmes) « .+ »\.$/);

    // Jargon is explained where it appears.
    expect(await main.locator("abbr[title='indice de fragilité numérique']").count()).toBeGreaterThan(0);
    expect(await main.innerText()).toContain("En ligne droite, du centre de la commune au lieu, sans suivre les routes");
    // A service no place declares: the "100 %" says why, in the row and under the table.
    const secure = page.locator("tr", { has: page.locator("th", { hasText: "Utilisation sécurisée du numérique" }) });
    expect((await secure.innerText()).replace(/\s+/g, " ")).toMatch(/100 % : aucun (lieu ne déclare ce service|habitant n'a un tel lieu à moins de 10 km)/);
    expect(await main.innerText()).not.toContain("commune(s)");
    await context.close();
  });
});

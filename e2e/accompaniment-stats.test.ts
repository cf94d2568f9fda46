import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, desktop, launch, phone, signedIn, visit } from "./browser";
import { serverWithAccompaniments, type StatsServer } from "./accompaniment-stats-seed";

// Seeded by e2e/accompaniment-stats-seed.ts: 40 records (30 in January 2026 at A, 10 of them oriented to B;
// 8 in February at B; 2 in February at C, « sante », at home).
let server: StatsServer;
let browser: Browser;
beforeAll(async () => {
  server = await serverWithAccompaniments();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

describe.each([phone, desktop])("accompaniment statistics at $width px", (viewport) => {
  it("a coordinator without JavaScript reads the figures, filters a month with the form, downloads a table", async () => {
    const context = await signedIn(browser, server.baseUrl, server.dataDir, demo.coordination, { viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/espace/charente/accompagnements/statistiques`);
    const main = squash(await page.locator("main").innerText());
    expect(main).toContain("40 accompagnements, 40 personnes accompagnées, 20 h d'accompagnement");
    // Each chart has its table: the months' table, and the flows' table with the 10 orientations A → B.
    const months = page.locator("table", { has: page.locator("caption", { hasText: /^Mois/ }) });
    expect(squash(await months.locator("tbody").innerText())).toContain("janvier 2026 30 30 15 h");
    const flows = page.locator("table", { has: page.locator("caption", { hasText: /^Orientations/ }) });
    expect(squash(await flows.locator("tbody tr").first().innerText())).toBe(`${server.placeNames[0]} ${server.placeNames[1]} 10 10`);
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(5);

    // The GET form works without JavaScript: February only.
    await page.locator("#f-du").fill("2026-02");
    await page.locator("#f-au").fill("2026-02");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/du=2026-02&au=2026-02/);
    expect(squash(await page.locator("main").innerText())).toContain("10 accompagnements, 10 personnes accompagnées");
    await visit(page, page.url());

    // A month that is not one: said in French, the rest of the page still there.
    await visit(page, `${server.baseUrl}/espace/charente/accompagnements/statistiques?du=2026-13`);
    expect(await page.getByRole("alert").innerText()).toContain("« 2026-13 » n'est pas un mois");

    // The themes' CSV, as the link gives it.
    const href = await page.getByRole("link", { name: "Ce tableau en CSV" }).nth(1).getAttribute("href");
    const csv = await context.request.get(`${server.baseUrl}${href}`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n").slice(0, 2)).toEqual(["cle,theme,accompagnements,personnes,minutes", "demarches,Demarches,30,30,900"]);
    await context.close();
  });

  it("the public page shows the figures with small counts suppressed", async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await visit(page, `${server.baseUrl}/territoires/charente/accompagnements`);
    const main = squash(await page.locator("main").innerText());
    expect(main).toContain("40 accompagnements, 40 personnes accompagnées");
    const themes = page.locator("table", { has: page.locator("caption", { hasText: "Par thème" }) });
    const body = squash(await themes.locator("tbody").innerText());
    expect(body).toContain("Demarches 30 30");
    expect(body).toContain("Sante secret statistique secret statistique");
    // 2 at home beside 38 in the place: both hidden, only the total 40 is published.
    const where = squash(await page.locator("table", { has: page.locator("caption", { hasText: "Où" }) }).locator("tbody").innerText());
    expect(where).toBe("Dans le lieu secret statistique secret statistique À domicile secret statistique secret statistique Total 40 40");
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { choose, launch, visit } from "./browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const countOf = async (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe("places of the demo territory (real Charente open data)", () => {
  it("lists the places, filters them without JavaScript, and shows a place", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/territoires/charente/lieux`);
    const all = await countOf(await page.getByRole("status").textContent());
    expect(all).toBeGreaterThan(150);

    await page.locator("summary", { hasText: "Services" }).click();
    await choose(page, "Aide aux démarches administratives");
    await page.getByRole("button", { name: "Afficher les lieux" }).click();
    await page.waitForURL(/services=/);
    await visit(page, page.url());
    const filtered = await countOf(await page.getByRole("status").textContent());
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);

    await page.locator("main h2 a").first().click();
    await page.waitForURL(/\/lieux\/[0-9a-f-]{36}$/);
    await visit(page, page.url());
    expect(await page.getByRole("heading", { name: "Horaires" }).count()).toBe(1);
    expect(await page.getByText("Aide aux démarches administratives").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("exports the territory's places as open data in the national standard", async () => {
    const csv = await (await fetch(`${baseUrl}/territoires/charente/lieux/export/csv`)).text();
    expect(csv.split("\n")[0]).toContain('"id","pivot","nom"');
    const geo = (await (await fetch(`${baseUrl}/territoires/charente/lieux/export/geojson`)).json()) as { type: string; features: unknown[] };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.length).toBeGreaterThan(150);
  });
});

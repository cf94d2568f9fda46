import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { verifyTerritory } from "./admin";
import { demo, expectAccessible, launch, signedIn, visit } from "./browser";

/*
 * A long places import shows its progress (issue 3, "a progress bar for long files"): with JavaScript
 * the bar follows the job through a small JSON route, without it the page refreshes itself; then the
 * report displays as for a short file. Files of 512 KB or more run as jobs (import-jobs.ts).
 */
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
const slug = `lozere-import-${unique}`;
// A territory of its own, far from the demo's Charente (whose places other files list, sort and search
// near): the département of Lozère. The places are spread over all its communes.
const lozere = (JSON.parse(fs.readFileSync("data/communes.json", "utf8")) as { rows: [string, string, string, string, string, number, string, number, number][] }).rows
  .filter((r) => r[2] === "48" && r[7] !== null)
  .map(([code, name, , , , , postcodes, lon, lat]) => ({ code, name, postcode: postcodes.split(" ")[0] ?? "", lon, lat }));

/** `n` places of the standard, ~450 bytes each: 1,500 places make a file well over 512 KB. */
function bigFile(prefix: string, n: number): Buffer {
  const rows = Array.from({ length: n }, (_, i) => {
    const c = lozere[i % lozere.length];
    return {
      id: `${prefix}-${i + 1}`,
      pivot: "00000000000000",
      nom: `${prefix} ${(i * 7919).toString(36)} ${c?.name}`,
      commune: c?.name,
      code_postal: c?.postcode,
      code_insee: c?.code,
      adresse: `${i + 1} chemin ${(i * 104729).toString(36)}`,
      latitude: c?.lat,
      longitude: c?.lon,
      date_maj: "2026-11-01",
      services: "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
      horaires: "Mo-Fr 09:00-12:00,14:00-17:30",
      presentation_resume: "Lieu de démonstration créé par un test de bout en bout : accompagnement aux démarches en ligne.",
    };
  });
  const buffer = Buffer.from(JSON.stringify(rows), "utf8");
  expect(buffer.length).toBeGreaterThan(512 * 1024);
  return buffer;
}

/** Progress views seen (and checked) over this file's four jobs. */
let progressSeen = 0;

/**
 * Waits for the job's end. Whenever the progress view shows (a fast machine may finish a job before
 * its page renders), it is checked: the bar, its percentage, axe. With JavaScript the bar follows the
 * job by itself; without, the person refreshes the page with its link (no automatic refresh).
 */
async function followJob(page: Page, done: RegExp, withJavaScript: boolean): Promise<void> {
  await page.waitForURL(new RegExp(`/espace/${slug}/lieux\\?import=`), { timeout: 30_000 });
  // The progress view's own title also names the file: the job is over when the bar is gone.
  const finished = page.getByRole("heading", { name: done }).or(page.getByText(done)).first();
  const bar = page.getByRole("progressbar");
  let checked = false;
  for (let i = 0; i < 240; i++) {
    if (await bar.isVisible()) {
      if (!checked) {
        progressSeen++;
        checked = true;
        expect(await page.getByText(/ : \d+ %/).count()).toBeGreaterThan(0);
        await expectAccessible(page);
      }
      if (!withJavaScript) await page.getByRole("link", { name: "Actualiser la progression" }).click();
    } else if (await finished.isVisible()) break;
    await page.waitForTimeout(500);
  }
  expect(await bar.count()).toBe(0);
  await finished.waitFor({ timeout: 5_000 });
}

describe("a long import of places, with a progress bar", () => {
  beforeAll(async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/nouveau?kind=departement&q=loz`);
    await page.locator("label", { hasText: /^Lozère/ }).first().click();
    await page.getByLabel("Adresse de la page publique").fill(slug);
    await page.getByRole("button", { name: "Créer le territoire" }).click();
    await page.waitForURL(new RegExp(`/espace/${slug}`));
    await context.close();
    // A territory a person opens waits for verification before any import (decision 006).
    await verifyTerritory(browser, baseUrl, dataDir, "Lozère");
  });

  it("with JavaScript: the check, then the import, each followed to its report", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/${slug}/lieux`);
    const name = `progression-js-${unique}.json`;
    await page.getByLabel("Fichier de lieux").setInputFiles({ name, mimeType: "application/json", buffer: bigFile(`e2e-js-${unique}`, 4000) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await followJob(page, new RegExp(`Vérification de « ${name} »`), true);
    await expectAccessible(page);
    const summary = await page.getByTestId("import-summary").first().textContent();
    expect(summary).toContain("4000 lignes lues dans le fichier");
    expect(summary).toContain("4000 lieux à importer");

    await page.getByRole("button", { name: "Importer 4000 lieux" }).click();
    await followJob(page, /Import terminé/, true);
    expect(await page.getByText("4000 lieux ajoutés au registre").count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it("without JavaScript: the person refreshes the page with its link until the report, then imports the same way", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/${slug}/lieux`);
    const name = `progression-sans-js-${unique}.json`;
    await page.getByLabel("Fichier de lieux").setInputFiles({ name, mimeType: "application/json", buffer: bigFile(`e2e-nojs-${unique}`, 1500) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await followJob(page, new RegExp(`Vérification de « ${name} »`), false);
    await expectAccessible(page);
    expect(await page.getByTestId("import-summary").first().textContent()).toContain("1500 lignes lues dans le fichier");

    await page.getByRole("button", { name: "Importer 1500 lieux" }).click();
    await followJob(page, /Import terminé/, false);
    expect(await page.getByText("1500 lieux ajoutés au registre").count()).toBe(1);
    await expectAccessible(page);

    // Of the four jobs (two checks, two imports of 1,500 and 4,000 places), at least one was still
    // running when its page first showed: the progress view was seen and checked.
    expect(progressSeen).toBeGreaterThan(0);

    // The progress route answers the territory's coordinators only.
    const job = new URL(page.url()).searchParams.get("import") ?? "";
    const anonymous = await fetch(`${baseUrl}/espace/${slug}/lieux/import/${job}`);
    expect(anonymous.status).toBe(403);
    await context.close();
  });
});

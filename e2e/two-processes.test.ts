import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, expectAccessible, launch, signedIn, visit } from "./browser";
import { ownDemoDatabase, startOwnServer } from "./own-database";

/*
 * Jobs live in the database (issue 8, section 4): two app processes on one PostgreSQL, as behind a
 * load balancer. A large import is started on one; its progress is read and its report opened on the
 * other, and the import itself is confirmed there. Both serve this file's own copy of the demo database on the
 * run's PostgreSQL cluster (e2e/own-database.ts); the file fails if there is none: CI has PostgreSQL.
 */

type Server = { baseUrl: string; dataDir: string; logFile: string; stop: () => Promise<void> };

let browser: Browser;
let one: Server;
let two: Server;

beforeAll(async () => {
  // One session secret for both, as the README asks of several machines serving one database.
  const url = await ownDemoDatabase();
  const secret = { AUTH_SECRET: randomBytes(32).toString("hex") };
  one = await startOwnServer(url, secret);
  two = await startOwnServer(url, secret);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await one?.stop();
  await two?.stop();
});

/** `n` places of the standard in Charente's communes (~450 bytes each). */
function bigFile(prefix: string, n: number): Buffer {
  const charente = (JSON.parse(fs.readFileSync("data/communes.json", "utf8")) as { rows: [string, string, string, string, string, number, string, number, number][] }).rows
    .filter((r) => r[2] === "16" && r[7] !== null)
    .map(([code, name, , , , , postcodes, lon, lat]) => ({ code, name, postcode: postcodes.split(" ")[0] ?? "", lon, lat }));
  const rows = Array.from({ length: n }, (_, i) => {
    const c = charente[i % charente.length];
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
    };
  });
  return Buffer.from(JSON.stringify(rows), "utf8");
}

type Progress = { id: string; state: string; done: number; total: number; percent: number; finished: boolean };

describe("two app processes on one PostgreSQL", () => {
  it("an import started on one is followed, reported and confirmed on the other", async () => {
    const n = 12_000;
    const context = await signedIn(browser, one.baseUrl, one.dataDir, demo.coordination);
    const page = await context.newPage();
    await visit(page, `${one.baseUrl}/espace/charente/lieux`);
    const name = `deux-processus-${Date.now().toString(36)}.json`;
    await page.getByLabel("Fichier de lieux").setInputFiles({ name, mimeType: "application/json", buffer: bigFile("deux", n) });
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page.waitForURL(/\/espace\/charente\/lieux\?import=/, { timeout: 60_000 });
    const job = new URL(page.url()).searchParams.get("import") ?? "";
    expect(job).toMatch(/^[0-9a-f-]{36}$/);

    // Its progress, read on the other process (the session is in the shared database too).
    const seen: Progress[] = [];
    for (const started = Date.now(); Date.now() - started < 120_000; ) {
      const res = await context.request.get(`${two.baseUrl}/espace/charente/lieux/import/${job}`);
      expect(res.status()).toBe(200);
      const progress = (await res.json()) as Progress;
      seen.push(progress);
      if (progress.finished) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen.at(-1)).toMatchObject({ id: job, state: "done", percent: 100, finished: true });
    expect(seen.some((p) => !p.finished)).toBe(true);

    // Its report, opened on the other process; the import confirmed from there.
    const other = await context.newPage();
    await visit(other, `${two.baseUrl}/espace/charente/lieux?import=${job}`);
    expect(await other.getByRole("heading", { name: `Vérification de « ${name} »` }).count()).toBeGreaterThan(0);
    expect(await other.getByTestId("import-summary").first().textContent()).toContain(`${n} lignes lues dans le fichier`);
    await other.getByRole("button", { name: `Importer ${n} lieux` }).click();
    // The import is a job of its own: the page moves to its progress.
    await other.waitForURL((u) => u.pathname === "/espace/charente/lieux" && !!u.searchParams.get("import") && u.searchParams.get("import") !== job, { timeout: 60_000 });
    const commit = new URL(other.url()).searchParams.get("import") ?? "";
    expect(commit).not.toBe(job);

    // The first process shows the end of the import started on the second.
    await page.goto(`${one.baseUrl}/espace/charente/lieux?import=${commit}`);
    await page.getByText("Import terminé").first().waitFor({ timeout: 120_000 });
    expect(await page.getByText(`${n} lieux ajoutés au registre`).count()).toBe(1);
    await expectAccessible(page);

    // A visitor cannot follow it, on either process.
    const anonymous = await fetch(`${two.baseUrl}/espace/charente/lieux/import/${job}`);
    expect(anonymous.status).toBe(403);
    await context.close();
  }, 300_000);

  it("a PDF asked on one is followed and downloaded on the other, by the person who asked only", async () => {
    const partner = await signedIn(browser, one.baseUrl, one.dataDir, demo.partner);
    const asked = await partner.request.get(`${one.baseUrl}/espace/charente/diagnostic/etat-des-lieux/pdf`, { maxRedirects: 0 });
    expect(asked.status()).toBe(303);
    const path = asked.headers()["location"] ?? "";
    expect(path).toMatch(/^\/espace\/charente\/diagnostic\/etat-des-lieux\/pdf\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await (await partner.request.get(`${two.baseUrl}${path}`)).text()).includes("Votre PDF est prêt"), { timeout: 120_000, interval: 500 }).toBe(true);
    const pdf = await partner.request.get(`${two.baseUrl}${path}/fichier`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Someone else of the same territory: the page and the file are not found, on either process.
    const coordinator = await signedIn(browser, one.baseUrl, one.dataDir, demo.coordination);
    for (const base of [one.baseUrl, two.baseUrl]) {
      expect((await coordinator.request.get(`${base}${path}`)).status()).toBe(404);
      expect((await coordinator.request.get(`${base}${path}/fichier`)).status()).toBe(404);
    }
    await partner.close();
    await coordinator.close();
  }, 300_000);
});

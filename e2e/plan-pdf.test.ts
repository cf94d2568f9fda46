import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { demo, desktop, launch, phone, signedIn, visit } from "./browser";

// The plan's PDF (issue 12 exports): asked from the plan, printed by the job queue from the print page, waited
// for on its own page (at a phone's width and a desktop's, axe on both), downloaded, and read back with
// pdftotext (poppler-utils): the demo plan's title, one of its actions and that action's planned cost.
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the plan as a PDF", () => {
  it("asked, waited for on the queue page, downloaded; its text says the plan's title, an action and its cost", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { viewport: desktop });
    // Version 1, the demo's plan: other journeys of the suite open new versions on the same server.
    const asked = await context.request.get(`${baseUrl}/espace/charente/plan/export/pdf?version=1`, { maxRedirects: 0 });
    expect(asked.status()).toBe(303);
    const waiting = new URL(asked.headers()["location"] ?? "", baseUrl).toString();
    expect(waiting).toMatch(/\/espace\/charente\/plan\/export\/pdf\/[0-9a-f-]{36}$/);
    await expect.poll(async () => (await (await context.request.get(waiting)).text()).includes("Votre PDF est prêt"), { timeout: 120_000, interval: 500 }).toBe(true);
    // The waiting page once printed, as people see it, at both widths.
    for (const viewport of [phone, desktop]) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await visit(page, waiting);
      expect(await page.getByTestId("pdf-ready").textContent()).toContain("Votre PDF est prêt");
      await page.close();
    }
    const pdf = await context.request.get(`${waiting}/fichier`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = path.join(os.tmpdir(), `plan-${process.pid}.pdf`);
    fs.writeFileSync(file, bytes);
    try {
      // Spaces of every kind (the euro amounts use narrow no-break spaces) read as one space.
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      // src/demo/plan.ts: « Plan d'inclusion numérique <year>–<year + 1> », printed with the territory's name.
      expect(text).toMatch(/Plan d['’]inclusion numérique \d{4}–\d{4} — Charente/);
      expect(text).toContain("Bus numérique itinérant");
      // Its budget lines: 35 000 + 8 000 (vehicle) + 21 000 + 32 000 (animator) = 96 000 € planned.
      expect(text).toContain("Coût prévu 96 000 €");
    } finally {
      fs.rmSync(file, { force: true });
    }
    await context.close();
  });
});

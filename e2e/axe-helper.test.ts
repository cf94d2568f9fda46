import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { demo, expectAccessible, launch, signedIn, visit } from "./browser";

// The accessibility check itself: it must analyse the page under test (its live DOM, session and
// viewport), with or without JavaScript, and fail when it finds a violation or another page.
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const fixture = (body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head><body><main><h1>Essai</h1>${body}</main><script>document.body.dataset.scripts = "oui";</script></body></html>`;

/** A context that serves the given pages on a fixed fake origin. */
async function servedBy(pages: Record<string, string>, javaScriptEnabled: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.route("http://essai.maillage.test/**", (route) => {
    const body = pages[new URL(route.request().url()).pathname];
    return body === undefined ? route.fulfill({ status: 404, body: "" }) : route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body });
  });
  return context;
}

describe("the accessibility check", () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`finds a violation in the live DOM of the page under test (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await servedBy({ "/propre": fixture("<p>Rien à redire.</p>") }, javaScriptEnabled);
      const page = await context.newPage();
      await visit(page, "http://essai.maillage.test/propre");
      expect(await page.evaluate(() => document.body.dataset.scripts ?? "non")).toBe(javaScriptEnabled ? "oui" : "non");
      // A change made after loading (as a submitted form's error would be) is what gets scanned:
      // re-opening the URL elsewhere would not see it.
      await page.evaluate(() => {
        const img = document.createElement("img");
        img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
        document.querySelector("main")?.append(img);
        const input = document.createElement("input");
        input.type = "text";
        document.querySelector("main")?.append(input);
      });
      await expect(expectAccessible(page)).rejects.toThrow(/image-alt[\s\S]*label|label[\s\S]*image-alt/);
      await context.close();
    });
  }

  it("without JavaScript, scans what <noscript> shows and the form as it was filled", async () => {
    const page = await (await servedBy({ "/noscript": fixture(`<noscript><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></noscript><form><label for="n">Nom</label><input id="n" name="n"></form>`) }, false)).newPage();
    await page.goto("http://essai.maillage.test/noscript");
    await page.getByLabel("Nom").fill("Saisie conservée");
    await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
    // The page under test itself is left as it was.
    expect(await page.getByLabel("Nom").inputValue()).toBe("Saisie conservée");
    await page.context().close();
  });

  it("fails when the page is not the one the test expects", async () => {
    const context = await servedBy({ "/a": fixture("<p>A</p>"), "/b": fixture("<p>B</p>") }, false);
    const page = await context.newPage();
    await visit(page, "http://essai.maillage.test/a");
    await expect(expectAccessible(page, { url: "http://essai.maillage.test/b" })).rejects.toThrow(/page analysée/);
    await expect(visit(page, "http://essai.maillage.test/a?x=1", 200, { landsOn: "/b" })).rejects.toThrow(/page analysée/);
    await context.close();
  });

  it("scans a signed-in page without JavaScript as that person, not the sign-in page", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.coordination, { javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace`);
    expect(new URL(page.url()).pathname).toBe("/espace");
    expect(await page.evaluate(() => window.innerWidth)).toBe(320);
    // Signed out, the same address lands on the sign-in page, and the visit says so.
    const anonymous = await browser.newContext({ javaScriptEnabled: false });
    const other = await anonymous.newPage();
    await expect(visit(other, `${baseUrl}/espace`)).rejects.toThrow(/page analysée/);
    await anonymous.close();
    await context.close();
  });
});

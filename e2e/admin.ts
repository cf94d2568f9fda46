import type { Browser } from "playwright-core";
import { expect } from "vitest";
import { signedIn, visit } from "./browser";

/** The demo platform administrator (README), as [email, password]. */
export const demoAdmin = ["admin@demo.maillage.fr", "demo-administration"] as const;

/**
 * A territory a person opens waits for verification (decision 006): the demo administrator verifies
 * it from the queue of /admin, as a person would, so that the journey can go on with the registry.
 */
export async function verifyTerritory(browser: Browser, baseUrl: string, dataDir: string, name: string): Promise<void> {
  const context = await signedIn(browser, baseUrl, dataDir, demoAdmin);
  try {
    const page = await context.newPage();
    await visit(page, `${baseUrl}/admin`);
    await page.getByRole("button", { name: `Enregistrer la décision pour ${name}` }).click();
    await page.getByText(`Le territoire « ${name} » est vérifié`, { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: `Enregistrer la décision pour ${name}` }).count()).toBe(0);
  } finally {
    await context.close();
  }
}

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { choose, demo, desktop, expectAccessible, launch, phone, signedIn, visit } from "./browser";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const home = `${baseUrl}/espace/charente/accompagnements`;
/** The rows of the mediator's recent list. */
const recentRows = (page: Page) => page.locator("table", { has: page.locator("caption", { hasText: "Derniers accompagnements" }) }).locator("tbody tr");
const recentCount = async (page: Page) => ((await page.locator("caption", { hasText: "Derniers accompagnements" }).count()) === 0 ? 0 : recentRows(page).count());

/**
 * Counts what the person does: each tap (click, tick, choice) is an action, each field typed into is a field.
 * The issue's « under 30 seconds on a phone » is judged on these counts, not on a timer.
 */
function counter(page: Page) {
  const done = { actions: 0, fields: 0 };
  return {
    done,
    tap: async (label: string) => {
      done.actions++;
      await choose(page, label);
    },
    press: async (name: string) => {
      done.actions++;
      await page.getByRole("button", { name }).click();
    },
    type: async (label: string, text: string) => {
      done.actions++;
      done.fields++;
      await page.getByLabel(label, { exact: true }).fill(text);
    },
  };
}

describe("a mediator records accompaniments on a 360 px phone", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await signedIn(browser, baseUrl, dataDir, demo.partner, { viewport: phone });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it("records one in three taps and no typing: date, place, type and people come by default", async () => {
    await visit(page, home);
    const before = await recentCount(page);
    // Defaults: today, their own place, individual, one person.
    expect(await page.locator('[name="occurredOn"]').inputValue()).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date()));
    expect(await page.locator('[name="placeId"]').inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByLabel("Nombre de personnes").inputValue()).toBe("1");
    const c = counter(page);
    await c.tap("30 min");
    await c.tap("Aide aux démarches administratives");
    await c.press("Enregistrer");
    await page.getByText("L'accompagnement est enregistré.").waitFor();
    expect(c.done).toEqual({ actions: 3, fields: 0 });
    expect(await recentCount(page)).toBe(before + 1);
    expect(await recentRows(page).first().innerText()).toContain("Individuel, 1 personne, 30 min");
    await expectAccessible(page, { url: /\/accompagnements\?enregistre=[0-9a-f]{8}$/ });
  });

  it("duplicates the last record in one tap", async () => {
    const before = await recentCount(page);
    const c = counter(page);
    await c.press("Dupliquer le dernier (aujourd'hui)");
    await page.getByText("Le dernier accompagnement est dupliqué, daté d'aujourd'hui.").waitFor();
    expect(c.done).toEqual({ actions: 1, fields: 0 });
    expect(await recentCount(page)).toBe(before + 1);
    await expectAccessible(page);
  });

  it("a collective workshop asks for a title, refuses a name in it with a French message, and keeps what was typed", async () => {
    await visit(page, home);
    await choose(page, "Collectif (atelier)");
    await page.getByLabel("Nombre de personnes").fill("6");
    await choose(page, "2 h");
    await choose(page, "Maîtrise des outils numériques du quotidien");
    // Orientation: chosen in the registry's list, narrowed by a search (JavaScript), never typed as text.
    await page.locator("summary", { hasText: "Plus de précisions" }).click();
    const select = page.locator('[name="orientedToPlaceId"]');
    const own = await page.locator('[name="placeId"]').inputValue();
    const options = await select.locator("option").evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? "" })));
    const target = options.find((o) => o.value !== "" && o.value !== own);
    if (!target) throw new Error("no place to orient to");
    await page.getByLabel("Rechercher un lieu d'orientation").fill(target.label.split(" (")[0] ?? "");
    await page.getByText(/lieux? trouvés?\./).waitFor();
    expect(await select.locator("option").count()).toBeLessThan(options.length);
    await select.selectOption({ value: target.value });
    await page.getByLabel("Titre de l'atelier").fill("Tablette avec Mme Martin");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Ce texte semble nommer une personne").waitFor();
    expect(await page.getByLabel("Nombre de personnes").inputValue()).toBe("6");
    await expectAccessible(page);
    await page.getByLabel("Titre de l'atelier").fill("Prendre en main sa tablette");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("L'accompagnement est enregistré.").waitFor();
    expect(await recentRows(page).first().innerText()).toContain("Prendre en main sa tablette");
  });

  it("offline: the entry is kept on the phone, sent when the network is back, and lands once even if sent twice", async () => {
    await visit(page, home);
    const before = await recentCount(page);
    await context.setOffline(true);
    await choose(page, "45 min");
    await choose(page, "Utilisation sécurisée du numérique");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Pas de réseau : l'accompagnement est gardé sur cet appareil.").waitFor();
    await page.getByText("1 en attente d'envoi sur cet appareil").waitFor();
    // The same entry twice in the queue (a queue sent twice, two tabs): its client id makes it land once.
    await page.evaluate(() => {
      const key = "maillage:accompagnements:charente";
      const queue = JSON.parse(localStorage.getItem(key) ?? "[]") as unknown[];
      localStorage.setItem(key, JSON.stringify([...queue, ...queue]));
    });
    await context.setOffline(false);
    await page.getByText(/accompagnements? gardés? hors ligne (a|ont) été envoyés?/).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("maillage:accompagnements:charente"))).toBeNull();
    await visit(page, home);
    expect(await recentCount(page)).toBe(before + 1);
    expect(await recentRows(page).first().innerText()).toContain("45 min");
  });

  it("edits then deletes one of their records", async () => {
    await visit(page, home);
    const before = await recentCount(page);
    await recentRows(page).first().getByRole("link", { name: /^Modifier/ }).click();
    await page.waitForURL(/\/accompagnements\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await page.getByLabel("Nombre de personnes").fill("2");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("L'accompagnement est modifié.").waitFor();
    expect(await recentRows(page).first().innerText()).toContain("2 personnes");
    await recentRows(page).first().getByRole("link", { name: /^Modifier/ }).click();
    await page.waitForURL(/\/accompagnements\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Supprimer cet accompagnement" }).click();
    await page.getByText("L'accompagnement est supprimé.").waitFor();
    expect(await recentCount(page)).toBe(before - 1);
    await expectAccessible(page);
  });

  it("imports a CSV file: a file with impossible values is refused line by line and nothing is written; a good one is imported", async () => {
    await visit(page, home);
    const placeId = await page.locator('[name="placeId"]').inputValue();
    const before = await recentCount(page);
    await visit(page, `${home}/import`);
    const template = await page.request.get(`${home}/import/modele`);
    expect(template.status()).toBe(200);
    expect((await template.text()).split("\r\n")[0]).toBe("\uFEFFdate;lieu;type;personnes;duree_minutes;thematiques;materiel;modalite;autonomie;orientation;titre;niveau");
    const header = "date;lieu;type;personnes;duree_minutes;thematiques;materiel;modalite;autonomie;orientation;titre;niveau";
    const bad = [header, `2026-01-05;${placeId};individuel;-1;30;demarches_administratives;;;;;;`, `2026-01-06;${placeId};individuel;1;1800;demarches_administratives;;;;;;`, `2099-01-06;${placeId};individuel;1;30;demarches_administratives;;;;;;`].join("\n");
    await page.getByLabel("Fichier CSV des accompagnements").setInputFiles({ name: "mauvais.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Importer le fichier" }).click();
    await page.getByText("Rien n'a été importé : 3 lignes sur 3 à corriger.").waitFor();
    const report = page.locator("table", { has: page.locator("caption", { hasText: "Lignes refusées" }) });
    expect(await report.locator("tbody tr").count()).toBe(3);
    expect(await report.innerText()).toContain("La date ne peut pas être dans le futur");
    await expectAccessible(page);
    const good = [header, `2026-01-05;${placeId};individuel;1;30;Aide aux démarches administratives;;;;;;`, `2026-01-06;${placeId};collectif;5;90;outils_quotidien;tablette;lieu;;;Découvrir la tablette;debutant`].join("\n");
    await page.getByLabel("Fichier CSV des accompagnements").setInputFiles({ name: "bon.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "Importer le fichier" }).click();
    await page.getByText("2 accompagnements importés depuis bon.csv.").waitFor();
    await visit(page, home);
    expect(await recentCount(page)).toBe(before + 2);
  });
});

describe("without JavaScript, and at 1280 px", () => {
  it("the form is a plain POST: recorded, or refused with the reason and what was typed kept", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.partner, { javaScriptEnabled: false, viewport: desktop });
    const page = await context.newPage();
    await visit(page, home);
    await choose(page, "1 h");
    await page.locator('[name="occurredOn"]').fill("2099-01-01");
    await choose(page, "Accès internet et matériel informatique");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("La date ne peut pas être dans le futur").waitFor();
    await expectAccessible(page);
    await page.locator('[name="occurredOn"]').fill("2026-01-02");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("L'accompagnement est enregistré.").waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("an observer may not record (403)", async () => {
    const context = await signedIn(browser, baseUrl, dataDir, demo.observation, { viewport: desktop });
    const page = await context.newPage();
    await visit(page, home, 403);
    await context.close();
  });
});

import { describe, expect, inject, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { choose, demo, desktop, expectAccessible, phone, sharedBrowser, signedIn, visit } from "./browser";

// Working groups across worlds (issue 12): create a group, add members, see the worlds balance, invite a structure of
// a missing world in one click, propose / comment / support, turn the proposal into an action draft, share a watch
// link and filter the watch. At a phone's width and a desktop's. « Réunions du groupe » is MEET's page: not clicked.
const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");
const browser = sharedBrowser();

/** The latest mail written to `to` by the server (no SMTP relay in the suite: DATA_DIR/mail). */
function latestMailTo(to: string): string {
  const dir = path.join(dataDir, "mail");
  const last = fs.readdirSync(dir).filter((f) => f.endsWith(`-${to}.txt`)).sort().at(-1);
  return last ? fs.readFileSync(path.join(dir, last), "utf8") : "";
}

const formWith = (page: Page, button: string): Locator => page.locator("form", { has: page.getByRole("button", { name: button, exact: true }) });

async function submit(page: Page, button: string, url: RegExp): Promise<void> {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL(url);
  await expectAccessible(page);
}

describe.each([phone, desktop])("a working group across worlds, at $width px", (viewport) => {
  const stamp = `${viewport.width}-${Date.now().toString(36)}`;
  const groupName = `Atelier des mondes ${stamp}`;
  const proposalTitle = `Un point d'accueil numérique à la mission locale ${stamp}`;
  const linkTitle = `Étude sur l'identité numérique ${stamp}`;

  it("the coordination creates a group, adds and manages members, sees the balance and invites from a missing world", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/groupes`);
    // The demo's two groups are listed.
    await page.getByRole("link", { name: "Groupe de travail Inclusion numérique" }).waitFor();
    await page.getByRole("link", { name: "Commission Jeunesse et familles" }).waitFor();

    // A name too short: the French message, nothing lost.
    const create = formWith(page, "Créer le groupe");
    await create.locator('[name="purpose"]').fill("Croiser les mondes autour de l'accueil des jeunes.");
    await create.locator('[name="name"]').fill("A");
    await page.getByRole("button", { name: "Créer le groupe" }).click();
    await page.getByText("Donnez un nom au groupe (3 caractères au moins).").first().waitFor();
    expect(await create.locator('[name="purpose"]').inputValue()).toBe("Croiser les mondes autour de l'accueil des jeunes.");
    await create.locator('[name="name"]').fill(groupName);
    await choose(page, "Atelier");
    await submit(page, "Créer le groupe", /\/espace\/charente\/groupes\/[0-9a-f-]{36}\?cree=1$/);
    const groupUrl = page.url().replace(/\?.*$/, "");
    await page.getByRole("heading", { level: 2, name: groupName }).waitFor();
    expect(await page.getByTestId("part-mondes").innerText()).toContain("0 monde sur 9 représenté (0 %)");

    // An account of the territory, from the Mission locale (emploi-insertion and éducation-jeunesse).
    const add = formWith(page, "Ajouter au groupe");
    await add.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ label: "Samir Benali (démo) (partenaire@demo.maillage.fr)" });
    await add.getByLabel("Sa structure (donne ses mondes)").selectOption({ label: "Mission locale de l'Angoumois (démo)" });
    await submit(page, "Ajouter au groupe", /membre=ajoute/);
    // A person without an account, from the médiathèque (culture).
    const again = formWith(page, "Ajouter au groupe");
    await again.getByLabel("Une personne qui a un compte sur le territoire").selectOption({ value: "" });
    await again.getByLabel("Ou son nom, si elle n'a pas de compte").fill("Nora Petit");
    await again.getByLabel("Sa structure (donne ses mondes)").selectOption({ label: "Médiathèque de Soyaux (démo)" });
    // The address already says membre=ajoute: wait for the new row instead.
    await page.getByRole("button", { name: "Ajouter au groupe", exact: true }).click();
    await Promise.race([page.getByRole("row", { name: /Nora Petit/ }).waitFor(), page.locator(".fr-alert--error, .fr-message--error").first().waitFor()]);
    expect(await page.locator(".fr-alert--error, .fr-message--error").allInnerTexts()).toEqual([]);
    await expectAccessible(page);
    // Samir ½ + ½, Nora 1: p = ¼, ¼, ½ over three worlds: H = 1.039721, J = H / ln 3 = 0.946395.
    expect(await page.getByTestId("part-mondes").innerText()).toContain("3 mondes sur 9 représentés (33 %)");
    expect(await page.getByTestId("equilibre-mots").innerText()).toContain("Équilibre 0,95 sur 1 : les mondes présents pèsent à peu près autant les uns que les autres.");

    // Roles: Samir becomes animateur·rice; Nora leaves the group.
    await page.getByLabel("Rôle de Samir Benali (démo)").selectOption({ label: "Animateur·rice" });
    await submit(page, "Changer le rôle de Samir Benali (démo)", /membre=role/);
    await page.getByRole("row", { name: /Samir Benali \(démo\)/ }).getByRole("cell", { name: "Animateur·rice", exact: true }).waitFor();
    await submit(page, "Retirer Nora Petit du groupe", /membre=retire/);
    expect(await page.getByRole("row", { name: /Nora Petit/ }).count()).toBe(0);
    expect(await page.getByTestId("part-mondes").innerText()).toContain("2 mondes sur 9 représentés (22 %)");

    // One click invites a structure of a missing world (social): one mail to its public address.
    await submit(page, "Inviter CCAS de Ruelle-sur-Touvre (démo)", /invitation=courriel/);
    await page.getByText("un courriel est parti à l'adresse de contact publique de la structure").waitFor();
    await page.getByRole("row", { name: /CCAS de Ruelle-sur-Touvre \(démo\)/ }).getByRole("cell", { name: "Invité·e", exact: true }).waitFor();
    expect(latestMailTo("ccas-ruelle@demo.maillage.fr")).toContain(`Invitation au groupe « ${groupName} »`);
    // A structure with no public address: the invitation without mail, said so.
    // This structure is of two missing worlds (social, administration): one button, naming both worlds.
    const twoWorlds = page.getByRole("button", { name: "Inviter Maison des solidarités de Cognac (démo)", exact: true });
    expect(await twoWorlds.count()).toBe(1);
    expect(await page.locator("li", { has: twoWorlds }).innerText()).toContain("mondes social, administration ;");
    await twoWorlds.click();
    await page.waitForURL(/invitation=sans-courriel/);
    await expectAccessible(page);
    await page.getByText("La structure ne publie pas d'adresse de contact : prévenez-la vous-même.").waitFor();

    // Edit the group's text.
    const edit = formWith(page, "Enregistrer");
    await edit.locator('[name="purpose"]').fill("Croiser les mondes autour de l'accueil des jeunes et des familles.");
    await submit(page, "Enregistrer", /modifie=1/);
    await page.getByText("Croiser les mondes autour de l'accueil des jeunes et des familles.").first().waitFor();
    expect(await page.getByRole("link", { name: "Réunions du groupe" }).getAttribute("href")).toBe(`${groupUrl.replace(baseUrl, "")}/reunions`);

    // Proposals: propose, comment, support, then turn it into an action draft that keeps the link.
    await page.getByRole("link", { name: /Propositions du groupe/ }).click();
    await page.waitForURL(`${groupUrl}/propositions`);
    await expectAccessible(page);
    await formWith(page, "Proposer").locator('[name="title"]').fill(proposalTitle);
    await formWith(page, "Proposer").locator('[name="text"]').fill("Un créneau par semaine pour les démarches en ligne des 16-25 ans.");
    await submit(page, "Proposer", /\/propositions\/[0-9a-f-]{36}\?proposee=1$/);
    const proposalUrl = page.url().replace(/\?.*$/, "");
    await formWith(page, "Commenter").locator('[name="text"]').fill("La médiathèque peut prêter une salle.");
    await submit(page, "Commenter", /commente=1/);
    await page.getByText("La médiathèque peut prêter une salle.").waitFor();
    await submit(page, "Soutenir cette proposition", /soutien=ajoute/);
    expect(await page.getByTestId("soutiens").innerText()).toBe("1 soutien");
    await submit(page, "Transformer en projet d'action du plan", /transformee=1/);
    const actionLink = page.getByRole("link", { name: `voir l'action « ${proposalTitle} »` });
    expect(await actionLink.getAttribute("href")).toMatch(/^\/espace\/charente\/plan\/actions\/[0-9a-f-]{36}$/);
    expect(await page.getByRole("button", { name: "Transformer en projet d'action du plan" }).count()).toBe(0);
    expect(page.url().startsWith(proposalUrl)).toBe(true);
    await context.close();
  });

  it("a member shares a watch link, filters the watch by theme without JavaScript, asks for the weekly digest", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.partner, { viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/veille`);
    await submit(page, "Recevoir le résumé chaque semaine", /resume=oui/);
    const share = formWith(page, "Partager le lien");
    await share.locator('[name="url"]').fill("pas une adresse");
    await share.locator('[name="title"]').fill(linkTitle);
    // Without JavaScript the form posts to the page itself, which comes back with the message and the values.
    await page.getByRole("button", { name: "Partager le lien", exact: true }).click();
    await page.getByText("Collez une adresse web complète, commençant par https://").first().waitFor();
    await expectAccessible(page);
    expect(await formWith(page, "Partager le lien").locator('[name="title"]').inputValue()).toBe(linkTitle);
    await formWith(page, "Partager le lien").locator('[name="url"]').fill("https://exemple.fr/identite-numerique");
    await formWith(page, "Partager le lien").locator('[name="summary"]').fill("Les usages de l'identité numérique chez les plus de 60 ans.");
    await choose(page, "Identité numérique");
    await submit(page, "Partager le lien", /ajoute=1/);
    await page.getByRole("link", { name: linkTitle }).waitFor();

    // The filter is a GET form: works without JavaScript.
    await page.getByLabel("Thème", { exact: true }).selectOption({ label: "Identité numérique" });
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.waitForURL(/\/veille\?theme=identite_numerique/);
    await expectAccessible(page);
    await page.getByRole("link", { name: linkTitle }).waitFor();
    expect(await page.getByRole("link", { name: "La Base : ressources partagées de la médiation numérique" }).count()).toBe(0);

    await submit(page, `Retirer le lien « ${linkTitle} »`, /retire=1/);
    expect(await page.getByRole("link", { name: linkTitle }).count()).toBe(0);
    await submit(page, "Ne plus recevoir le résumé", /resume=non/);
    await context.close();
  });

  it("the coordination deletes the group; the demo group shows its missing social world", async () => {
    const context = await signedIn(browser(), baseUrl, dataDir, demo.coordination, { viewport });
    const page = await context.newPage();
    await visit(page, `${baseUrl}/espace/charente/groupes`);
    await page.getByRole("link", { name: groupName }).click();
    await page.waitForURL(/\/groupes\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await submit(page, "Supprimer le groupe", /\/espace\/charente\/groupes\?supprime=1$/);
    expect(await page.getByRole("link", { name: groupName }).count()).toBe(0);
    await page.getByRole("link", { name: "Groupe de travail Inclusion numérique" }).click();
    await page.waitForURL(/\/groupes\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    expect(await page.getByTestId("part-mondes").innerText()).toContain("social");
    await context.close();
  });
});

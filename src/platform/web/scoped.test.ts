import { z } from "zod";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/platform/errors";
import { guardPage, guardRoute, runScopedAction, runScopedPlainAction, type Scope } from "./scoped";

// A fake tenant: two territories, a signed-out visitor or a signed-in person.
type Place = { slug: string; open: boolean };
type Who = { signedIn: boolean; name: string };
const places: Record<string, Place> = { charente: { slug: "charente", open: true }, ferme: { slug: "ferme", open: false } };

function scopeFor(who: Who) {
  const load = vi.fn(async (slug: string) => places[slug]);
  const scope: Scope<Place, Who> = { field: "territory", key: /^[a-z0-9][a-z0-9-]{0,99}$/, load, person: async () => who, signedIn: (p) => p.signedIn };
  return { scope, load };
}
const alice: Who = { signedIn: true, name: "Alice" };
const visitor: Who = { signedIn: false, name: "" };
const openOnly = (_: Who, p: Place) => p.open;

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.set(k, v);
  return form;
}

/** Where a redirect thrown by next/navigation points (its digest carries the URL). */
async function redirectedTo(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw e;
  }
  throw new Error("no redirect");
}

describe("a form action on a territory (the one wrapper of every module's actions.ts)", () => {
  it("refuses a form without territory, or with a malformed one, as not found, without asking the database", async () => {
    const { scope, load } = scopeFor(alice);
    const body = vi.fn(async () => undefined);
    for (const form of [formOf({ name: "x" }), formOf({ territory: "" }), formOf({ territory: "../admin" }), formOf({ territory: "Charente Limousine" })]) {
      const state = await runScopedAction(scope, form, body);
      expect(state.status).toBe("error");
      expect(state.message).toBe("Cette page ou cet élément n'existe pas.");
    }
    expect(load).not.toHaveBeenCalled();
    expect(body).not.toHaveBeenCalled();
  });

  it("an unknown territory is not found; a refused policy is forbidden; the typed values come back", async () => {
    const { scope } = scopeFor(alice);
    const body = vi.fn(async () => undefined);
    expect(await runScopedAction(scope, formOf({ territory: "gironde" }), body)).toMatchObject({ status: "error", message: "Cette page ou cet élément n'existe pas." });
    const refused = await runScopedAction(scope, formOf({ territory: "ferme", name: "Médiathèque" }), body, { allow: openOnly });
    expect(refused).toEqual({ status: "error", message: "Vous n'avez pas les droits nécessaires pour cette action.", values: { territory: "ferme", name: "Médiathèque" } });
    expect(body).not.toHaveBeenCalled();
  });

  it("validates with the module's schema: French field errors, nothing run; valid input reaches the body", async () => {
    const { scope } = scopeFor(alice);
    const schema = z.object({ name: z.string().trim().min(1, "Indiquez le nom.") });
    const body = vi.fn(async ({ scope: place, person, input }: { scope: Place; person: Who; input: { name: string } }) => ({ status: "success" as const, message: `${person.name} a nommé ${input.name} à ${place.slug}.` }));
    const invalid = await runScopedAction(scope, formOf({ territory: "charente", name: " " }), body, { schema, allow: openOnly });
    expect(invalid.fieldErrors).toEqual({ name: ["Indiquez le nom."] });
    expect(body).not.toHaveBeenCalled();
    const valid = await runScopedAction(scope, formOf({ territory: "charente", name: " Espace France services " }), body, { schema, allow: openOnly });
    expect(valid).toEqual({ status: "success", message: "Alice a nommé Espace France services à charente." });
  });

  it("follows the body's redirect on success only; the body's typed error becomes the form's state", async () => {
    const { scope } = scopeFor(alice);
    expect(await redirectedTo(runScopedAction(scope, formOf({ territory: "charente" }), async ({ scope: p }) => ({ redirect: `/espace/${p.slug}?cree=1` })))).toBe("/espace/charente?cree=1");
    const failed = await runScopedAction(scope, formOf({ territory: "charente" }), async () => {
      throw new AppError("slug_taken", { fieldErrors: { slug: ["Déjà prise."] } });
    });
    expect(failed).toMatchObject({ status: "error", message: "Cette adresse de territoire est déjà utilisée. Choisissez-en une autre.", fieldErrors: { slug: ["Déjà prise."] } });
  });

  it("a plain form comes back to its page with ?erreur=<id>, or goes where its body says", async () => {
    const { scope } = scopeFor(alice);
    expect(await redirectedTo(runScopedPlainAction(scope, formOf({ territory: "nulle-part" }), "/espace/nulle-part/membres", async () => undefined))).toBe("/espace/nulle-part/membres?erreur=not_found");
    expect(await redirectedTo(runScopedPlainAction(scope, formOf({ territory: "ferme" }), "/espace/ferme/membres", async () => undefined, { allow: openOnly }))).toBe("/espace/ferme/membres?erreur=forbidden");
    expect(await redirectedTo(runScopedPlainAction(scope, formOf({ territory: "charente" }), "/espace/charente/membres", async () => ({ redirect: "/espace/charente/membres?annulee=1" })))).toBe("/espace/charente/membres?annulee=1");
  });
});

describe("a GET route on a territory (exports, PDFs, files)", () => {
  const request = new Request("http://localhost:3000/espace/ferme/acteurs/export/csv");

  it("unknown territory: 404 with the route's text", async () => {
    const response = await guardRoute(request, async () => undefined, scopeFor(alice).scope, openOnly, { notFoundText: "Territoire introuvable." });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(404);
    expect(await (response as Response).text()).toBe("Territoire introuvable.");
  });

  it("refused and signed out: to the sign-in page that comes back; without a way back, 403", async () => {
    const back = (await guardRoute(request, async () => places.ferme, scopeFor(visitor).scope, openOnly, { signInBack: "/espace/ferme/acteurs" })) as Response;
    expect(back.status).toBe(303);
    expect(back.headers.get("location")).toBe("http://localhost:3000/connexion?next=%2Fespace%2Fferme%2Facteurs");
    const noBack = (await guardRoute(request, async () => places.ferme, scopeFor(visitor).scope, openOnly)) as Response;
    expect(noBack.status).toBe(403);
    expect(await noBack.text()).toBe("Vous n'avez pas les droits nécessaires pour cette action.");
  });

  it("refused and signed in: 403 (or the route's own page); allowed: the territory and the person", async () => {
    const refused = (await guardRoute(request, async () => places.ferme, scopeFor(alice).scope, openOnly, { signInBack: "/espace/ferme" })) as Response;
    expect(refused.status).toBe(403);
    const own = (await guardRoute(request, async () => places.ferme, scopeFor(alice).scope, openOnly, { refuse: (why) => new Response(`<p>${why}</p>`, { status: why === "forbidden" ? 403 : 404 }) })) as Response;
    expect(await own.text()).toBe("<p>forbidden</p>");
    expect(await guardRoute(request, async () => places.charente, scopeFor(alice).scope, openOnly)).toEqual({ scope: places.charente, person: alice });
  });
});

describe("a page on a territory", () => {
  it("unknown → 404 page; refused and signed out → sign-in that comes back; allowed → territory and person", async () => {
    await expect(guardPage(async () => undefined, scopeFor(alice).scope, openOnly, "/espace/x")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(await redirectedTo(guardPage(async () => places.ferme, scopeFor(visitor).scope, openOnly, "/espace/ferme/acteurs"))).toBe("/connexion?next=%2Fespace%2Fferme%2Facteurs");
    expect(await guardPage(async () => places.charente, scopeFor(alice).scope, openOnly, "/espace/charente")).toEqual({ scope: places.charente, person: alice });
  });
});

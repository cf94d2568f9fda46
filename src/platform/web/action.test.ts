import { redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/platform/errors";
import { actionErrorMessage } from "@/ui/action-error";
import { runPlainAction, safeBack } from "./action";

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

describe("plain form actions (revoke an invitation, remove a contact…)", () => {
  it("a typed error comes back to the page as ?erreur=<id>, shown from the catalogue", async () => {
    const to = await redirectedTo(runPlainAction("/espace/charente/membres", async () => Promise.reject(new AppError("forbidden"))));
    expect(to).toBe("/espace/charente/membres?erreur=forbidden");
    expect(actionErrorMessage("forbidden")).toBe("Vous n'avez pas les droits nécessaires pour cette action.");
  });

  it("an unexpected error is logged and comes back as erreur=inattendue, not as a 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const to = await redirectedTo(runPlainAction("/espace/charente/acteurs/abc?fichier=x_1", async () => Promise.reject(new Error("connexion perdue"))));
    expect(to).toBe("/espace/charente/acteurs/abc?fichier=x_1&erreur=inattendue");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
    expect(actionErrorMessage("inattendue")).toBe("Une erreur inattendue s'est produite : rien n'a été modifié. Réessayez dans un instant.");
  });

  it("the action's own redirect (its success) passes through", async () => {
    expect(await redirectedTo(runPlainAction("/espace/x/membres", async () => redirect("/espace/x/membres?annulee=1")))).toBe("/espace/x/membres?annulee=1");
  });

  it("never sends anyone elsewhere: a foreign or odd back path becomes /; unknown codes show nothing", () => {
    for (const bad of ["//evil.example", "https://evil.example", "/espace/<script>", "/a b"]) expect(safeBack(bad)).toBe("/");
    expect(safeBack("/espace/charente/membres")).toBe("/espace/charente/membres");
    expect(actionErrorMessage("toString")).toBeUndefined();
    expect(actionErrorMessage("<b>")).toBeUndefined();
    expect(actionErrorMessage(undefined)).toBeUndefined();
  });
});

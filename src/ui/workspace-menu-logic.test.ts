import { describe, expect, it } from "vitest";
import { currentHref, isBarePage, isUnprinted, type BarePages } from "./workspace-menu-logic";

const home = "/espace/val";
const hrefs = ["/espace/val", "/espace/val/membres", "/espace/val/acteurs", "/espace/val/maturite", "/espace/val/lieux", "/espace/val/diagnostic", "/espace/val/questionnaires"];

describe("current tab of the workspace menu", () => {
  it("marks the home tab on the home page only", () => {
    expect(currentHref("/espace/val", home, hrefs)).toBe("/espace/val");
    expect(currentHref("/espace/val/", home, hrefs)).toBe("/espace/val");
  });

  it("marks the tab a page is under, the longest match winning", () => {
    expect(currentHref("/espace/val/membres", home, hrefs)).toBe("/espace/val/membres");
    expect(currentHref("/espace/val/acteurs/42/maturite", home, hrefs)).toBe("/espace/val/acteurs");
    expect(currentHref("/espace/val/diagnostic/etat-des-lieux/pdf/7", home, hrefs)).toBe("/espace/val/diagnostic");
    expect(currentHref("/espace/val/questionnaires/q1/resultats", home, hrefs)).toBe("/espace/val/questionnaires");
  });

  it("marks nothing for a page under no tab, nor for a path that only shares a prefix", () => {
    expect(currentHref("/espace/val/doublons", home, hrefs)).toBeUndefined();
    expect(currentHref("/espace/val/lieuxsuite", home, hrefs)).toBeUndefined();
  });
});

describe("pages drawn without the menu", () => {
  const bare: BarePages = { pathSuffixes: ["/affiche"], searchParams: { impression: "1" }, unprintedSuffixes: ["/diagnostic/etat-des-lieux"] };
  const params = (q: string) => new URLSearchParams(q);

  it("leaves the poster and the printed État des lieux bare", () => {
    expect(isBarePage("/espace/val/questionnaires/q/campagnes/c/affiche", params(""), bare)).toBe(true);
    expect(isBarePage("/espace/val/diagnostic/etat-des-lieux", params("impression=1&version=2"), bare)).toBe(true);
  });

  it("draws it everywhere else", () => {
    expect(isBarePage("/espace/val/diagnostic/etat-des-lieux", params("version=2"), bare)).toBe(false);
    expect(isBarePage("/espace/val/diagnostic/etat-des-lieux", params("impression=0"), bare)).toBe(false);
    expect(isBarePage("/espace/val/questionnaires/q/campagnes/c", null, bare)).toBe(false);
  });

  it("keeps the État des lieux' menu off paper, and only its", () => {
    expect(isUnprinted("/espace/val/diagnostic/etat-des-lieux", bare)).toBe(true);
    expect(isUnprinted("/espace/val/diagnostic/etat-des-lieux/pdf/3", bare)).toBe(false);
    expect(isUnprinted("/espace/val/diagnostic", bare)).toBe(false);
  });
});

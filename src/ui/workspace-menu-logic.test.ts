import { describe, expect, it } from "vitest";
import { currentHref, isBarePage, isUnprinted, workspaceCrumbs, type BarePages } from "./workspace-menu-logic";

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

describe("workspace breadcrumb drawn by the menu", () => {
  const tabs = [
    { label: "Vue d'ensemble", href: "/espace/val" },
    { label: "Constats", href: "/espace/val/constats" },
    { label: "Portrait du territoire", href: "/espace/val/diagnostic" },
    { label: "Importer des lieux", href: "/espace/val/lieux" },
  ];
  const sub = { "diagnostic/etat-des-lieux": "État des lieux", "lieux/colonnes": "Fichier dans votre format" };
  const crumbs = (path: string) => workspaceCrumbs(path, home, "Val de Charente", tabs, sub);

  it("home: Mes territoires › the territory", () => {
    expect(crumbs("/espace/val/")).toEqual({ segments: [{ label: "Mes territoires", href: "/espace" }], current: "Val de Charente" });
  });

  it("a module: Mes territoires › the territory › the module", () => {
    expect(crumbs("/espace/val/constats")).toEqual({
      segments: [
        { label: "Mes territoires", href: "/espace" },
        { label: "Val de Charente", href: "/espace/val" },
      ],
      current: "Constats",
    });
  });

  it("a page of a module: … › the module › the page", () => {
    expect(crumbs("/espace/val/diagnostic/etat-des-lieux")?.segments.map((s) => s.label)).toEqual(["Mes territoires", "Val de Charente", "Portrait du territoire"]);
    expect(crumbs("/espace/val/lieux/colonnes")?.current).toBe("Fichier dans votre format");
  });

  it("an item's page draws its own (none from the menu)", () => {
    expect(crumbs("/espace/val/constats/f42")).toBeUndefined();
    expect(crumbs("/espace/val/lieux/p1/modifier")).toBeUndefined();
    expect(crumbs("/espace/val/inconnu")).toBeUndefined();
  });
});

describe("current section of the site's header menu (same rule, home '/')", () => {
  const sections = ["/", "/aide", "/territoires", "/espace"];
  it("marks the section a page is in, the home on itself only", () => {
    expect(currentHref("/", "/", sections)).toBe("/");
    expect(currentHref("/territoires/charente/lieux/p1", "/", sections)).toBe("/territoires");
    expect(currentHref("/espace/charente/constats", "/", sections)).toBe("/espace");
    expect(currentHref("/aide", "/", sections)).toBe("/aide");
    expect(currentHref("/accessibilite", "/", sections)).toBeUndefined();
  });
});

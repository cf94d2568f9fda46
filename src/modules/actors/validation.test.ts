import { describe, expect, it } from "vitest";
import { actorSchema, luhnValid, parseActorFilters, filtersQuery, siretValid, followUpSchema } from "./validation";

const base = { name: "Centre social", legalType: "association", status: "engaged" };
const errorsOf = (input: Record<string, unknown>) => {
  const r = actorSchema.safeParse({ ...base, ...input });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("SIRET", () => {
  it("accepts real SIRETs (Luhn key), with spaces or dots", () => {
    expect(siretValid("13002526500013")).toBe(true); // DINUM
    expect(actorSchema.parse({ ...base, siret: "130 025 265 00013" }).siret).toBe("13002526500013");
    expect(actorSchema.parse({ ...base, siret: "130.025.265.00013" }).siret).toBe("13002526500013");
  });

  it("refuses a wrong key, a wrong length or letters, with one French message", () => {
    expect(luhnValid("13002526500014")).toBe(false);
    expect(errorsOf({ siret: "13002526500014" }).siret).toMatch(/clé de contrôle/);
    expect(errorsOf({ siret: "1300252650001" }).siret).toBe("Le SIRET compte 14 chiffres ; vous en avez saisi 13.");
    expect(errorsOf({ siret: "13002526500O13" }).siret).toMatch(/que des chiffres/);
  });

  it("knows La Poste's exception (sum of digits multiple of 5)", () => {
    expect(siretValid("35600000049837")).toBe(true); // a real La Poste office: Luhn fails, 45 is a multiple of 5
    expect(siretValid("35600000000002")).toBe(false); // neither rule
    expect(luhnValid("35600000000001")).toBe(false);
    expect(siretValid("35600000000001")).toBe(true); // 3+5+6+1 = 15
    expect(siretValid("78467169500001")).toBe(false); // the exception is La Poste's only
  });
});

describe("RNA", () => {
  it("is W followed by 9 digits or letters, upper-cased", () => {
    expect(actorSchema.parse({ ...base, rna: "w161000123" }).rna).toBe("W161000123");
    expect(actorSchema.parse({ ...base, rna: "W16A000123" }).rna).toBe("W16A000123");
    for (const bad of ["X161000123", "W16100012", "W1610001234", "W16-000123", "161000123"]) expect(errorsOf({ rna: bad }).rna, bad).toMatch(/commence par W suivi de 9/);
  });
});

describe("actor fields", () => {
  it("stores empty optional fields as null and normalises the website", () => {
    const v = actorSchema.parse({ ...base, siret: " ", rna: "", publicEmail: "", website: "www.exemple.fr", worlds: "social" });
    expect(v).toMatchObject({ siret: null, rna: null, publicEmail: null, website: "https://www.exemple.fr", worlds: ["social"], communeCode: null });
  });

  it("refuses unknown worlds, legal types and statuses with French messages", () => {
    const e = errorsOf({ worlds: ["social", "magie"], legalType: "secte", name: "" });
    expect(Object.keys(e).sort()).toEqual(["legalType", "name", "worlds.1"]);
    expect(e.legalType).toBe("Choisissez la forme juridique de la structure.");
    // The status is the territory's own follow-up, not a field of the shared record.
    const status = followUpSchema.safeParse({ status: "peut-être" });
    expect(status.success ? [] : status.error.issues.map((i) => i.message)).toEqual(["Indiquez si la structure est engagée ou à mobiliser."]);
  });

  it("checks email, phone and website", () => {
    const e = errorsOf({ publicEmail: "pas-une-adresse", publicPhone: "appelez-nous", website: "javascript:alert(1)" });
    expect(e.publicEmail).toMatch(/adresse électronique valide/);
    expect(e.publicPhone).toMatch(/numéro de téléphone/);
    expect(e.website).toMatch(/site internet/);
    expect(errorsOf({ publicPhone: "+33 5 45 00 00 00", publicEmail: "contact@exemple.fr" })).toEqual({});
  });
});

describe("list filters", () => {
  it("keeps known values and drops the rest; the query string round-trips", () => {
    const f = parseActorFilters({ q: "fédé", monde: "social", type: "inconnu", statut: "engaged", commune: "16015", page: "2" });
    expect(f).toEqual({ q: "fédé", world: "social", legalType: undefined, status: "engaged", commune: "16015" });
    expect(parseActorFilters(Object.fromEntries(new URLSearchParams(filtersQuery(f, 3))))).toEqual(f);
  });
});

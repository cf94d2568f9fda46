import { describe, expect, it } from "vitest";
import { actionSchema, budgetLineSchema, fundingSchema, monthText, parseAmount, parseMonth, stepSchema } from "./validation";

describe("amounts and months as people type them", () => {
  it("reads French amounts, and marks what is not a number", () => {
    expect(parseAmount("12 500,50")).toBe(12500.5);
    expect(parseAmount("12\u202f500 €")).toBe(12500);
    expect(parseAmount("8000.5")).toBe(8000.5);
    expect(parseAmount("")).toBeUndefined();
    expect(parseAmount("douze")).toBeNaN();
    expect(parseAmount("1,234")).toBeNaN(); // three decimals: a thousands separator typed as a comma, not guessed
  });

  it("reads months as MM/AAAA or AAAA-MM, refuses the rest", () => {
    expect(parseMonth("03/2027")).toBe("2027-03-01");
    expect(parseMonth("3/2027")).toBe("2027-03-01");
    expect(parseMonth("2027-11")).toBe("2027-11-01");
    expect(parseMonth("2027-11-01")).toBe("2027-11-01");
    expect(parseMonth("13/2027")).toBe("invalid");
    expect(parseMonth("mars 2027")).toBe("invalid");
    expect(parseMonth(" ")).toBeUndefined();
    expect(monthText("2027-03-01")).toBe("03/2027");
  });
});

describe("the plan's forms", () => {
  it("an action ending before it starts is refused on the end month; the same month is fine", () => {
    const bad = actionSchema.safeParse({ title: "Ateliers", startMonth: "06/2027", endMonth: "05/2027" });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["endMonth", "La fin ne peut pas précéder le début : vérifiez les deux mois."]]);
    expect(actionSchema.safeParse({ title: "Ateliers", startMonth: "06/2027", endMonth: "06/2027" }).success).toBe(true);
    expect(actionSchema.parse({ title: "Ateliers", recurring: "oui" })).toMatchObject({ status: "idee", recurring: true, publics: [], objectiveIds: [] });
  });

  it("budget lines and co-funding refuse negative and absurd amounts, and years out of range", () => {
    const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages(budgetLineSchema.safeParse({ year: "2027", item: "Salaires", planned: "-1" }))).toEqual(["planned: Le montant prévu ne peut pas être négatif."]);
    expect(messages(budgetLineSchema.safeParse({ year: "1999", item: "Salaires", planned: "60 000 000", actual: "-2" }))).toEqual([
      "year: L'année doit être entre 2000 et 2100.",
      "planned: Le montant prévu dépasse 50\u202f000\u202f000 € : vérifiez le nombre de zéros.",
      "actual: Le montant réalisé ne peut pas être négatif.",
    ]);
    expect(messages(fundingSchema.safeParse({ year: "2027", status: "accorde", amount: "" }))).toEqual(["amount: Indiquez le montant en euros."]);
    // The funder is checked once the fields are right (a check across fields).
    expect(messages(fundingSchema.safeParse({ year: "2027", status: "accorde", amount: "10" }))).toEqual(["funderLabel: Choisissez un financement du catalogue ou écrivez le nom du financeur."]);
    expect(messages(fundingSchema.safeParse({ year: "2027", status: "gagne", amount: "10", funderLabel: "Région" }))).toEqual(["status: Choisissez le statut du financement."]);
  });

  it("a step's date must exist", () => {
    expect(stepSchema.safeParse({ title: "Bilan", dueDate: "2027-02-29" }).success).toBe(false);
    expect(stepSchema.safeParse({ title: "Bilan", dueDate: "2028-02-29" }).success).toBe(true);
    expect(stepSchema.parse({ title: "Bilan", dueDate: "" })).toEqual({ title: "Bilan", dueDate: undefined });
  });
});

import { describe, expect, it } from "vitest";
import { formatDistance, formatPhone, hoursLine, nearName, onSiteOnly, telHref } from "./format";

describe("wording of the results", () => {
  it("writes distances the French way", () => {
    expect(formatDistance(3.2)).toBe("à 3,2\u00a0km");
    expect(formatDistance(11)).toBe("à 11,0\u00a0km");
    expect(formatDistance(0.3)).toBe("à 0,3\u00a0km");
    expect(formatDistance(0)).toBe("à moins de 100\u00a0m");
  });

  it("writes French phone numbers as they are dialled, and keeps the others", () => {
    expect(formatPhone("+33545000000")).toBe("05 45 00 00 00");
    expect(formatPhone("+33 5 45 00 00 00")).toBe("05 45 00 00 00");
    expect(formatPhone("+262262000000")).toBe("+262262000000");
    expect(telHref("05 45 00 00 00")).toBe("tel:0545000000");
    expect(telHref("+33545000000")).toBe("tel:+33545000000");
  });

  it("says near a commune with the right article", () => {
    expect(nearName("Angoulême")).toBe("près d’Angoulême");
    expect(nearName("Cognac")).toBe("près de Cognac");
    expect(nearName("Le Havre")).toBe("près du Havre");
    expect(nearName("Les Mureaux")).toBe("près des Mureaux");
    expect(nearName("La Rochelle")).toBe("près de La Rochelle");
    expect(nearName("Épernay")).toBe("près d’Épernay");
  });
});

describe("what a result says when something is unknown", () => {
  it("has one wording for missing and unreadable hours", () => {
    expect(hoursLine("Ouvert jusqu’à 17 h", true)).toBe("Ouvert jusqu’à 17 h");
    expect(hoursLine("Horaires illisibles", false)).toBe("Horaires non renseignés");
    expect(hoursLine(null, false)).toBe("Horaires non renseignés");
  });

  it("says « go on site » only when there is an address and no other way to reach the place", () => {
    const none = { phone: undefined, emails: [], websites: [], appointment: undefined };
    expect(onSiteOnly({ contact: none, address: { street: "1 rue Hergé" } })).toBe(true);
    expect(onSiteOnly({ contact: none, address: { street: " " } })).toBe(false);
    expect(onSiteOnly({ contact: { ...none, phone: "+33545000000" }, address: { street: "1 rue Hergé" } })).toBe(false);
    expect(onSiteOnly({ contact: { ...none, emails: ["a@b.fr"] }, address: { street: "1 rue Hergé" } })).toBe(false);
    expect(onSiteOnly({ contact: { ...none, websites: ["https://a.fr"] }, address: { street: "1 rue Hergé" } })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { formatDistance, formatPhone, nearName, telHref } from "./format";

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

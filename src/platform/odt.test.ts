import { describe, expect, it } from "vitest";
import { frenchNumber, frenchTypography } from "./odt";

describe("French typography of the ODT", () => {
  it("non-breaking spaces before the high punctuation and inside guillemets; apostrophe; addresses untouched", () => {
    expect(frenchTypography("Acquis : accordé ; demandé ! Vraiment ?")).toBe("Acquis\u00a0: accordé\u202f; demandé\u202f! Vraiment\u202f?");
    expect(frenchTypography('Le "plan" de l\'EPCI')).toBe("Le «\u00a0plan\u00a0» de l’EPCI");
    expect(frenchTypography("voir https://exemple.fr/a:b ; ensuite")).toBe("voir https://exemple.fr/a:b\u202f; ensuite");
    expect(frenchTypography("10:30 et ...")).toBe("10:30 et …");
  });
  it("numbers grouped by a narrow non-breaking space, decimal comma", () => {
    expect(frenchNumber(1234567.5)).toBe("1\u202f234\u202f567,5");
    expect(frenchNumber(0.3)).toBe("0,3");
  });
});

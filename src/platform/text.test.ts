import { describe, expect, it } from "vitest";
import { countOf, formatDate, formatPhone, plural, telHref } from "./text";

describe("phone numbers as people read them", () => {
  it("groups French 10-digit numbers by two", () => {
    expect(formatPhone("0545361950")).toBe("05 45 36 19 50");
    expect(formatPhone("05.45.36.19.50")).toBe("05 45 36 19 50");
    expect(formatPhone("05-45-36-19-50")).toBe("05 45 36 19 50");
    expect(formatPhone("06 12 34 56 78")).toBe("06 12 34 56 78");
  });

  it("writes +33 numbers the way they are dialled in France", () => {
    expect(formatPhone("+33545361950")).toBe("05 45 36 19 50");
    expect(formatPhone("+33 5 45 36 19 50")).toBe("05 45 36 19 50");
    expect(formatPhone("0033545361950")).toBe("05 45 36 19 50");
  });

  it("leaves short numbers, foreign numbers and odd input as they are", () => {
    expect(formatPhone("3949")).toBe("3949");
    expect(formatPhone("39 39")).toBe("39 39");
    expect(formatPhone("+262262000000")).toBe("+262262000000");
    expect(formatPhone("+32 2 123 45 67")).toBe("+32 2 123 45 67");
    expect(formatPhone("054536195")).toBe("054536195");
    expect(formatPhone("appeler la mairie")).toBe("appeler la mairie");
    expect(formatPhone("0045361950")).toBe("0045361950");
  });

  it("keeps the stored form in tel: links", () => {
    expect(telHref("+33545361950")).toBe("tel:+33545361950");
    expect(telHref("05 45 36 19 50")).toBe("tel:0545361950");
    expect(telHref("3949")).toBe("tel:3949");
  });
});

describe("French plurals", () => {
  it("uses the singular for 0 and 1, the plural from 2", () => {
    expect(plural(0, "lieu", "lieux")).toBe("lieu");
    expect(plural(1, "lieu", "lieux")).toBe("lieu");
    expect(plural(2, "lieu", "lieux")).toBe("lieux");
    expect(plural(1.5, "kilomètre", "kilomètres")).toBe("kilomètre");
  });

  it("writes the count before the word", () => {
    expect(countOf(0, "ligne refusée", "lignes refusées")).toBe("0 ligne refusée");
    expect(countOf(1, "lieu", "lieux")).toBe("1 lieu");
    expect(countOf(16, "lieu", "lieux")).toBe("16 lieux");
  });
});

describe("dates in French", () => {
  it("writes calendar days in words, with 1er for the first of the month", () => {
    expect(formatDate("2026-04-06")).toBe("6 avril 2026");
    expect(formatDate("2026-05-01")).toBe("1er mai 2026");
    expect(formatDate("2025-12-31")).toBe("31 décembre 2025");
  });

  it("reads an instant in Paris time", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDate(new Date("2025-12-31T23:30:00Z"))).toBe("1er janvier 2026");
    expect(formatDate(new Date("2026-07-14T10:00:00Z"))).toBe("14 juillet 2026");
  });

  it("leaves what is not a date as it is", () => {
    expect(formatDate("2026-02-30")).toBe("2026-02-30");
    expect(formatDate("bientôt")).toBe("bientôt");
    expect(formatDate(new Date("nope"))).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { countOf, formatPhone, plural, telHref } from "./text";

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

import { describe, expect, it } from "vitest";
import { parseOrThrow } from "@/platform/validation";
import { handwrittenSchema, signSchema } from "./validation";

const hash = "a".repeat(64);
const partner = "7f1f5a52-8d7e-4d7b-9a53-1d2f3c4b5a69";

describe("the consent form", () => {
  it("needs the tick, and both hashes as shown", () => {
    expect(parseOrThrow(signSchema, { version: "2", partner, contentSha256: hash, consentSha256: hash, consent: "oui" })).toEqual({ version: 2, partner, contentSha256: hash, consentSha256: hash, consent: "oui" });
    const refused = signSchema.safeParse({ version: "2", partner, contentSha256: "abc", consentSha256: hash });
    expect(refused.success).toBe(false);
    const fields = refused.error?.issues.map((i) => i.path.join(".")).sort();
    expect(fields).toEqual(["consent", "contentSha256"]);
  });
});

describe("a handwritten signature", () => {
  it("needs the structure to be chosen (the form proposes none in advance)", () => {
    const r = handwrittenSchema.safeParse({ version: "1", partner: "", signedOn: "2026-01-15" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["partner", "Choisissez la structure signataire."]]);
  });

  it("refuses a date in the future or that does not exist, in French", () => {
    const future = signedOnMessages("2999-01-01");
    expect(future).toEqual(["La date de signature ne peut pas être dans le futur."]);
    expect(signedOnMessages("2026-02-30")).toEqual(["Cette date n'existe pas : vérifiez-la."]);
    expect(signedOnMessages("30/01/2026")).toContain("Indiquez la date écrite sur la page signée (jj/mm/aaaa).");
    expect(signedOnMessages("2026-01-15")).toEqual([]);
  });
});

function signedOnMessages(signedOn: string): string[] {
  const r = handwrittenSchema.safeParse({ version: "1", partner, signedOn });
  return r.success ? [] : r.error.issues.filter((i) => i.path[0] === "signedOn").map((i) => i.message);
}

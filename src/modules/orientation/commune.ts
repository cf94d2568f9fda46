import { inArray } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communes, searchPerimeters } from "@/modules/geo";
import { communeTable } from "./memory";

export type CommuneChoice = { code: string; name: string; postcodes: string[]; departement: string };

export type CommuneResolution =
  | { kind: "found"; commune: CommuneChoice }
  | { kind: "choose"; choices: CommuneChoice[]; more: boolean }
  | { kind: "unknown" };

const MAX_CHOICES = 15;

async function describe(db: Executor, codes: string[]): Promise<Map<string, CommuneChoice>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: communes.code, name: communes.name, postcodes: communes.postcodes, departement: communes.departement }).from(communes).where(inArray(communes.code, codes));
  return new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, postcodes: r.postcodes.split(" ").filter(Boolean), departement: r.departement }]));
}

/**
 * Turns what the person typed into one commune, or a short list to choose from: a postcode often
 * covers several communes (16100: Cognac, Châteaubernard…), and names repeat across France.
 * A commune already chosen (`code`) is kept as long as the text still names it, so that changing
 * the need does not ask again; a new text starts a new search.
 */
export async function resolveCommuneInput(db: Executor, text: string, code?: string): Promise<CommuneResolution> {
  const typed = normalizeSearch(text);
  if (code) {
    // The usual case on a results page (the URL carries the code): answered from memory, no SQL.
    const chosen = (await communeTable(db)).get(code.toUpperCase());
    if (chosen && (typed === "" || typed === normalizeSearch(chosen.name))) {
      return { kind: "found", commune: { code: chosen.code, name: chosen.name, postcodes: [...chosen.postcodes], departement: chosen.departement } };
    }
  }
  if (typed === "") return { kind: "unknown" };
  const found = await searchPerimeters(db, "commune", text, MAX_CHOICES + 1);
  const described = await describe(db, found.map((f) => f.code));
  // searchPerimeters ranks the names starting with the text first, then by population: keep its order.
  const choices = found.flatMap((f) => {
    const c = described.get(f.code);
    return c ? [c] : [];
  });
  if (choices.length === 0) return { kind: "unknown" };
  const exact = choices.filter((c) => normalizeSearch(c.name) === typed);
  const only = exact.length === 1 ? exact[0] : choices.length === 1 ? choices[0] : undefined;
  if (only) return { kind: "found", commune: only };
  return { kind: "choose", choices: choices.slice(0, MAX_CHOICES), more: choices.length > MAX_CHOICES };
}

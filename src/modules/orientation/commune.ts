import type { Executor } from "@/platform/db/client";
import { normalizeSearch } from "@/platform/text";
import { communeTable, type CommuneRecord } from "./memory";
import { matchCommunes } from "./match";

export type CommuneChoice = { code: string; name: string; postcodes: string[]; departement: string };

export type CommuneResolution =
  | { kind: "found"; commune: CommuneChoice }
  | { kind: "choose"; choices: CommuneChoice[]; more: boolean }
  /** No commune has this name: the closest names, for a typo ("Jarnak" → Jarnac). */
  | { kind: "suggest"; choices: CommuneChoice[] }
  | { kind: "unknown" };

const choice = (c: CommuneRecord): CommuneChoice => ({ code: c.code, name: c.name, postcodes: [...c.postcodes], departement: c.departement });

/**
 * Turns what the person typed into one commune, or a short list to choose from: a postcode often
 * covers several communes (16100: Cognac, Châteaubernard…), and names repeat across France.
 * A commune already chosen (`code`) is kept as long as the text still names it, so that changing
 * the need does not ask again; a new text starts a new search. Answered from memory (match.ts).
 */
export async function resolveCommuneInput(db: Executor, text: string, code?: string): Promise<CommuneResolution> {
  const typed = normalizeSearch(text);
  const table = await communeTable(db);
  if (code) {
    const chosen = table.get(code.toUpperCase());
    if (chosen && (typed === "" || typed === normalizeSearch(chosen.name))) return { kind: "found", commune: choice(chosen) };
  }
  const m = matchCommunes(table.values(), text);
  switch (m.kind) {
    case "found":
      return { kind: "found", commune: choice(m.commune) };
    case "choose":
      return { kind: "choose", choices: m.choices.map(choice), more: m.more };
    case "suggest":
      return { kind: "suggest", choices: m.choices.map(choice) };
    default:
      return { kind: "unknown" };
  }
}

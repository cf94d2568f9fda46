import { formatNumber } from "@/platform/text";
import { JSON_MAX_DEPTH } from "./limits";

/**
 * How deep a JSON text nests, read without recursion and without parsing it: JSON.parse itself copes
 * with 200,000 nested arrays, but every recursive walk after it (JSON.stringify, a flattening, a
 * validator) then fails with "Maximum call stack size exceeded". Strings are skipped with their escapes.
 * Stops as soon as `limit` is passed.
 */
export function jsonDepthExceeds(text: string, limit = JSON_MAX_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}

export const jsonTooDeepMessage = (limit = JSON_MAX_DEPTH) =>
  `Le fichier JSON imbrique des listes ou des objets sur plus de ${formatNumber(limit)} niveaux : ce n'est pas une liste de lieux. Vérifiez que vous déposez le bon fichier.`;

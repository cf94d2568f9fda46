/**
 * Cells that hold several values of a list field. Producers separate them with "|" (the standard),
 * ";" (v0.1), "," or line breaks, and sometimes " / " between words. Values of the standard's
 * vocabularies contain none of these, so splitting never cuts a known value.
 */

/** The items of a list cell, trimmed, without empties or repeats, in order. */
export function splitList(text: string): string[] {
  const items = text
    .split(/[|;,\n\r]+|\s+\/\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return [...new Set(items)];
}

/** The same cell written with the standard's separator. */
export function standardList(text: string): string {
  return splitList(text).join("|");
}

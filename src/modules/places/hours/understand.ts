/**
 * What an hours field stores: the OSM `opening_hours` value of what the person wrote. French first
 * (french.ts, the checked value is the library's prettified one), then an OSM value the French
 * grammar does not cover ("Mo-Fr 09:00-12:00 \"sur rendez-vous\""), checked strictly by the library.
 * A refusal is the French reader's message, unless the text is plainly OSM (English day codes), in
 * which case the library's diagnosis (in French, see validate) says more.
 */
import { understandFrench, type Schedule } from "./french";
import { validate, type HoursOptions } from "./opening-hours";

export type HoursInput = { ok: true; normalized: string; schedule?: Schedule } | { ok: false; message: string };

const OSM_LOOK = /\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH)\b|\d\d:\d\d-\d\d:\d\d/;

export function understandHours(text: string, options: HoursOptions = {}): HoursInput {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, normalized: "" };
  const french = understandFrench(trimmed);
  if (french.ok) {
    const checked = validate(french.osm, options);
    // Cannot happen for what the grammar writes; if it did, the library's French message is the honest answer.
    return checked.ok ? { ok: true, normalized: checked.normalized, schedule: french.schedule } : checked;
  }
  const osm = validate(trimmed, options);
  if (osm.ok) return osm;
  return OSM_LOOK.test(trimmed) ? osm : { ok: false, message: french.message };
}

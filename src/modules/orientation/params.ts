import { z } from "zod";
import { isAccessibilityKey, isNeedKey, type AccessibilityKey, type NeedKey } from "./needs";

/**
 * The /aide search lives entirely in the URL (a GET form): it works without JavaScript, can be
 * bookmarked, sent by text message to the person being helped, and printed.
 */
export type HelpParams = {
  /** What the person typed: a commune name, a postcode or an INSEE code. */
  text: string;
  /** An INSEE code already chosen (from a list of homonyms, or kept from a previous search). */
  commune?: string;
  need?: NeedKey;
  openNow: boolean;
  accessibility: AccessibilityKey[];
};

const oneOrMany = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).slice(0, 20))
  .optional()
  .catch(undefined);

const schema = z.object({
  lieu: z.string().trim().max(100).optional().catch(undefined),
  commune: z.string().trim().regex(/^[0-9][0-9AB][0-9]{3}$/i).optional().catch(undefined),
  besoin: z.string().optional().catch(undefined),
  ouvert: z.literal("1").optional().catch(undefined),
  acces: oneOrMany,
});

/** Reads the query string; anything unexpected is dropped rather than refused (a URL may be old or mistyped). */
export function parseHelpParams(params: Record<string, string | string[] | undefined>): HelpParams {
  const p = schema.parse(params);
  const accessibility = [...new Set((p.acces ?? []).filter(isAccessibilityKey))];
  return {
    text: p.lieu ?? "",
    commune: p.commune?.toUpperCase(),
    need: p.besoin !== undefined && isNeedKey(p.besoin) ? p.besoin : undefined,
    openNow: p.ouvert === "1",
    accessibility,
  };
}

/** The /aide URL of a search, e.g. for a commune picked among homonyms or a filter dropped. */
export function helpHref(params: HelpParams): string {
  const search = new URLSearchParams();
  if (params.text) search.set("lieu", params.text);
  if (params.commune) search.set("commune", params.commune);
  if (params.need) search.set("besoin", params.need);
  if (params.openNow) search.set("ouvert", "1");
  for (const a of params.accessibility) search.append("acces", a);
  const query = search.toString();
  return query ? `/aide?${query}` : "/aide";
}

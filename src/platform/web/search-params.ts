/**
 * Query strings as pages and routes may use them. Whatever a URL carries, a page never fails on it:
 * a value with a control character (a NUL byte, which PostgreSQL refuses in text, gave a 500), a value
 * longer than any form sends, or the 51st repetition of a name, is dropped as if absent; numbers are
 * read within bounds (`version=99999999999999999999` is no version). The pages then read what is left
 * as before, with their own defaults. One parser, used by every page (decision: ignore, don't refuse:
 * a URL may be old, mistyped or cut, and the page without the bad filter is the useful answer).
 */
import { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Longest value kept: the longest field a GET form of the site sends is 100 characters. */
export const MAX_PARAM_LENGTH = 2_000;
/** Most values kept for one name (checkbox filters). */
export const MAX_PARAM_VALUES = 50;

// Tab, line feed and carriage return may come from a pasted search; other C0 controls and DEL never do.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const value = z
  .string()
  .max(MAX_PARAM_LENGTH)
  .refine((v) => !CONTROL.test(v) && !LONE_SURROGATE.test(v));

const valueOrUndefined = (v: unknown): string | undefined => {
  const r = value.safeParse(v);
  return r.success ? r.data : undefined;
};

const entry = z
  .unknown()
  .transform((v): string | string[] | undefined => {
    if (Array.isArray(v)) {
      const kept = v.map(valueOrUndefined).filter((x): x is string => x !== undefined).slice(0, MAX_PARAM_VALUES);
      return kept.length === 0 ? undefined : kept.length === 1 ? kept[0] : kept;
    }
    return valueOrUndefined(v);
  });

const paramsSchema = z.record(z.string(), entry).catch({});

function dropEmpty<T>(record: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined && valueOrUndefined(k) !== undefined) out[k] = v;
  return out;
}

/** Every usable value: a string, or a list when the name is repeated. */
export function readSearchParams(raw: RawSearchParams | URLSearchParams): Record<string, string | string[] | undefined> {
  const object: RawSearchParams = {};
  if (raw instanceof URLSearchParams) {
    for (const [k, v] of raw) {
      const previous = object[k];
      object[k] = previous === undefined ? v : ([] as string[]).concat(previous, v);
    }
  } else Object.assign(object, raw);
  return dropEmpty(paramsSchema.parse(object));
}

/** One value per name (the first usable one), for pages that never take lists. */
export function readSingleSearchParams(raw: RawSearchParams | URLSearchParams): Record<string, string | undefined> {
  const all = readSearchParams(raw);
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** A whole number within bounds (defaults fit a PostgreSQL integer), or undefined. */
export function searchInt(v: string | string[] | undefined, bounds: { min?: number; max?: number } = {}): number | undefined {
  const text = Array.isArray(v) ? v[0] : v;
  if (text === undefined || !/^\s*-?\d{1,16}\s*$/.test(text)) return undefined;
  const r = z
    .number()
    .int()
    .min(bounds.min ?? 1)
    .max(bounds.max ?? 2_147_483_647)
    .safeParse(Number(text));
  return r.success ? r.data : undefined;
}

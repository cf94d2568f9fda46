import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

// ---------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------

export type Position = [number, number];
export type Ring = Position[];
/** Outer ring first, then holes. */
export type PolygonRings = Ring[];

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8")) as unknown;
}

export function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`data-build sanity check failed: ${message}`);
}

/** Logs the duration of each phase: the whole build is meant to stay well under a minute. */
export function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`  ${label.padEnd(44)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

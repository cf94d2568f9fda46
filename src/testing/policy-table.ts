import { expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";

/**
 * A policy's role × action table, declared: one row per action, one column per person (in the order
 * of `people`), each cell written by hand. Every cell becomes its own test, named
 * "<person> may|may not <action><suffix>", that asks the policy through `decide`. A row that does
 * not have one cell per person fails loudly instead of testing fewer people than it seems to.
 */
export function policyTable<A extends string>(
  people: Readonly<Record<string, Principal>>,
  table: Readonly<Record<A, readonly boolean[]>>,
  decide: (action: A, person: Principal) => boolean,
  options: { suffix?: string } = {},
): void {
  const names = Object.keys(people);
  const suffix = options.suffix ?? "";
  for (const [action, row] of Object.entries(table) as [A, readonly boolean[]][]) {
    if (row.length !== names.length) throw new Error(`policyTable: the row "${action}" has ${row.length} cells for ${names.length} people (${names.join(", ")})`);
    for (const [i, name] of names.entries()) {
      const allowed = row[i] as boolean;
      it(`${name} ${allowed ? "may" : "may not"} ${action}${suffix}`, () => {
        expect(decide(action, people[name] as Principal)).toBe(allowed);
      });
    }
  }
}

import { describe, expect, it } from "vitest";
import { suppressTable, type CountCell } from "./suppression";

const cell = (key: string, records: number, people: number): CountCell => ({ key, label: key, records, people });
const shown = (t: ReturnType<typeof suppressTable>) => t.cells?.map((c) => [c.key, c.records, c.people]) ?? null;

describe("small-count suppression of the public figures", () => {
  it("a table that is not a partition (themes) hides its cells under 5 and nothing else", () => {
    const t = suppressTable([cell("demarches", 12, 15), cell("sante", 3, 3), cell("courriel", 7, 9)], { partition: false });
    expect(shown(t)).toEqual([
      ["demarches", 12, 15],
      ["sante", null, null],
      ["courriel", 7, 9],
    ]);
    expect(t.total).toBeNull();
  });

  it("in a partition, one small cell takes the next smallest with it: the total minus the rest gives two cells' sum", () => {
    const t = suppressTable([cell("2026-01", 10, 12), cell("2026-02", 2, 2), cell("2026-03", 7, 8), cell("2026-04", 20, 25)], { partition: true });
    expect(shown(t)).toEqual([
      ["2026-01", 10, 12],
      ["2026-02", null, null],
      ["2026-03", null, null],
      ["2026-04", 20, 25],
    ]);
    expect(t.total).toEqual({ records: 39, people: 47 });
    // What a reader can subtract: 39 − 10 − 20 = 9 records for February and March together.
  });

  it("two small cells whose sum is still under 5 take a third one with them", () => {
    const t = suppressTable([cell("a", 1, 1), cell("b", 2, 2), cell("c", 10, 10), cell("d", 6, 6)], { partition: true });
    expect(shown(t)).toEqual([
      ["a", null, null],
      ["b", null, null],
      ["c", 10, 10],
      ["d", null, null],
    ]);
    expect(t.hidden).toBe(3);
  });

  it("a cell with few records but many people (one collective session) is hidden: records under 5", () => {
    const t = suppressTable([cell("collectif", 3, 24), cell("individuel", 40, 41), cell("autre", 9, 9)], { partition: true });
    expect(shown(t)).toEqual([
      ["collectif", null, null],
      ["individuel", 40, 41],
      ["autre", null, null],
    ]);
  });

  it("a table whose total is under 5 is withheld entirely", () => {
    const t = suppressTable([cell("Cognac", 2, 2), cell("Jarnac", 1, 1)], { partition: true });
    expect(t).toEqual({ cells: null, total: null, hidden: 2 });
  });

  it("nothing small: everything published, with its total", () => {
    const t = suppressTable([cell("Cognac", 5, 5), cell("Angoulême", 8, 11)], { partition: true });
    expect(shown(t)).toEqual([
      ["Cognac", 5, 5],
      ["Angoulême", 8, 11],
    ]);
    expect(t.total).toEqual({ records: 13, people: 16 });
    expect(t.hidden).toBe(0);
  });

  it("a single small cell beside a single large one: both hidden, only the total stays", () => {
    const t = suppressTable([cell("lieu", 30, 31), cell("domicile", 1, 1)], { partition: true });
    expect(shown(t)).toEqual([
      ["lieu", null, null],
      ["domicile", null, null],
    ]);
    expect(t.total).toEqual({ records: 31, people: 32 });
  });

  it("in every partition above, what subtraction recovers is nothing, or at least two cells adding up to 5 or more", () => {
    const tables = [
      [cell("a", 10, 12), cell("b", 2, 2), cell("c", 7, 8), cell("d", 20, 25)],
      [cell("a", 1, 1), cell("b", 2, 2), cell("c", 10, 10), cell("d", 6, 6)],
      [cell("a", 3, 24), cell("b", 40, 41), cell("c", 9, 9)],
      [cell("a", 4, 4), cell("b", 4, 4), cell("c", 100, 100)],
      [cell("a", 1, 1), cell("b", 5, 5), cell("c", 5, 5), cell("d", 5, 5)],
    ];
    for (const cells of tables) {
      const t = suppressTable(cells, { partition: true });
      const hidden = (t.cells ?? []).filter((c) => c.records === null);
      const recovered = cells.filter((c) => hidden.some((h) => h.key === c.key));
      const sum = recovered.reduce((s, c) => ({ records: s.records + c.records, people: s.people + c.people }), { records: 0, people: 0 });
      if (hidden.length > 0) {
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(Math.min(sum.records, sum.people)).toBeGreaterThanOrEqual(5);
      }
    }
  });
});

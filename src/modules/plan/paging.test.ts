import { describe, expect, it } from "vitest";
import { pageOf } from "./paging";

describe("a page of a view's list of actions", () => {
  const list = Array.from({ length: 250 }, (_, i) => i + 1);
  it("100 at a time, in order; the last page holds the rest; a page out of range is brought back", () => {
    expect(pageOf(list, 1)).toMatchObject({ page: 1, pages: 3, from: 1, to: 100 });
    expect(pageOf(list, 3)).toMatchObject({ page: 3, pages: 3, from: 201, to: 250 });
    expect(pageOf(list, 3).items).toEqual(list.slice(200));
    expect(pageOf(list, 9).page).toBe(3);
    expect(pageOf(list, 0).page).toBe(1);
    expect(pageOf([], 2)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, items: [] });
  });
  it("the same array for the same list and page (what is computed from it is kept with it)", () => {
    expect(pageOf(list, 2).items).toBe(pageOf(list, 2).items);
    expect(pageOf(list, 2).items).not.toBe(pageOf([...list], 2).items);
  });
});

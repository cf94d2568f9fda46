"use client";
import { useEffect } from "react";

/**
 * Arrow keys in the calendar grid: one cell of the grid is in the tab order (roving tabindex); ←/→ move by a
 * month, ↑/↓ by an action, Début/Fin to the row's first and last month. Without JavaScript the grid is still
 * a table in the tab order (it scrolls) and the table equivalent below says everything.
 */
export function TimelineKeys({ gridId }: { gridId: string }) {
  useEffect(() => {
    const grid = document.getElementById(gridId);
    if (!grid) return;
    const cells = () => [...grid.querySelectorAll<HTMLElement>("[data-cell]")];
    const first = cells()[0];
    if (first) first.tabIndex = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (!target.dataset.cell) return;
      const [r, c] = target.dataset.cell.split(":").map(Number);
      let row = r ?? 0;
      let col = c ?? 0;
      const last = Number(grid.dataset.months ?? "1") - 1;
      if (e.key === "ArrowRight") col = Math.min(last, col + 1);
      else if (e.key === "ArrowLeft") col = Math.max(0, col - 1);
      else if (e.key === "ArrowDown") row++;
      else if (e.key === "ArrowUp") row = Math.max(0, row - 1);
      else if (e.key === "Home") col = 0;
      else if (e.key === "End") col = last;
      else return;
      const next = grid.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
      if (!next) return;
      e.preventDefault();
      target.tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    };
    grid.addEventListener("keydown", onKey);
    return () => grid.removeEventListener("keydown", onKey);
  }, [gridId]);
  return null;
}

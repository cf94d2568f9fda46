import type { ComponentProps } from "react";

/**
 * The `<Table>` of a DSFR table (`<div className="fr-table"><Table>…</Table></div>`). In this markup the
 * table itself is the scroll region: on a 360 px phone a wide table scrolls sideways, and a keyboard must
 * reach what is hidden (RGAA 7.3, axe `scrollable-region-focusable`). So it is in the tab order; its name
 * is its caption, and it keeps its table role (a `role="region"` would hide the table from screen readers).
 */
export function Table(props: ComponentProps<"table">) {
  return <table tabIndex={0} {...props} />;
}

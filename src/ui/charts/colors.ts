/**
 * DSFR colours for charts (values of the design system's tokens, which an SVG drawn on the server
 * cannot read from CSS variables). Series are also told apart by line style and marker, never by
 * colour alone.
 */
export const dsfr = {
  text: "#161616",
  textMention: "#666666",
  border: "#929292",
  borderLight: "#dddddd",
  blueFrance: "#000091",
  success: "#18753c",
  warning: "#b34000",
  info: "#0063cb",
} as const;

/**
 * A sequential scale from light to dark blue France, for levels 1 to 4 (heat maps). Each step comes
 * with a text colour whose contrast with it is at least 4.5:1 (WCAG AA): dark text on the three light
 * steps (14.4, 9.1 and 5.8:1), white on the darkest (14.9:1).
 */
export const sequentialBlue: readonly { background: string; text: string }[] = [
  { background: "#e3e3fd", text: dsfr.text },
  { background: "#b1b1f9", text: dsfr.text },
  { background: "#8585f6", text: dsfr.text },
  { background: "#000091", text: "#ffffff" },
];

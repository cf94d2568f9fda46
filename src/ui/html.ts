/**
 * Markup written as text, for the long, purely presentational parts of a page that are kept once per
 * version of their data (a table of communes): React renders such a part on every view twice (the HTML
 * and the RSC payload, element by element), while a kept string costs it one property. Every
 * interpolated value is escaped unless it is itself `Html` made here; no script, no event attribute, no
 * client component belongs in it (use React for those).
 */
export type Html = { readonly __html: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Text or an attribute value (always written between double quotes) as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Part = string | number | Html | readonly Part[] | null | undefined | false;

function write(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (typeof part === "number") return String(part);
  if (typeof part === "string") return escapeHtml(part);
  if (Array.isArray(part)) return (part as readonly Part[]).map(write).join("");
  return (part as Html).__html;
}

/** `html\`<td>${text}</td>\``: the literal parts as written, every value escaped (arrays joined). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((v, i) => (out += write(v) + (strings[i + 1] ?? "")));
  return { __html: out };
}

/**
 * The text twin of `<Table>` (src/ui/table.tsx), with the same markup: the table is the scroll region of
 * its `.fr-table` on a phone, so it is in the tab order; its caption names it.
 */
export function tableHtml(caption: Part, head: Part, body: Part): Html {
  return html`<table tabindex="0"><caption>${caption}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown written by people (minutes, agendas…) to HTML safe to put in a page (ADR 023). marked turns the
 * text into HTML (raw HTML included, as Markdown allows), then sanitize-html keeps only an allow-list: no
 * script, style, iframe, form or image (nothing loads from elsewhere), no on* attribute, and links only
 * to http(s) and mailto — a `javascript:` URL loses its href. Links open as ordinary links, marked
 * rel="noopener noreferrer nofollow" since anyone in a group may write them.
 */
const marked = new Marked({ gfm: true, breaks: true, async: false });

const options: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title"], th: ["scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Headings of a page are the page's own: a "# Titre" in the minutes becomes a level 3 heading below them.
  transformTags: {
    h1: "h3",
    h2: "h4",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
  },
};
options.allowedAttributes = { ...(options.allowedAttributes as Record<string, string[]>), a: ["href", "title", "rel"] };

/** Sanitised HTML of a Markdown text (empty text → empty string). */
export function renderMarkdown(source: string): string {
  if (!source.trim()) return "";
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, options);
}

import { renderSVG } from "uqr";

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A QR code of a campaign's link, drawn on the server as SVG (uqr: no dependency, no canvas): an image
 * with a text alternative, black on white with its quiet zone, medium error correction (a poster gets
 * creased), scaling with its container.
 */
export function qrSvg(url: string, label: string): string {
  const svg = renderSVG(url, { ecc: "M", border: 4, pixelSize: 8 });
  const alt = escapeAttribute(label);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${alt}" focusable="false" style="width:100%;max-width:18rem;height:auto" `).replace(/(<svg[^>]*>)/, `$1<title>${alt}</title>`);
}

import { encode } from "uqr";
import { describe, expect, it } from "vitest";
import { qrSvg } from "./qr";

describe("QR code of a campaign", () => {
  it("is an SVG image with a text alternative, escaped", () => {
    const svg = qrSvg("https://maillage.example.fr/q/Ab3dE5gH7k", `QR code du questionnaire « L'avis des "habitants" »`);
    expect(svg.startsWith(`<svg role="img" aria-label="QR code du questionnaire « L&#39;avis des &quot;habitants&quot; »"`)).toBe(true);
    expect(svg).toContain("<title>QR code du questionnaire « L&#39;avis des &quot;habitants&quot; »</title>");
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("encodes a short link in a small symbol that an old phone reads easily", () => {
    // 40 characters in byte mode at level M fit in version 3 (42 at most) (29 × 29 modules), by the QR code capacity table.
    const qr = encode("https://maillage.example.fr/q/Ab3dE5gH7k", { ecc: "M", border: 0 });
    expect(qr.version).toBe(3);
    expect(qr.size).toBe(29);
  });
});

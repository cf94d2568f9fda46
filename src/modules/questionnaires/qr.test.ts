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

  it("draws the link's symbol: 29 × 29 modules (version 3 for a 40-character link at level M), a 4-module quiet zone, black on white", () => {
    const url = "https://maillage.example.fr/q/Ab3dE5gH7k";
    const svg = qrSvg(url, "QR code");
    // (29 modules + 2 × 4 of quiet zone) × 8 px = 296 px.
    expect(svg).toContain('viewBox="0 0 296 296"');
    expect(svg).toContain('<rect fill="white" width="296" height="296"/>');
    // Read the drawn modules back from the path: one 8 × 8 black square per dark module.
    const path = /<path fill="black" d="([^"]+)"/.exec(svg)?.[1] ?? "";
    const dark = new Set<string>();
    for (const [, x, y] of path.matchAll(/M(\d+),(\d+)h8v8h-8z/g)) dark.add(`${(Number(x) - 32) / 8},${(Number(y) - 32) / 8}`);
    expect(path.replace(/M\d+,\d+h8v8h-8z/g, "")).toBe("");
    const at = (col: number, row: number) => dark.has(`${col},${row}`);
    // Nothing drawn in the quiet zone.
    expect([...dark].every((k) => k.split(",").every((n) => Number(n) >= 0 && Number(n) < 29))).toBe(true);
    // The three finder patterns, by the QR code standard: a dark 7 × 7 ring, a light ring, a dark 3 × 3 centre.
    for (const [c0, r0] of [[0, 0], [22, 0], [0, 22]] as const) {
      for (let r = 0; r < 7; r++)
        for (let c = 0; c < 7; c++) {
          const ring = r === 0 || r === 6 || c === 0 || c === 6;
          const centre = r >= 2 && r <= 4 && c >= 2 && c <= 4;
          expect(at(c0 + c, r0 + r), `module ${c0 + c},${r0 + r}`).toBe(ring || centre);
        }
    }
    // And the symbol is this link's at level M (another link or level draws other modules).
    const expected = encode(url, { ecc: "M", border: 0 });
    const drawn = expected.data.map((row, r) => row.map((_, c) => at(c, r)));
    expect(drawn).toEqual(expected.data);
    expect(encode(url, { ecc: "L", border: 0 }).data).not.toEqual(drawn);
  });
});

import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders ordinary Markdown: emphasis, lists, links", () => {
    expect(renderMarkdown("**Présents** : 5\n\n- point un\n- point deux")).toBe("<p><strong>Présents</strong> : 5</p>\n<ul>\n<li>point un</li>\n<li>point deux</li>\n</ul>\n");
    expect(renderMarkdown("[site](https://exemple.fr)")).toBe('<p><a href="https://exemple.fr" rel="noopener noreferrer nofollow">site</a></p>\n');
  });

  it("removes script and iframe elements with their content", () => {
    const html = renderMarkdown('Avant<script>alert("x")</script>\n\n<iframe src="https://evil.example"></iframe>Après');
    expect(html).not.toMatch(/script|iframe|alert|evil/i);
    expect(html).toContain("Avant");
    expect(html).toContain("Après");
  });

  it("removes on* attributes and javascript: URLs", () => {
    const html = renderMarkdown('<p onclick="steal()">clic</p> <a href="javascript:alert(1)" onmouseover="x()">lien</a> <img src=x onerror="alert(3)">\n\nUn [lien Markdown](javascript:alert(2)) aussi.');
    expect(html).not.toMatch(/onclick|onmouseover|onerror|javascript:|<img|alert/i);
    expect(html).toContain("clic");
    expect(html).toContain("lien</a>");
    expect(html).toContain("lien Markdown</a>");
  });

  it("turns the document's own headings into sub-headings (the page keeps its outline)", () => {
    expect(renderMarkdown("# Relevé\n\n## Points")).toBe("<h3>Relevé</h3>\n<h4>Points</h4>\n");
  });

  it("gives nothing for an empty text", () => {
    expect(renderMarkdown("  \n")).toBe("");
  });
});

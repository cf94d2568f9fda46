import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml, html, tableHtml } from "./html";
import { Table } from "./table";

describe("markup written as text", () => {
  it("escapes every value, in text and between attribute quotes", () => {
    const label = `<script>alert("x")</script> & l'autre`;
    expect(html`<a href="${`/p?a=1&b=${label}`}">${label}</a>`.__html).toBe(
      '<a href="/p?a=1&amp;b=&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;autre">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;autre</a>',
    );
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#x27;&lt;&gt;&amp;");
  });

  it("writes nested markup as is (never escaped twice), joins lists, skips empty values, writes numbers", () => {
    const cells = ["a&b", "c"].map((t) => html`<td>${t}</td>`);
    expect(html`<tr>${cells}${null}${undefined}${false}<td>${0}</td></tr>`.__html).toBe("<tr><td>a&amp;b</td><td>c</td><td>0</td></tr>");
  });

  it("writes a table with the same markup as <Table>: in the tab order, named by its caption", () => {
    const text = tableHtml("Communes", html`<tr><th scope="col">Commune</th></tr>`, [html`<tr><td>Angoulême</td></tr>`]).__html;
    const react = renderToStaticMarkup(
      createElement(
        Table,
        null,
        createElement("caption", null, "Communes"),
        createElement("thead", null, createElement("tr", null, createElement("th", { scope: "col" }, "Commune"))),
        createElement("tbody", null, createElement("tr", null, createElement("td", null, "Angoulême"))),
      ),
    );
    expect(text).toBe(react);
    expect(text).toBe('<table tabindex="0"><caption>Communes</caption><thead><tr><th scope="col">Commune</th></tr></thead><tbody><tr><td>Angoulême</td></tr></tbody></table>');
  });
});

/**
 * A minimal OpenDocument text (ODF 1.2), written by hand like the spreadsheet of ./ods.ts (decision 020):
 * headings, paragraphs and tables, in French (language fr-FR for spelling and hyphenation), French typography
 * applied to every text (non-breaking spaces before « : ; ! ? », inside « guillemets », typographic apostrophe,
 * numbers grouped by thin spaces), and a table of contents whose entries link to the headings (LibreOffice adds
 * page numbers with « Mettre à jour l'index »). Numbers in tables are number cells (value kept), shown in French.
 * Images (charts) are SVG pictures stored in the package under Pictures/ and declared in the manifest, each in a
 * frame with a title and a description (svg:title, svg:desc) read by screen readers and shown by office suites
 * that cannot draw SVG. SVG in a draw:image is allowed by ODF 1.2 (any media type the manifest declares) and drawn
 * by LibreOffice and Word; there is no PNG fallback, since rasterising needs a native or WebAssembly renderer.
 */
import { zip } from "./ods";

export const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

export type OdtCell = string | number | null;
export type OdtBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: OdtCell[][]; caption?: string }
  /** An SVG picture of `width` × `height` CSS pixels (96 per inch), scaled down to the text's width if wider. */
  | { kind: "image"; svg: string; width: number; height: number; title: string; description?: string };
export type OdtDocument = { title: string; subtitle?: string; blocks: OdtBlock[]; tableOfContents?: boolean };

// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(s: string): string {
  return s.replace(invalidXml, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/**
 * French typography (Imprimerie nationale's rules, as the DSFR writes them): a non-breaking space before
 * « : » and a narrow one before « ; ! ? », non-breaking spaces inside guillemets, straight quotes turned into
 * guillemets, the typographic apostrophe, « … ». Addresses (https://…) are left alone.
 */
export function frenchTypography(text: string): string {
  return text
    .split(/(\bhttps?:\/\/\S+)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(/\.\.\./g, "…")
        .replace(/(\p{L})'(?=\p{L})/gu, "$1’")
        .replace(/"([^"]+)"/g, "« $1 »")
        .replace(/«\s*/g, `«${NBSP}`)
        .replace(/\s*»/g, `${NBSP}»`)
        .replace(/[ \u00a0]*:(?=\s|$)/g, (m, offset: number) => (offset === 0 && i === 0 ? m : `${NBSP}:`))
        .replace(/[ \u00a0\u202f]*([;!?])(?=\s|$)/g, (m, mark: string, offset: number) => (offset === 0 && i === 0 ? m : `${NNBSP}${mark}`));
    })
    .join("");
}

const numberFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

/** 12345.5 → « 12 345,5 » with a narrow non-breaking space, as French writes it. */
export function frenchNumber(n: number): string {
  return numberFormat.format(n).replace(/[\u00a0\u202f ]/g, NNBSP);
}

function textSpans(text: string): string {
  return escapeXml(frenchTypography(text)).replace(/ {2,}/g, (run) => ` <text:s text:c="${run.length - 1}"/>`);
}

function paragraphs(text: string, style: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => `<text:p text:style-name="${style}">${textSpans(line)}</text:p>`)
    .join("");
}

function cellXml(cell: OdtCell, header: boolean): string {
  const style = header ? "Table_20_Heading" : "Table_20_Contents";
  if (cell === null || cell === "") return `<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="${style}"/></table:table-cell>`;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return `<table:table-cell table:style-name="Cell"><text:p text:style-name="${style}"/></table:table-cell>`;
    return `<table:table-cell table:style-name="Cell" office:value-type="float" office:value="${cell}"><text:p text:style-name="Number">${frenchNumber(cell)}</text:p></table:table-cell>`;
  }
  return `<table:table-cell table:style-name="Cell" office:value-type="string">${paragraphs(cell, style)}</table:table-cell>`;
}

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"';

/** The text's width on an A4 page with the default margins (the tables' width too). */
const TEXT_WIDTH_CM = 17;

type Picture = { path: string; data: string; mediaType: string };

/**
 * A chart drawn for a web page, made a file of its own: an XML declaration, the SVG namespace, and without the
 * root's `style` (max-width, height: auto), which is for the page's layout: the frame gives the size here.
 */
function standaloneSvg(svg: string): string {
  let root = svg.trim().replace(/^<\?xml[^>]*\?>\s*/, "");
  root = root.replace(/^<svg\b([^>]*?)(\/?)>/, (_m, attributes: string, selfClosing: string) => {
    let a = attributes.replace(/\sstyle="[^"]*"/, "");
    if (!/\sxmlns="/.test(a)) a += ' xmlns="http://www.w3.org/2000/svg"';
    return `<svg${a}${selfClosing}>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
}

const cm = (n: number) => `${Math.round(n * 1000) / 1000}cm`;

function imageXml(block: Extract<OdtBlock, { kind: "image" }>, n: number, pictures: Picture[]): string {
  const path = `Pictures/graphique-${n}.svg`;
  pictures.push({ path, data: standaloneSvg(block.svg), mediaType: "image/svg+xml" });
  const naturalWidth = (block.width * 2.54) / 96;
  const scale = Math.min(1, TEXT_WIDTH_CM / naturalWidth);
  const title = escapeXml(frenchTypography(block.title));
  const description = block.description ? `<svg:desc>${escapeXml(frenchTypography(block.description))}</svg:desc>` : "";
  // Anchored as a character in its own centred paragraph: it flows with the text and stays beside its table.
  return (
    `<text:p text:style-name="Figure"><draw:frame draw:style-name="Image" draw:name="Graphique${n}" text:anchor-type="as-char" svg:width="${cm(naturalWidth * scale)}" svg:height="${cm(((block.height * 2.54) / 96) * scale)}" draw:z-index="0">` +
    `<draw:image xlink:href="${path}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>` +
    `<svg:title>${title}</svg:title>${description}</draw:frame></text:p>`
  );
}

function compose(doc: OdtDocument): { content: string; pictures: Picture[] } {
  const headings: { level: number; text: string; anchor: string }[] = [];
  const pictures: Picture[] = [];
  let tables = 0;
  const body = doc.blocks
    .map((block) => {
      if (block.kind === "image") return imageXml(block, pictures.length + 1, pictures);
      if (block.kind === "heading") {
        const anchor = `titre-${headings.length + 1}`;
        headings.push({ level: block.level, text: block.text, anchor });
        return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}"><text:bookmark text:name="${anchor}"/>${textSpans(block.text)}</text:h>`;
      }
      if (block.kind === "paragraph") return paragraphs(block.text, "Text_20_body");
      tables++;
      const width = Math.max(1, block.header.length, ...block.rows.map((r) => r.length));
      const caption = block.caption ? paragraphs(block.caption, "Table_20_Caption") : "";
      return (
        caption +
        `<table:table table:name="Tableau${tables}" table:style-name="Table"><table:table-column table:number-columns-repeated="${width}"/>` +
        `<table:table-header-rows><table:table-row>${block.header.map((h) => cellXml(h, true)).join("")}</table:table-row></table:table-header-rows>` +
        block.rows.map((row) => `<table:table-row>${row.map((c) => cellXml(c, false)).join("")}</table:table-row>`).join("") +
        `</table:table>`
      );
    })
    .join("");
  const toc = doc.tableOfContents
    ? `<text:table-of-content text:name="Table des matières" text:protected="false">` +
      `<text:table-of-content-source text:outline-level="2"><text:index-title-template text:style-name="Contents_20_Heading">Table des matières</text:index-title-template></text:table-of-content-source>` +
      `<text:index-body><text:index-title text:name="Table des matières"><text:p text:style-name="Contents_20_Heading">Table des matières</text:p></text:index-title>` +
      headings
        .filter((h) => h.level <= 2)
        .map((h) => `<text:p text:style-name="Contents_20_${h.level}"><text:a xlink:type="simple" xlink:href="#${h.anchor}">${textSpans(h.text)}</text:a></text:p>`)
        .join("") +
      `</text:index-body></text:table-of-content>`
    : "";
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.2">` +
    `<office:automatic-styles><style:style style:name="Table" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style>` +
    `<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/></style:style>` +
    `<style:style style:name="Image" style:family="graphic"><style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/></style:style></office:automatic-styles>` +
    `<office:body><office:text>` +
    `<text:p text:style-name="Title">${textSpans(doc.title)}</text:p>` +
    (doc.subtitle ? `<text:p text:style-name="Subtitle">${textSpans(doc.subtitle)}</text:p>` : "") +
    toc +
    body +
    `</office:text></office:body></office:document-content>`;
  return { content, pictures };
}

export function odtContent(doc: OdtDocument): string {
  return compose(doc).content;
}

const paragraphStyle = (name: string, display: string, props: string, text = "") =>
  `<style:style style:name="${name}" style:display-name="${display}" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties ${props}/>${text ? `<style:text-properties ${text}/>` : ""}</style:style>`;

const styles =
  `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS} office:version="1.2"><office:styles>` +
  // French for the whole document: spelling, hyphenation, and the typography above.
  `<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="Marianne" fo:font-family="Marianne, Arial, sans-serif" fo:font-size="10.5pt" fo:language="fr" fo:country="FR" fo:hyphenate="true"/></style:default-style>` +
  `<style:style style:name="Standard" style:family="paragraph" style:class="text"/>` +
  paragraphStyle("Text_20_body", "Text body", 'fo:margin-top="0cm" fo:margin-bottom="0.2cm"') +
  paragraphStyle("Title", "Title", 'fo:text-align="center" fo:margin-bottom="0.3cm"', 'fo:font-size="20pt" fo:font-weight="bold"') +
  paragraphStyle("Subtitle", "Subtitle", 'fo:text-align="center" fo:margin-bottom="0.5cm"', 'fo:font-size="13pt"') +
  `<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>` +
  `<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>` +
  `<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="3" style:class="text"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11.5pt" fo:font-weight="bold"/></style:style>` +
  paragraphStyle("Contents_20_Heading", "Contents Heading", 'fo:margin-bottom="0.2cm"', 'fo:font-size="14pt" fo:font-weight="bold"') +
  paragraphStyle("Contents_20_1", "Contents 1", 'fo:margin-left="0cm"') +
  paragraphStyle("Contents_20_2", "Contents 2", 'fo:margin-left="0.5cm"') +
  paragraphStyle("Table_20_Contents", "Table Contents", 'fo:margin="0cm"', 'fo:font-size="9pt"') +
  paragraphStyle("Table_20_Heading", "Table Heading", 'fo:margin="0cm"', 'fo:font-size="9pt" fo:font-weight="bold"') +
  paragraphStyle("Table_20_Caption", "Table Caption", 'fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"', 'fo:font-style="italic"') +
  paragraphStyle("Number", "Number", 'fo:text-align="end" fo:margin="0cm"', 'fo:font-size="9pt"') +
  paragraphStyle("Figure", "Figure", 'fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"') +
  `</office:styles></office:document-styles>`;

function meta(title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${NS} office:version="1.2"><office:meta><meta:generator>Maillage</meta:generator><dc:title>${escapeXml(title)}</dc:title><dc:language>fr-FR</dc:language></office:meta></office:document-meta>`;
}

function manifest(pictures: Picture[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${ODT_MIMETYPE}"/>` +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
    `<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>` +
    `<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>` +
    pictures.map((p) => `<manifest:file-entry manifest:full-path="${p.path}" manifest:media-type="${p.mediaType}"/>`).join("") +
    `</manifest:manifest>`
  );
}

export function writeOdt(doc: OdtDocument): Uint8Array {
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
  const { content, pictures } = compose(doc);
  return zip([
    { name: "mimetype", data: utf8(ODT_MIMETYPE), store: true },
    { name: "META-INF/manifest.xml", data: utf8(manifest(pictures)) },
    { name: "content.xml", data: utf8(content) },
    { name: "styles.xml", data: utf8(styles) },
    { name: "meta.xml", data: utf8(meta(doc.title)) },
    ...pictures.map((p) => ({ name: p.path, data: utf8(p.data) })),
  ]);
}

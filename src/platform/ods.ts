/**
 * A minimal OpenDocument spreadsheet (ODF 1.2), written by hand because exceljs cannot write ODS
 * and the server must not depend on LibreOffice. An ODS file is a zip whose first entry is the
 * uncompressed `mimetype` (so that tools recognise it from its first bytes), then a manifest and
 * content.xml holding one table of text cells. The zip container is built here with Node's zlib.
 */
import { crc32, deflateRawSync } from "node:zlib";

export const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

// XML 1.0 forbids most control characters: one pasted from another tool would make the file unreadable.
// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(s: string): string {
  return s.replace(invalidXml, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** ODF collapses spaces and ignores line breaks in text: runs of spaces become <text:s/>, lines become paragraphs. */
function paragraphs(cell: string): string {
  return cell
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const text = escapeXml(line)
        .replace(/\t/g, "<text:tab/>")
        .replace(/ {2,}/g, (run) => ` <text:s text:c="${run.length - 1}"/>`)
        .replace(/^ /, "<text:s/>");
      return `<text:p>${text}</text:p>`;
    })
    .join("");
}

/** A cell: text, a number (a real number cell, so that sums and sorts work), or empty. */
export type OdsCell = string | number | null;

function cellXml(cell: OdsCell): string {
  if (cell === null || cell === "") return "<table:table-cell/>";
  if (typeof cell === "number") return Number.isFinite(cell) ? `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>` : "<table:table-cell/>";
  return `<table:table-cell office:value-type="string">${paragraphs(cell)}</table:table-cell>`;
}

export function odsContent(sheetName: string, rows: OdsCell[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const body = rows.map((row) => `<table:table-row>${row.map(cellXml).join("")}</table:table-row>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">` +
    `<office:body><office:spreadsheet><table:table table:name="${escapeXml(sheetName)}">` +
    `<table:table-column table:number-columns-repeated="${width}"/>${body}` +
    `</table:table></office:spreadsheet></office:body></office:document-content>`
  );
}

const manifest =
  `<?xml version="1.0" encoding="UTF-8"?>` +
  `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
  `<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${ODS_MIMETYPE}"/>` +
  `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
  `</manifest:manifest>`;

type Entry = { name: string; data: Uint8Array; store?: boolean };

/** A zip archive (no zip64, no encryption): enough for a few megabytes of spreadsheet. */
export function zip(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // A fixed DOS date (1980-01-01 00:00): the same data always gives the same bytes.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const body = entry.store ? Buffer.from(entry.data) : deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags: sizes are known, no data descriptor
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field: mimetype must sit at byte 38
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes stay 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

export function writeOds(sheetName: string, rows: OdsCell[][]): Uint8Array {
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
  return zip([
    { name: "mimetype", data: utf8(ODS_MIMETYPE), store: true },
    { name: "META-INF/manifest.xml", data: utf8(manifest) },
    { name: "content.xml", data: utf8(odsContent(sheetName, rows)) },
  ]);
}

/** A spreadsheet of several sheets (one table each), in order; sheet names are cut to 31 characters like a spreadsheet does. */
export function odsBookContent(sheets: readonly { name: string; rows: OdsCell[][] }[]): string {
  const tables = sheets
    .map(({ name, rows }) => {
      const width = Math.max(1, ...rows.map((r) => r.length));
      const body = rows.map((row) => `<table:table-row>${row.map(cellXml).join("")}</table:table-row>`).join("");
      return `<table:table table:name="${escapeXml(name.slice(0, 31))}"><table:table-column table:number-columns-repeated="${width}"/>${body}</table:table>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">` +
    `<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`
  );
}

export function writeOdsBook(sheets: readonly { name: string; rows: OdsCell[][] }[]): Uint8Array {
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
  return zip([
    { name: "mimetype", data: utf8(ODS_MIMETYPE), store: true },
    { name: "META-INF/manifest.xml", data: utf8(manifest) },
    { name: "content.xml", data: utf8(odsBookContent(sheets)) },
  ]);
}

/**
 * Crafted zip files for the tests of the file limits: entries deflated in a stream (a 100 MB entry
 * costs the test 100 KB), and sizes that the central directory may state falsely.
 */
import zlib from "node:zlib";

export type CraftedEntry = {
  name: string;
  /** The content, given as chunks repeated: a huge entry without holding it in memory. */
  chunks: Iterable<Buffer>;
  /** A false uncompressed size to write in the headers (a zip bomb's lie). */
  declaredSize?: number;
};

async function deflate(chunks: Iterable<Buffer>): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    size += chunk.length;
    crc = zlib.crc32(chunk, crc);
    if (!deflater.write(chunk)) await new Promise((r) => deflater.once("drain", r));
  }
  deflater.end();
  await ended;
  return { data: Buffer.concat(out), size, crc: crc >>> 0 };
}

/** A zip whose entries are deflated (method 8). */
export async function craftZip(entries: CraftedEntry[]): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, size, crc } = await deflate(entry.chunks);
    const stated = entry.declaredSize ?? size;
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(stated, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(stated, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/** `times` copies of a chunk, lazily. */
export function* repeat(chunk: Buffer | string, times: number): Generator<Buffer> {
  const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
  for (let i = 0; i < times; i++) yield b;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lieux" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
export const SHEET_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_END = `</sheetData></worksheet>`;

/** A minimal XLSX workbook (one sheet named « Lieux ») whose sheet XML is given as chunks. */
export function craftXlsx(sheet: Iterable<Buffer>, options: { declaredSheetSize?: number } = {}): Promise<Uint8Array> {
  const one = (s: string) => [Buffer.from(s)];
  return craftZip([
    { name: "[Content_Types].xml", chunks: one(CONTENT_TYPES) },
    { name: "_rels/.rels", chunks: one(ROOT_RELS) },
    { name: "xl/workbook.xml", chunks: one(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", chunks: one(WORKBOOK_RELS) },
    { name: "xl/worksheets/sheet1.xml", chunks: sheet, declaredSize: options.declaredSheetSize },
  ]);
}

/** Sheet XML: the given rows of inline strings (row 1 first). */
export function sheetOf(rows: string[][]): Buffer[] {
  const letters = (n: number) => {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => `<c r="${letters(c + 1)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`).join("")}</row>`)
    .join("");
  return [Buffer.from(SHEET_START + body + SHEET_END)];
}

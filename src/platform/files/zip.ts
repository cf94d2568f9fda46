/**
 * Reads a zip file (an XLSX workbook) under hard limits, inflating entry by entry and counting as it
 * goes (decision 007): the sizes a zip declares are checked before inflating, and the bytes actually
 * inflated are counted too (yauzl refuses an entry that inflates past its declared size), so a file
 * that claims little and inflates to gigabytes is stopped after `entryBytes` at most.
 */
import zlib from "node:zlib";
import yauzl from "yauzl";
import { formatNumber } from "@/platform/text";
import { SHEET_LIMITS } from "./limits";

export type ZipLimits = { entries: number; entryBytes: number; totalBytes: number };
export type ZipRead = { ok: true; entries: Map<string, Buffer> } | { ok: false; error: string };

const mb = (bytes: number) => `${formatNumber(Math.round(bytes / (1024 * 1024)))} Mo`;

export const zipMessages = {
  unreadable: "Le classeur n'a pas pu être ouvert : enregistrez-le au format XLSX (Excel) ou CSV, puis déposez-le à nouveau.",
  entries: (n: number) => `Le classeur contient plus de ${formatNumber(n)} fichiers internes : ce n'est pas un tableur ordinaire. Enregistrez-le au format CSV.`,
  entry: (name: string, limit: number) =>
    `Une fois décompressée, une partie du classeur (${name.slice(0, 80)}) dépasse ${mb(limit)} : le fichier est refusé sans être lu. Enregistrez la feuille utile au format CSV, ou découpez-la.`,
  total: (limit: number) => `Une fois décompressé, le classeur dépasse ${mb(limit)} : le fichier est refusé sans être lu. Enregistrez la feuille utile au format CSV, ou découpez-la.`,
  lying: "Le classeur est corrompu : une de ses parties contient plus de données qu'elle n'en annonce. Le fichier est refusé sans être lu ; enregistrez-le à nouveau depuis votre tableur.",
  encrypted: "Le classeur est protégé par un mot de passe : enregistrez-le sans protection, puis déposez-le à nouveau.",
};

class Refused extends Error {}

/** Every file of the zip, inflated, or the first limit it broke (a French sentence). */
export function readZipWithLimits(bytes: Uint8Array, limits: ZipLimits = SHEET_LIMITS): Promise<ZipRead> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ZipRead, zip?: yauzl.ZipFile) => {
      if (settled) return;
      settled = true;
      zip?.close();
      resolve(result);
    };
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return done({ ok: false, error: zipMessages.unreadable });
      if (zip.entryCount > limits.entries) return done({ ok: false, error: zipMessages.entries(limits.entries) }, zip);
      const entries = new Map<string, Buffer>();
      let total = 0;
      zip.on("error", () => done({ ok: false, error: zipMessages.unreadable }, zip));
      zip.on("end", () => done({ ok: true, entries }, zip));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (settled) return;
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        if (entry.isEncrypted()) return done({ ok: false, error: zipMessages.encrypted }, zip);
        // Declared sizes first: nothing is inflated for a file that announces too much.
        if (entry.uncompressedSize > limits.entryBytes) return done({ ok: false, error: zipMessages.entry(entry.fileName, limits.entryBytes) }, zip);
        if (total + entry.uncompressedSize > limits.totalBytes) return done({ ok: false, error: zipMessages.total(limits.totalBytes) }, zip);
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return done({ ok: false, error: zipMessages.unreadable }, zip);
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on("data", (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            // Declared sizes may lie: count what is really inflated (yauzl also stops past the declared size).
            if (size > limits.entryBytes || total > limits.totalBytes) {
              stream.destroy(new Refused(size > limits.entryBytes ? zipMessages.entry(entry.fileName, limits.entryBytes) : zipMessages.total(limits.totalBytes)));
              return;
            }
            chunks.push(chunk);
          });
          stream.on("error", (e) =>
            done({ ok: false, error: e instanceof Refused ? e.message : /too many bytes/i.test(e.message) ? zipMessages.lying : zipMessages.unreadable }, zip),
          );
          stream.on("end", () => {
            if (settled) return;
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * A zip holding exactly the given files, stored without compression. The spreadsheet library is given
 * this copy of what was checked, never the original: it cannot read anything the checks did not see
 * (a second central directory, an entry that inflates differently).
 */
export function storedZip(entries: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time, date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

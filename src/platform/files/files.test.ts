import { describe, expect, it } from "vitest";
import { craftXlsx, craftZip, repeat, sheetOf, SHEET_END, SHEET_START } from "@/testing/crafted-zip";
import { jsonDepthExceeds } from "./json";
import { fileTooBigMessage, INDICATORS_FILE, PLACES_FILE, PRODUCER_FILE } from "./limits";
import { receiveUpload, uploadedFile } from "./upload";
import { FileSlots } from "./slots";
import { checkSheetXml } from "./xlsx";
import { readZipWithLimits, storedZip } from "./zip";

const MiB = 1024 * 1024;

describe("JSON nesting, measured without recursion", () => {
  it("200,000 nested arrays are too deep (and measuring them does not overflow the stack)", () => {
    const n = 200_000;
    expect(jsonDepthExceeds("[".repeat(n) + "]".repeat(n))).toBe(true);
    expect(jsonDepthExceeds('{"a":'.repeat(n) + "1" + "}".repeat(n))).toBe(true);
  });

  it("a list of places nested 3 deep is fine; brackets inside strings do not count", () => {
    expect(jsonDepthExceeds('[{"nom":"A","adresse":{"commune":"Cognac"}}]')).toBe(false);
    expect(jsonDepthExceeds(`[{"nom":"${"[{".repeat(100)}\\"${"[".repeat(100)}"}]`)).toBe(false);
    expect(jsonDepthExceeds("[".repeat(5) + "]".repeat(5), 4)).toBe(true);
    expect(jsonDepthExceeds("[".repeat(4) + "]".repeat(4), 4)).toBe(false);
  });
});

describe("zip entries inflated under limits", () => {
  const limits = { entries: 10, entryBytes: 4 * MiB, totalBytes: 6 * MiB };

  it("reads every file of a small zip", async () => {
    const zip = await craftZip([
      { name: "a.txt", chunks: repeat("bonjour ", 3) },
      { name: "dossier/b.txt", chunks: repeat("x", 1) },
    ]);
    const read = await readZipWithLimits(zip, limits);
    expect(read.ok && Object.fromEntries([...read.entries].map(([k, v]) => [k, v.toString()]))).toEqual({ "a.txt": "bonjour bonjour bonjour ", "dossier/b.txt": "x" });
  });

  it("an entry that declares 100 MB is refused before inflating, with the part named", async () => {
    const zip = await craftZip([{ name: "xl/worksheets/sheet1.xml", chunks: repeat(Buffer.alloc(MiB, 0x61), 100) }]);
    // 100 MB of "a" deflates to about 100 KB: the file is small, the content is not.
    expect(zip.length).toBeLessThan(200 * 1024);
    const read = await readZipWithLimits(zip, limits);
    expect(read).toEqual({ ok: false, error: expect.stringContaining("Une fois décompressée, une partie du classeur (xl/worksheets/sheet1.xml) dépasse 4 Mo") });
  });

  it("an entry that lies about its size (declares 1 KB, inflates to 100 MB) is stopped", async () => {
    const zip = await craftZip([{ name: "xl/worksheets/sheet1.xml", chunks: repeat(Buffer.alloc(MiB, 0x61), 100), declaredSize: 1024 }]);
    const read = await readZipWithLimits(zip, limits);
    expect(read).toEqual({ ok: false, error: expect.stringContaining("contient plus de données qu'elle n'en annonce") });
  });

  it("the total of the entries is limited as well as each one", async () => {
    const mb3 = () => repeat(Buffer.alloc(MiB, 0x62), 3);
    const zip = await craftZip([
      { name: "a.xml", chunks: mb3() },
      { name: "b.xml", chunks: mb3() },
      { name: "c.xml", chunks: mb3() },
    ]);
    expect(await readZipWithLimits(zip, limits)).toEqual({ ok: false, error: expect.stringContaining("Une fois décompressé, le classeur dépasse 6 Mo") });
  });

  it("too many files inside, or not a zip at all", async () => {
    const many = await craftZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, chunks: repeat("x", 1) })));
    expect(await readZipWithLimits(many, limits)).toEqual({ ok: false, error: expect.stringContaining("plus de 10 fichiers internes") });
    expect(await readZipWithLimits(new TextEncoder().encode("PK\u0003\u0004 pas un zip"), limits)).toEqual({ ok: false, error: expect.stringContaining("n'a pas pu être ouvert") });
  });

  it("storedZip writes back exactly what was read", async () => {
    const entries = new Map([["a.txt", Buffer.from("é à ü")], ["b/c.xml", Buffer.from("<x/>")]]);
    const read = await readZipWithLimits(storedZip(entries), limits);
    expect(read.ok && [...read.entries].map(([k, v]) => [k, v.toString()])).toEqual([["a.txt", "é à ü"], ["b/c.xml", "<x/>"]]);
  });
});

describe("sheet XML checked before the spreadsheet library reads it", () => {
  const limits = { rows: 3, columns: 2, cells: 5, cellChars: 10 };
  const xml = (rows: string[][]) => sheetOf(rows).join("");

  it("accepts a sheet within the limits", () => {
    expect(checkSheetXml(xml([["nom", "ville"], ["A", "Cognac"], ["B"]]), limits)).toBeNull();
  });

  it("refuses one cell too long, rows past the limit, a value past the last column, too many cells", () => {
    expect(checkSheetXml(xml([["nom"], ["x".repeat(11)]]), limits)).toBe("Une cellule du classeur dépasse 10 caractères (la limite d'Excel) : le fichier est refusé sans être lu.");
    expect(checkSheetXml(xml([["a"], ["b"], ["c"], ["d"]]), limits)).toBe("Le classeur compte plus de 2 lignes remplies dans une feuille : découpez-le en plusieurs fichiers.");
    expect(checkSheetXml(xml([["a", "b", "c"]]), limits)).toContain("au-delà de la colonne 2");
    expect(checkSheetXml(xml([["a", "b"], ["c", "d"], ["e", "f"]]), limits)).toBe("Le classeur compte plus de 5 cellules remplies : découpez-le en plusieurs fichiers.");
  });

  it("styled empty rows and cells do not count; shared strings are measured one by one", () => {
    const styled = `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>nom</t></is></c><c r="Z1" s="2"/></row>${'<row r="9" s="1"/>'.repeat(10)}${SHEET_END}`;
    expect(checkSheetXml(styled, limits)).toBeNull();
    const strings = `<sst><si><t>${"a".repeat(10)}</t></si><si><t>${"b".repeat(10)}</t></si></sst>`;
    expect(checkSheetXml(strings, limits)).toBeNull();
    expect(checkSheetXml(`<sst><si><r><t>${"a".repeat(6)}</t></r><r><t>${"a".repeat(6)}</t></r></si></sst>`, limits)).toContain("dépasse 10 caractères");
  });

  it("a crafted XLSX with one 100 MB inline string is refused while inflating", async () => {
    const sheet = [Buffer.from(`${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>`), ...repeat(Buffer.alloc(MiB, 0x61), 100), Buffer.from(`</t></is></c></row>${SHEET_END}`)];
    const file = await craftXlsx(sheet);
    expect(file.length).toBeLessThan(200 * 1024);
    const read = await readZipWithLimits(file);
    expect(read).toEqual({ ok: false, error: expect.stringContaining("(xl/worksheets/sheet1.xml) dépasse 64 Mo") });
  });
});

describe("file-reading slots", () => {
  const gate = () => {
    let open: () => void = () => {};
    const opened = new Promise<void>((r) => (open = r));
    return { open, opened };
  };

  it("one reading per territory: a second one is refused at once with a French message", async () => {
    const slots = new FileSlots({ global: 2, waitMs: 1_000, queue: 4 });
    const g = gate();
    const first = slots.run("t1", () => g.opened.then(() => "lu"));
    await expect(slots.run("t1", async () => "second")).rejects.toMatchObject({ id: "file_busy", message: expect.stringContaining("déjà en cours de lecture pour ce territoire") });
    g.open();
    expect(await first).toBe("lu");
    // Released: the territory reads again.
    expect(await slots.run("t1", async () => "encore")).toBe("encore");
  });

  it("two readings at once in the process; a third waits its turn, then runs", async () => {
    const slots = new FileSlots({ global: 2, waitMs: 5_000, queue: 4 });
    const a = gate();
    const b = gate();
    const order: string[] = [];
    const ra = slots.run("a", () => a.opened.then(() => order.push("a")));
    const rb = slots.run("b", () => b.opened.then(() => order.push("b")));
    const rc = slots.run("c", async () => order.push("c"));
    await Promise.resolve();
    expect(slots.state).toMatchObject({ running: 2, waiting: 1 });
    a.open();
    await ra;
    await rc;
    b.open();
    await rb;
    expect(order).toEqual(["a", "c", "b"]);
    expect(slots.state).toMatchObject({ running: 0, waiting: 0, territories: [] });
  });

  it("a reading that waited too long, or a full queue, is refused (server_busy) and frees its territory", async () => {
    const slots = new FileSlots({ global: 1, waitMs: 50, queue: 1 });
    const a = gate();
    const ra = slots.run("a", () => a.opened);
    const late = slots.run("b", async () => "jamais");
    await expect(slots.run("c", async () => "jamais")).rejects.toMatchObject({ id: "server_busy" });
    await expect(late).rejects.toMatchObject({ id: "server_busy", message: expect.stringContaining("réessayez dans une minute") });
    expect(slots.state.territories).toEqual(["a"]);
    a.open();
    await ra;
  });

  it("an error inside the reading frees both slots", async () => {
    const slots = new FileSlots({ global: 1, waitMs: 50, queue: 1 });
    await expect(slots.run("a", async () => Promise.reject(new Error("illisible")))).rejects.toThrow("illisible");
    expect(await slots.run("a", async () => "ok")).toBe("ok");
  });
});

describe("the uploaded file of a form", () => {
  const form = (file?: File) => {
    const f = new FormData();
    if (file) f.set("file", file);
    return f;
  };
  const options = { maxBytes: 1000, limitLabel: "1 ko", missing: "Choisissez un fichier CSV ou JSON." };

  it("missing or empty: the field's message", () => {
    expect(() => uploadedFile(form(), "file", options)).toThrow(expect.objectContaining({ fieldErrors: { file: ["Choisissez un fichier CSV ou JSON."] } }));
    expect(() => uploadedFile(form(new File([], "vide.csv")), "file", options)).toThrow(expect.objectContaining({ id: "validation" }));
  });

  it("over the announced limit: the same sentence as in the browser, with its size", () => {
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 300 * 1024)], "lieux.csv");
    expect(() => uploadedFile(form(big), "file", options)).toThrow(
      expect.objectContaining({
        id: "file_refused",
        message: "Le fichier « lieux.csv » pèse 2,3 Mo : la limite est de 1 ko. Découpez-le en plusieurs fichiers, ou retirez les colonnes inutiles. Rien n'a été envoyé ni enregistré.",
      }),
    );
    expect(fileTooBigMessage("lieux.csv", 25 * 1024 * 1024, "20 Mo")).toContain("pèse 25 Mo : la limite est de 20 Mo");
  });

  it("within the limit: the file itself", () => {
    const ok = new File(["nom\nA\n"], "lieux.csv");
    expect(uploadedFile(form(ok), "file", options).name).toBe("lieux.csv");
  });

  it("each upload form's spec is the one check of its action: its own message, its limit, then the bytes", async () => {
    await expect(receiveUpload(form(), PLACES_FILE)).rejects.toMatchObject({ fieldErrors: { file: ["Choisissez un fichier CSV ou JSON."] } });
    await expect(receiveUpload(form(), PRODUCER_FILE)).rejects.toMatchObject({ fieldErrors: { file: ["Choisissez un fichier CSV, XLSX ou JSON."] } });
    await expect(receiveUpload(form(), INDICATORS_FILE)).rejects.toMatchObject({ fieldErrors: { file: ["Choisissez un fichier CSV ou XLSX."] } });
    const sixMiB = new File([new Uint8Array(6 * 1024 * 1024)], "indicateurs.csv");
    await expect(receiveUpload(form(sixMiB), INDICATORS_FILE)).rejects.toMatchObject({ id: "file_refused", fieldErrors: { file: [expect.stringContaining("la limite est de 5 Mo")] } });
    expect(await receiveUpload(form(new File(["nom\nA\n"], "lieux.csv")), PLACES_FILE)).toEqual({ filename: "lieux.csv", bytes: new TextEncoder().encode("nom\nA\n") });
  });
});

/**
 * Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF). The IFN
 * files happen to need none of it today, but commune names may contain commas.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') inQuotes = false;
      else field += char;
    } else if (char === '"') inQuotes = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records.filter((r) => r.length > 1 || r[0] !== "");
  if (!header) throw new Error("empty CSV");
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV row ${index + 2}: ${row.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""]));
  });
}

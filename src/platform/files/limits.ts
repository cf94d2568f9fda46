/**
 * The limits every file a person uploads is read under, in one place: the forms announce them, the
 * server actions and readers enforce them, next.config.ts sizes the request body from them.
 * Nothing here imports a module (platform code), so next.config.ts can import it too.
 */

const MiB = 1024 * 1024;

/** The largest file a form accepts (places, column mapping). Announced as UPLOAD_LIMIT_LABEL. */
export const MAX_UPLOAD_BYTES = 20 * MiB;
export const UPLOAD_LIMIT_LABEL = "20 Mo";

/** The indicators import (one line per commune: a small file). */
export const MAX_INDICATORS_BYTES = 5 * MiB;
export const INDICATORS_LIMIT_LABEL = "5 Mo";

/**
 * One upload form's file, declared once: the form announces and checks it in the browser (FileField's
 * maxBytes, limitLabel, accept), the server action checks it again (receiveUpload in ./upload.ts).
 */
export type UploadSpec = { maxBytes: number; limitLabel: string; accept: string; missing: string };

/** A file of places at the national standard (import). */
export const PLACES_FILE: UploadSpec = { maxBytes: MAX_UPLOAD_BYTES, limitLabel: UPLOAD_LIMIT_LABEL, accept: ".csv,.json,text/csv,application/json", missing: "Choisissez un fichier CSV ou JSON." };

/** A producer's own table, to map onto the standard (column mapping). */
export const PRODUCER_FILE: UploadSpec = {
  maxBytes: MAX_UPLOAD_BYTES,
  limitLabel: UPLOAD_LIMIT_LABEL,
  accept: ".csv,.tsv,.txt,.xlsx,.json,.geojson,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  missing: "Choisissez un fichier CSV, XLSX ou JSON.",
};

/** A table of indicators per commune. */
export const INDICATORS_FILE: UploadSpec = {
  maxBytes: MAX_INDICATORS_BYTES,
  limitLabel: INDICATORS_LIMIT_LABEL,
  accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  missing: "Choisissez un fichier CSV ou XLSX.",
};

/**
 * What Next.js lets through to a server action (and buffers for the proxy): the largest file plus
 * room for the multipart envelope and the form's other fields. A file between the announced limit and
 * this one reaches our code and gets our French message; larger requests are refused by Next.js before
 * they reach us, so the forms check the size in the browser first (upload-size.ts).
 */
export const REQUEST_BODY_LIMIT_BYTES = MAX_UPLOAD_BYTES + 2 * MiB;

/**
 * Spreadsheets (XLSX) are zip files: these limits are checked while inflating, before anything is
 * parsed, so a small file that inflates to gigabytes is refused after reading at most `entryBytes`.
 * A sheet of 20,000 places × 40 columns inflates to about 35 MB of XML.
 */
export const SHEET_LIMITS = {
  /** Files inside the zip. */
  entries: 1_000,
  /** Inflated size of one file inside the zip (a sheet's XML, the shared strings). */
  entryBytes: 64 * MiB,
  /** Inflated size of all of them. */
  totalBytes: 128 * MiB,
  /** Filled cells of the sheet read (what the spreadsheet library holds in memory). */
  cells: 1_000_000,
  /** Excel's own limit for one cell. */
  cellChars: 32_767,
} as const;

/** Rows and columns of a producer's table (CSV, XLSX or JSON), header excluded. */
export const TABLE_LIMITS = { rows: 50_000, columns: 200 } as const;

/** Nesting of a JSON document: a list of places is 3 or 4 levels deep; GeoJSON a few more. */
export const JSON_MAX_DEPTH = 32;

/** Characters of one CSV line (all its cells), so that a line without an end cannot grow without bound. */
export const CSV_MAX_RECORD_CHARS = 1_000_000;

/** "13,5 Mo": sizes as people read them (no import: this file is also read by next.config.ts and the browser). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb)} Mo`;
}

/** The same sentence in the browser (before sending) and on the server. */
export function fileTooBigMessage(name: string, bytes: number, limitLabel: string): string {
  const shown = name.length > 80 ? `${name.slice(0, 77)}…` : name;
  return `Le fichier « ${shown} » pèse ${formatMegabytes(bytes)} : la limite est de ${limitLabel}. Découpez-le en plusieurs fichiers, ou retirez les colonnes inutiles. Rien n'a été envoyé ni enregistré.`;
}

/** Files read at once in one process, and how long one waits for its turn (slots.ts). */
export const FILE_READINGS_AT_ONCE = 2;
export const FILE_WAIT_SECONDS = 20;
/** Shown under an upload form while it is processed: a reading may be waiting for its turn. */
export const FILE_PENDING_NOTE = `Lecture du fichier en cours. Si le serveur lit déjà d'autres fichiers, le vôtre attend son tour (${FILE_WAIT_SECONDS} secondes au plus) : gardez cette page ouverte.`;

/** The scanned page of a handwritten signature (signatures): a PDF or a photo of the page. */
export const MAX_SCAN_BYTES = 10 * MiB;
export const SCAN_FILE: UploadSpec = {
  maxBytes: MAX_SCAN_BYTES,
  limitLabel: "10 Mo",
  accept: ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg",
  missing: "Choisissez la page signée : un fichier PDF, PNG ou JPEG.",
};

/** A PDF anyone checks against the signature journal (public page). */
export const SIGNED_PDF_FILE: UploadSpec = { maxBytes: MAX_UPLOAD_BYTES, limitLabel: UPLOAD_LIMIT_LABEL, accept: ".pdf,application/pdf", missing: "Choisissez le fichier PDF à vérifier." };

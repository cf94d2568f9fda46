/**
 * Raw answers, one row per response and one column per question, as survey owners use them in a
 * spreadsheet: a multiple-choice question is expanded into one 0/1 column per choice (plus its
 * "autre" precision), numbers stay numbers. Written by the platform's spreadsheet writer (CSV with
 * ";", XLSX, ODS); every text cell that a spreadsheet would run as a formula is neutralised.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { formatDateTime } from "@/platform/text";
import { neutralizeCell, toCsv, toOds, toXlsx, type Cell, type SpreadsheetFormat } from "@/platform/spreadsheet";
import { allQuestions, choicesOf, type Structure } from "./logic";
import { communeNames, rowsOf } from "./queries";
import { OTHER, OUTSIDE } from "./types";

export { isSpreadsheetFormat, spreadsheetFormats, type SpreadsheetFormat } from "@/platform/spreadsheet";
export type { Cell };

type Column = { header: string; value: (r: ExportResponse) => Cell };

export type ExportResponse = {
  number: number;
  submittedAt: Date;
  campaign: string;
  source: "web" | "paper";
  suspect: boolean;
  answers: Map<string, { key: string | null; keys: string[] | null; number: number | null; text: string | null }>;
};

/** Every submitted response that counts (excluded ones are left out), oldest first, with its answers. */
export async function responsesForExport(db: Executor, territoryId: string, questionnaireId: string): Promise<{ responses: ExportResponse[]; communes: Map<string, string> }> {
  const [heads, answers] = await Promise.all([
    db.execute(sql`select r.id, r.submitted_at, r.source, r.suspect, c.label from questionnaire_responses r join questionnaire_campaigns c on c.id = r.campaign_id
      where r.territory_id = ${territoryId} and r.questionnaire_id = ${questionnaireId} and r.submitted_at is not null and not r.excluded order by r.submitted_at, r.id`),
    db.execute(sql`select a.response_id, a.question_id, a.key, a.keys, a.number, a.text from questionnaire_answers a join questionnaire_responses r on r.id = a.response_id
      where r.territory_id = ${territoryId} and r.questionnaire_id = ${questionnaireId} and r.submitted_at is not null and not r.excluded`),
  ]);
  const byId = new Map<string, ExportResponse>();
  const responses = rowsOf<{ id: string; submitted_at: string | Date; source: "web" | "paper"; suspect: boolean; label: string }>(heads).map((h, i) => {
    const r: ExportResponse = { number: i + 1, submittedAt: new Date(h.submitted_at), campaign: h.label, source: h.source, suspect: h.suspect, answers: new Map() };
    byId.set(h.id, r);
    return r;
  });
  const codes = new Set<string>();
  for (const a of rowsOf<{ response_id: string; question_id: string; key: string | null; keys: string[] | null; number: number | string | null; text: string | null }>(answers)) {
    byId.get(a.response_id)?.answers.set(a.question_id, { key: a.key, keys: a.keys, number: a.number === null ? null : Number(a.number), text: a.text });
    if (a.key && /^\d[0-9AB]\d{3}$/.test(a.key)) codes.add(a.key);
  }
  return { responses, communes: await communeNames(db, [...codes]) };
}

/** The columns: the response's own, then each question's (several for a multiple choice or a commune). */
export function exportColumns(structure: Structure, communes: Map<string, string>): Column[] {
  const columns: Column[] = [
    { header: "Réponse n°", value: (r) => r.number },
    { header: "Envoyée le", value: (r) => formatDateTime(r.submittedAt) },
    { header: "Campagne", value: (r) => r.campaign },
    { header: "Saisie", value: (r) => (r.source === "paper" ? "questionnaire papier" : "en ligne") },
    { header: "Suspecte", value: (r) => (r.suspect ? 1 : 0) },
  ];
  for (const q of allQuestions(structure)) {
    const title = `Q${q.number}. ${q.label}`;
    const get = (r: ExportResponse) => r.answers.get(q.id);
    switch (q.type) {
      case "single": {
        const labels = new Map(choicesOf(q).map((c) => [c.value, c.value === OTHER ? "Autre" : c.label]));
        columns.push({ header: title, value: (r) => (get(r)?.key ? (labels.get(get(r)?.key ?? "") ?? get(r)?.key ?? null) : null) });
        if (q.settings.allowOther) columns.push({ header: `Q${q.number}. Autre, précisez`, value: (r) => get(r)?.text ?? null });
        break;
      }
      case "multiple":
        for (const c of choicesOf(q)) {
          // Empty when the question was not answered (not shown, or left blank): never a false 0.
          columns.push({ header: `Q${q.number}. ${c.value === OTHER ? "Autre" : c.label}`, value: (r) => (get(r) ? (get(r)?.keys?.includes(c.value) ? 1 : 0) : null) });
        }
        if (q.settings.allowOther) columns.push({ header: `Q${q.number}. Autre, précisez`, value: (r) => get(r)?.text ?? null });
        break;
      case "scale":
      case "number":
        columns.push({ header: title, value: (r) => get(r)?.number ?? null });
        break;
      case "commune":
        columns.push({ header: title, value: (r) => (get(r)?.key === OUTSIDE ? "Hors du territoire" : get(r)?.key ? (communes.get(get(r)?.key ?? "") ?? null) : null) });
        columns.push({ header: `Q${q.number}. Code INSEE`, value: (r) => (get(r)?.key && get(r)?.key !== OUTSIDE ? (get(r)?.key ?? null) : null) });
        break;
      default:
        columns.push({ header: title, value: (r) => get(r)?.text ?? null });
    }
  }
  return columns;
}

/** Header then one row per response; text cells neutralised (again by the writer: harmless), numbers kept as numbers. */
export function exportTable(structure: Structure, data: { responses: ExportResponse[]; communes: Map<string, string> }): Cell[][] {
  const columns = exportColumns(structure, data.communes);
  return [columns.map((c) => neutralizeCell(c.header)), ...data.responses.map((r) => columns.map((c) => neutralizeCell(c.value(r))))];
}

/** CSV for a French spreadsheet (";"), XLSX and ODS with numbers kept as numbers: the platform's writer. */
export async function writeExport(format: SpreadsheetFormat, table: Cell[][]): Promise<Uint8Array | string> {
  const [header = [], ...rows] = table;
  const head = header.map((h) => String(h ?? ""));
  if (format === "csv") return toCsv(head, rows, ";");
  if (format === "xlsx") return toXlsx("Réponses", head, rows, head.map((h, i) => (i < 5 ? 16 : Math.min(40, Math.max(12, Math.round(h.length * 0.6))))));
  return toOds("Réponses", head, rows);
}

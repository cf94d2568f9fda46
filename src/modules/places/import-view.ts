import type { ImportLine, ImportReport } from "./commands";
import { reportCounts, type ReportCounts } from "./import-outcome";

/** Rows of a report shown on the page (the whole report of 20,000 lines would weigh megabytes). */
export const SHOWN_ROWS = 500;

/** What the page shows of an import report: its counts (ReportCounts), and the first rows of the issues and lines. */
export type ImportReportView = ReportCounts & {
  issueCount: number;
  issues: ImportReport["issues"];
  lines: ImportLine[];
  /** The sources of the places written (or to write), at most MAX_SOURCES: the report links to them. */
  sources: string[];
};

export const MAX_SOURCES = 5;

/** The distinct sources of the lines written, in the file's order (the places list filters on one). */
export function writtenSources(lines: ImportLine[]): string[] {
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.source === undefined || !(l.status === "created" || l.status === "updated" || l.status === "unchanged")) continue;
    seen.add(l.source);
    if (seen.size >= MAX_SOURCES) break;
  }
  return [...seen];
}

export function importReportView(report: ImportReport): ImportReportView {
  return {
    ...reportCounts(report),
    issueCount: report.issues.length,
    issues: report.issues.slice(0, SHOWN_ROWS),
    lines: report.lines.slice(0, SHOWN_ROWS),
    sources: writtenSources(report.lines),
  };
}

/** A job's progress, as the page and the JSON route give it to the progress bar. */
export type JobProgress = {
  id: string;
  kind: "check" | "commit";
  filename: string;
  state: "queued" | "reading" | "checking" | "saving" | "done" | "failed";
  done: number;
  total: number;
  percent: number;
  finished: boolean;
};

export function jobProgress(job: JobProgress): JobProgress {
  return { id: job.id, kind: job.kind, filename: job.filename, state: job.state, done: job.done, total: job.total, percent: job.percent, finished: job.finished };
}

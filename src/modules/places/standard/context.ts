/** Collects the issues of one record, stamped with its line and id. */
import type { Issue } from "./schema";

export class Context {
  readonly issues: Issue[] = [];
  constructor(
    readonly line: number,
    public id: string,
  ) {}
  warn(field: string, message: string): void {
    this.issues.push({ line: this.line, id: this.id, field, level: "warning", message });
  }
  fail(field: string, message: string): void {
    this.issues.push({ line: this.line, id: this.id, field, level: "error", message });
  }
}

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper shared with the shell
import { countSuite } from "./count-report.mjs";

type Test = { status: "passed" | "failed" | "skipped" | "pending" | "todo"; title: string };
type File = { name: string; status: "passed" | "failed"; message?: string; tests: Test[] };

/** A vitest JSON report (the shape vitest 4 writes with --reporter=json) for these files. */
function report(files: File[], overrides: Record<string, unknown> = {}): string {
  const all = files.flatMap((f) => f.tests);
  const n = (s: string) => all.filter((t) => t.status === s).length;
  return JSON.stringify({
    numTotalTestSuites: files.length,
    numPassedTestSuites: files.filter((f) => f.status === "passed").length,
    numFailedTestSuites: files.filter((f) => f.status === "failed").length,
    numPendingTestSuites: 0,
    numTotalTests: all.length,
    numPassedTests: n("passed"),
    numFailedTests: n("failed"),
    numPendingTests: n("skipped") + n("pending"),
    numTodoTests: n("todo"),
    startTime: 1,
    success: files.every((f) => f.status === "passed"),
    testResults: files.map((f) => ({
      name: f.name,
      status: f.status,
      message: f.message ?? "",
      assertionResults: f.tests.map((t) => ({ ancestorTitles: ["suite"], fullName: `suite ${t.title}`, title: t.title, status: t.status, failureMessages: [] })),
    })),
    ...overrides,
  });
}

const green: File = { name: "/a.test.ts", status: "passed", tests: [{ status: "passed", title: "one" }, { status: "passed", title: "two" }, { status: "passed", title: "three" }] };

describe("counting a suite for CI", () => {
  it("counts a green suite as its tests", () => {
    expect(countSuite({ name: "unit", exitCode: 0, report: report([green]) })).toEqual({ passed: 3, failed: 0, skipped: 0, problems: [] });
  });

  it("counts a failing test", () => {
    const r = countSuite({ name: "unit", exitCode: 1, report: report([green, { name: "/b.test.ts", status: "failed", tests: [{ status: "passed", title: "ok" }, { status: "failed", title: "ko" }] }]) });
    expect([r.passed, r.failed]).toEqual([4, 1]);
    expect(r.problems).toEqual(["unit : la suite a terminé avec le code 1"]);
  });

  it("fails a suite whose tests all passed but which exited with 1 (an unhandled error)", () => {
    const r = countSuite({ name: "unit", exitCode: 1, report: report([green]) });
    expect([r.passed, r.failed]).toEqual([3, 1]);
    expect(r.problems).toEqual(["unit : la suite a terminé avec le code 1 (erreur hors des tests ?)"]);
  });

  it("fails a suite that found no test file, or no test", () => {
    expect(countSuite({ name: "e2e", exitCode: 0, report: report([]) }).failed).toBe(1);
    expect(countSuite({ name: "e2e", exitCode: 0, report: report([{ name: "/empty.test.ts", status: "passed", tests: [] }]) }).problems).toEqual(["e2e : aucun test"]);
  });

  it("fails a suite whose report is missing, truncated or not a report", () => {
    const whole = report([green]);
    expect(countSuite({ name: "unit", exitCode: 0, report: null })).toMatchObject({ passed: 0, failed: 1 });
    expect(countSuite({ name: "unit", exitCode: 0, report: whole.slice(0, whole.length - 40) })).toMatchObject({ passed: 0, failed: 1 });
    expect(countSuite({ name: "unit", exitCode: 0, report: "" })).toMatchObject({ passed: 0, failed: 1 });
    expect(countSuite({ name: "unit", exitCode: 0, report: "[]" })).toMatchObject({ passed: 0, failed: 1 });
  });

  it("fails a suite that crashed: killed (137) with no report, or with no exit code at all", () => {
    expect(countSuite({ name: "e2e", exitCode: 137, report: null })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
      problems: ["e2e : aucun rapport (la suite n'a pas pu tourner ou s'est arrêtée avant la fin)", "e2e : la suite a terminé avec le code 137"],
    });
    const r = countSuite({ name: "e2e", exitCode: "", report: report([green]) });
    expect([r.passed, r.failed]).toEqual([3, 1]);
  });

  it("counts skipped and todo tests, and fails them unless allowed by name", () => {
    const file: File = { name: "/c.test.ts", status: "passed", tests: [{ status: "passed", title: "runs" }, { status: "skipped", title: "needs unzip" }, { status: "todo", title: "later" }] };
    const r = countSuite({ name: "unit", exitCode: 0, report: report([file]) });
    expect([r.passed, r.failed, r.skipped]).toEqual([1, 2, 2]);
    expect(r.problems).toEqual(["unit : test non exécuté (skipped) sans autorisation : suite needs unzip", "unit : test non exécuté (todo) sans autorisation : suite later"]);
    const allowed = countSuite({ name: "unit", exitCode: 0, report: report([file]), allowedSkips: ["suite needs unzip", "suite later"] });
    expect([allowed.passed, allowed.failed, allowed.skipped]).toEqual([1, 0, 2]);
  });

  it("fails a file that failed outside its tests (an import error, a failing hook)", () => {
    const r = countSuite({ name: "unit", exitCode: 1, report: report([green, { name: "/d.test.ts", status: "failed", message: "Cannot find module './x'", tests: [] }]) });
    expect([r.passed, r.failed]).toEqual([3, 1]);
    expect(r.problems[0]).toMatch(/d\.test\.ts a échoué hors des tests : Cannot find module/);
  });

  it("fails a report whose totals disagree with its tests, or that says failure with no failing test", () => {
    expect(countSuite({ name: "unit", exitCode: 0, report: report([green], { numTotalTests: 4 }) }).failed).toBe(1);
    expect(countSuite({ name: "unit", exitCode: 0, report: report([green], { success: false }) }).failed).toBe(1);
  });

  it("reads a report written by vitest 4 itself: a failure, a skip, a todo, a file that failed to import, an unhandled error", () => {
    // Written by `vitest run --reporter=json` on four small files (see the test names in the fixture).
    const real = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "vitest-report-mixed.json"), "utf8");
    const r = countSuite({ name: "unit", exitCode: 1, report: real });
    expect([r.passed, r.failed, r.skipped]).toEqual([3, 4, 2]);
    expect(r.problems).toHaveLength(4);
  });

  it("answers the shell on stdout as .ci/run reads it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "count-report-"));
    fs.writeFileSync(path.join(dir, "r.json"), report([green, { name: "/b.test.ts", status: "failed", tests: [{ status: "failed", title: "ko" }] }]));
    const cli = (args: string[]) => execFileSync(process.execPath, [path.join(import.meta.dirname, "count-report.mjs"), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(cli(["unit", path.join(dir, "r.json"), "1"])).toBe("3 1 0\n");
    expect(cli(["unit", path.join(dir, "absent.json"), "0"])).toBe("0 1 0\n");
    fs.rmSync(dir, { recursive: true });
  });

  it("is what .ci/run adds up: its count_suite function over a green suite, a failing one, a truncated report and a suite that never ran", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-run-"));
    const root = path.join(import.meta.dirname, "..", "..");
    fs.writeFileSync(path.join(dir, "green.json"), report([green]));
    fs.writeFileSync(path.join(dir, "green.exit"), "0");
    fs.copyFileSync(path.join(import.meta.dirname, "fixtures", "vitest-report-mixed.json"), path.join(dir, "mixed.json"));
    fs.writeFileSync(path.join(dir, "mixed.exit"), "1");
    fs.writeFileSync(path.join(dir, "cut.json"), report([green]).slice(0, 200));
    fs.writeFileSync(path.join(dir, "cut.exit"), "0");
    const ciRun = fs.readFileSync(path.join(root, ".ci", "run"), "utf8");
    const fn = /^count_suite\(\) \{[\s\S]*?^\}/m.exec(ciRun)?.[0] ?? "";
    expect(fn).not.toBe("");
    const script = `cd ${JSON.stringify(root)}; reports=${JSON.stringify(dir)}; passed=0; failed=0; skipped=0\n${fn}\ncount_suite green; count_suite mixed; count_suite cut; count_suite never\necho "$passed passed, $failed failed, $skipped skipped"`;
    const out = execFileSync("bash", ["-c", script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out.trim().split("\n").at(-1)).toBe("6 passed, 6 failed, 2 skipped");
    fs.rmSync(dir, { recursive: true });
  });
});

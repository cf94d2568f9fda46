// Counts one test suite for CI from both of its witnesses: the exit code of the process that ran it and
// the JSON report vitest wrote. Either one alone can lie: vitest exits 1 on an unhandled error while its
// report says success; a crash or a kill leaves no report, or half of one; a suite that finds no test file
// "succeeds" with zero tests. Every such case counts as a failure here, with the reason in French.
//
// Usable as a module (unit-tested in count-report.test.ts) and from the shell:
//   node scripts/lib/count-report.mjs <name> <report.json> <exit code> [allowed-skips file]
// prints "<passed> <failed> <skipped>" on stdout and the reasons on stderr.
import fs from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * @param {{ name: string, exitCode: number | string | null | undefined, report: string | null | undefined, allowedSkips?: string[] }} suite
 *   exitCode: the process's exit status (a string as read from a file, "" or null when unknown: a crash);
 *   report: the report's text (null when the file is missing); allowedSkips: full names of tests allowed to be skipped.
 * @returns {{ passed: number, failed: number, skipped: number, problems: string[] }}
 */
export function countSuite({ name, exitCode, report, allowedSkips = [] }) {
  const problems = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const code = exitCode === null || exitCode === undefined || String(exitCode).trim() === "" ? NaN : Number(String(exitCode).trim());

  let parsed = null;
  if (report === null || report === undefined) problems.push(`${name} : aucun rapport (la suite n'a pas pu tourner ou s'est arrêtée avant la fin)`);
  else {
    try {
      parsed = JSON.parse(report);
    } catch {
      problems.push(`${name} : rapport illisible ou tronqué (${report.length} octets)`);
    }
    if (parsed !== null && (typeof parsed !== "object" || !Array.isArray(parsed.testResults) || typeof parsed.numTotalTests !== "number")) {
      problems.push(`${name} : rapport sans résultats de tests`);
      parsed = null;
    }
  }

  if (parsed) {
    // Counted from the tests themselves, then checked against the report's totals.
    const files = parsed.testResults;
    let tests = 0;
    for (const file of files) {
      const results = Array.isArray(file.assertionResults) ? file.assertionResults : [];
      for (const test of results) {
        tests++;
        if (test.status === "passed") passed++;
        else if (test.status === "failed") failed++;
        else {
          // skipped, pending, todo: never silent.
          skipped++;
          const fullName = test.fullName ?? [...(test.ancestorTitles ?? []), test.title].join(" ");
          if (!allowedSkips.includes(fullName)) {
            failed++;
            problems.push(`${name} : test non exécuté (${test.status}) sans autorisation : ${fullName}`);
          }
        }
      }
      // A file that failed with no failing test (an import error, a failing hook) is one failure.
      if (file.status === "failed" && !results.some((t) => t.status === "failed")) {
        failed++;
        problems.push(`${name} : le fichier ${file.name} a échoué hors des tests : ${String(file.message ?? "").split("\n")[0]}`);
      }
    }
    if (files.length === 0) {
      failed++;
      problems.push(`${name} : aucun fichier de test`);
    } else if (tests === 0) {
      failed++;
      problems.push(`${name} : aucun test`);
    }
    const declared = [parsed.numPassedTests, parsed.numFailedTests, parsed.numPendingTests ?? 0, parsed.numTodoTests ?? 0];
    if (parsed.numTotalTests !== tests || declared.reduce((a, b) => a + b, 0) !== tests) {
      failed++;
      problems.push(`${name} : le rapport annonce ${parsed.numTotalTests} tests mais en détaille ${tests}`);
    }
    if (parsed.success === false && failed === 0) {
      failed++;
      problems.push(`${name} : le rapport signale un échec sans test en échec`);
    }
  } else failed++;

  if (Number.isNaN(code)) {
    if (failed === 0) failed++;
    problems.push(`${name} : code de sortie inconnu (processus interrompu ?)`);
  } else if (code !== 0) {
    // When the counts do not already say failure, the exit code does (an unhandled error, a crash after the report).
    const unexplained = failed === 0;
    if (unexplained) failed++;
    problems.push(`${name} : la suite a terminé avec le code ${code}${unexplained ? " (erreur hors des tests ?)" : ""}`);
  }
  return { passed, failed, skipped, problems };
}

/** Reads the allowed skips file: one full test name per line, # comments. */
export function readAllowedSkips(file) {
  if (!file || !fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  const [name, reportFile, exitCode, skipsFile] = process.argv.slice(2);
  const report = reportFile && fs.existsSync(reportFile) ? fs.readFileSync(reportFile, "utf8") : null;
  const result = countSuite({ name, exitCode, report, allowedSkips: readAllowedSkips(skipsFile) });
  for (const p of result.problems) console.error(`::: ${p}`);
  console.log(`${result.passed} ${result.failed} ${result.skipped}`);
}

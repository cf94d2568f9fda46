import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The real CLI (bin/maillage.mjs) on a fresh data folder, as a person runs it: standard output must
 * be the data alone, whatever the first start prints (the demo accounts' banner) — that banner used to
 * end up at the top of `diagnostic export … > out.csv`.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO: "1", NEXT_TELEMETRY_DISABLED: "1" };
  // The embedded database of that folder, even when the tests themselves run on PostgreSQL.
  delete env.DATABASE_URL;
  const run = spawnSync(process.execPath, ["bin/maillage.mjs", ...args], { env, encoding: "utf8", timeout: 240_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npx maillage on a fresh data folder: data on stdout, messages on stderr", () => {
  it("diagnostic export: the first start's demo banner goes to stderr, stdout is the CSV alone", { timeout: 300_000 }, () => {
    const { code, stdout, stderr } = cli("diagnostic", "export", "--territory", "charente");
    expect(code).toBe(0);
    expect(stderr).toContain("instance de DÉMONSTRATION créée");
    expect(stdout.startsWith("code_insee,nom,population,")).toBe(true);
    const rows = parseCsv(stdout, { columns: true }) as Record<string, string>[];
    // Charente: 359 communes in data/communes.json, one line each.
    expect(rows).toHaveLength(359);
    expect(rows.find((r) => r.code_insee === "16015")?.nom).toBe("Angoulême");
  });

  it("places export, status and territories list print only their data", { timeout: 300_000 }, () => {
    const json = cli("places", "export", "--territory", "charente", "--format", "json");
    expect(json.code).toBe(0);
    const places = JSON.parse(json.stdout) as { id: string; nom: string }[];
    expect(places.length).toBeGreaterThan(100);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    const status = cli("status");
    expect(JSON.parse(status.stdout)).toMatchObject({ database: "pglite", territories: 1 });
    const list = cli("territories", "list");
    expect(list.stdout.trim().split("\n").map((l) => l.split("\t")[0])).toEqual(["charente"]);
    // A message is not data.
    const migrate = cli("migrate");
    expect(migrate.stdout).toBe("");
    expect(migrate.stderr).toContain("La base est à jour.");
  });

  it("stops quietly when the reader closes the pipe early (`… | head -c 100`), with exit code 0", { timeout: 300_000 }, () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO: "1", NEXT_TELEMETRY_DISABLED: "1" };
    delete env.DATABASE_URL;
    // The places of Charente as JSON are far more than a pipe's buffer: the CLI is still writing when head leaves.
    const script = `${JSON.stringify(process.execPath)} bin/maillage.mjs places export --territory charente --format json | head -c 100; echo "cli=\${PIPESTATUS[0]}" >&2`;
    const run = spawnSync("bash", ["-c", script], { env, encoding: "utf8", timeout: 240_000 });
    // The first 100 bytes of the JSON array reached head (a letter cut in two at the end decodes as one replacement character).
    expect(run.stdout.startsWith("[")).toBe(true);
    expect(run.stderr).toContain("cli=0");
    expect(run.stderr).not.toContain("EPIPE");
  });
});

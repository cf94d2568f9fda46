import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { placesValidate } from "@/cli/places";

const dir = "../shared/data/standard-mediation-numerique";

/** Runs the command and returns its exit code and what it wrote on stdout. */
async function run(file: string): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  const code = await placesValidate(file);
  return { code, stdout };
}

const tempDirs: string[] = [];
function tempFile(name: string, content: string | Buffer): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "lieux-"));
  tempDirs.push(folder);
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of tempDirs.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("npx maillage places validate FILE", () => {
  it("prints exactly one JSON object with the documented keys, exit 0", async () => {
    const { code, stdout } = await run(`${dir}/versions/v0.1.1/exemple-valide.csv`);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const out = JSON.parse(stdout) as Record<string, unknown> & { issues: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(["records", "accepted", "warned", "rejected", "issues"]);
    expect(out).toMatchObject({ records: 1, accepted: 0, warned: 1, rejected: 0 });
    for (const issue of out.issues) expect(Object.keys(issue)).toEqual(["line", "id", "field", "level", "message"]);
    expect(out.issues[0]).toMatchObject({ line: 2, id: "structure-1", level: "warning" });
  });

  it("exits 0 when places are rejected: the file itself was readable", async () => {
    const { code, stdout } = await run(tempFile("lieux.csv", "id;nom\na;Sans adresse\n"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ records: 1, rejected: 1 });
  });

  it("exits 2, still with one JSON object, when the file is missing or is not a places file", async () => {
    const missing = await run("/nonexistent/lieux.csv");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ records: 0, issues: [{ line: 0, level: "error" }] });
    expect((await run(tempFile("lieux.xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).code).toBe(2);
  });
});

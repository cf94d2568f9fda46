import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mapArgs, MAP_USAGE, placesMap, type MapArgs } from "@/cli/map";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";

/** Runs the command without a territory (no database) and returns its exit code, stdout and stderr. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void (stderr += `${a.join(" ")}\n`));
  const parsed = mapArgs(args);
  const code = "error" in parsed ? (console.error(parsed.error), 2) : await placesMap(parsed as MapArgs);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

const tempDirs: string[] = [];
function tempPath(name: string, content?: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "carte-"));
  tempDirs.push(folder);
  const file = path.join(folder, name);
  if (content !== undefined) fs.writeFileSync(file, content);
  return file;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const folder of tempDirs.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe("npx maillage places map FILE", () => {
  it("prints the suggested mapping as a mapping file on stdout, and the line report on stderr; exit 0", async () => {
    const { code, stdout, stderr } = await run([`${RAW}/angers.json`]);
    expect(code).toBe(0);
    const mapping = JSON.parse(stdout) as Record<string, unknown> & { fields: Record<string, string> };
    expect(mapping).toMatchObject({ format: "maillage-correspondance", version: 1, standard: "v1.0.2" });
    expect(mapping.fields).toMatchObject({ nom: "USER_NOM", adresse: "USER_ADRES", commune: "commune", code_postal: "code_postal", latitude: "LAT", longitude: "LNG" });
    const [reportLine, summary] = stderr.trim().split("\n");
    const report = JSON.parse(reportLine ?? "") as { records: number; rejected: number; issues: { line: number; field: string; message: string }[] };
    expect(Object.keys(report)).toEqual(["records", "accepted", "warned", "rejected", "issues"]);
    expect(report).toMatchObject({ records: 63, rejected: 0 });
    // Publics are said once for the whole file, with their counts: those translated by closeness
    // (« Jeune (16-30 ans) » → « Jeunes ») in one line, the unknown ones in another.
    const publics = report.issues.filter((i) => i.field === "publics_specifiquement_adresses");
    expect(publics.map((i) => i.line)).toEqual([0, 0]);
    expect(publics.find((i) => i.message.includes("rapprochement"))?.message).toContain("« Jeune (16-30 ans) » → « Jeunes » (3\u00a0fois)");
    expect(publics.find((i) => i.message.includes("ne correspondent"))?.message).toContain("« Demandeur d'Emploi » (10\u00a0fois)");
    expect(summary).toBe("63 lignes lues : 0 acceptée, 63 avec avertissement, 0 refusée.");
  });

  it("--save-mapping writes what stdout shows; --mapping replays it with the same report; --report takes the report off stderr", async () => {
    const saved = tempPath("m.json");
    const first = await run([`${RAW}/angers.json`, "--save-mapping", saved]);
    expect(fs.readFileSync(saved, "utf8")).toBe(first.stdout);
    const reportFile = tempPath("r.json");
    const again = await run([`${RAW}/angers.json`, "--mapping", saved, "--report", reportFile]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(fs.readFileSync(reportFile, "utf8")).toBe(`${first.stderr.split("\n")[0]}\n`);
    expect(again.stderr).toBe("63 lignes lues : 0 acceptée, 63 avec avertissement, 0 refusée.\n");
  });

  it("a given mapping's rules are applied: a term translated by a rule is no longer reported", async () => {
    const rules = tempPath(
      "m.json",
      JSON.stringify({
        format: "maillage-correspondance",
        version: 1,
        fields: { nom: "USER_NOM", adresse: "USER_ADRES", commune: "commune", code_postal: "code_postal", publics_specifiquement_adresses: "PUBLIC_" },
        translations: { publics_specifiquement_adresses: { rules: [{ terms: ["Demandeur d'Emploi"], values: ["Jeunes"] }] } },
      }),
    );
    const { code, stderr } = await run([`${RAW}/angers.json`, "--mapping", rules]);
    expect(code).toBe(0);
    expect(stderr).not.toContain("Demandeur d'Emploi");
  });

  it("exit 2 with nothing on stdout: invalid mapping file, unreadable file, bad arguments", async () => {
    const bad = tempPath("m.json", '{"format":"maillage-correspondance","version":1,"fields":{"nom":3}}');
    const invalid = await run([`${RAW}/angers.json`, "--mapping", bad]);
    expect(invalid).toEqual({ code: 2, stdout: "", stderr: `Correspondance « ${bad} » refusée :\n- fields.nom : Entrée invalide : chaîne de caractères attendu, nombre reçu\n` });
    const missing = await run(["/nonexistent/lieux.xlsx"]);
    expect(missing).toEqual({ code: 2, stdout: "", stderr: "Impossible de lire le fichier « /nonexistent/lieux.xlsx ».\n" });
    expect(await run([])).toEqual({ code: 2, stdout: "", stderr: `${MAP_USAGE}\n` });
    expect((await run([`${RAW}/angers.json`, "--report"])).stderr).toBe(`L'option --report attend une valeur.\n${MAP_USAGE}\n`);
    expect((await run([`${RAW}/angers.json`, "--verbose"])).code).toBe(2);
  });
});

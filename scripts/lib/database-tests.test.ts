import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper shared with the scripts
import { databaseTestFiles, unitTestFiles } from "./database-tests.mjs";

// A small tree: which tests the PostgreSQL run of CI keeps (those reaching a database) and which it leaves to the PGlite run.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-database-tests-"));
const files: Record<string, string> = {
  "src/platform/db/client.ts": "export const openDatabase = () => null;\n",
  "src/testing/db.ts": 'import { openDatabase } from "@/platform/db/client";\nexport const openTestDatabase = openDatabase;\n',
  "src/modules/a/queries.ts": 'import { openDatabase } from "../../platform/db/client";\nexport const q = openDatabase;\n',
  "src/modules/a/index.ts": 'export { q } from "./queries";\n',
  "src/modules/a/types.ts": 'import type { q } from "./queries";\nexport type Q = typeof q;\n',
  "src/modules/a/pure.ts": 'import { z } from "zod";\nexport const s = z.string();\n',
  "src/modules/a/through-index.test.ts": 'import { q } from "@/modules/a";\nq();\n',
  "src/modules/a/type-only.test.ts": 'import type { Q } from "./types";\nimport { s } from "./pure";\nexport type T = Q;\ns.parse("x");\n',
  "src/modules/a/helper.test.ts": 'import { openTestDatabase } from "@/testing/db";\nawait openTestDatabase();\n',
  "src/modules/a/lazy.test.ts": 'const m = await import("./queries");\nm.q();\n',
  "scripts/cli.test.ts": 'import { spawnSync } from "node:child_process";\nspawnSync("node", ["x"]);\n',
  "scripts/plain.test.ts": 'import fs from "node:fs";\nfs.existsSync("x");\n',
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
}
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the unit tests the PostgreSQL run keeps", () => {
  it("lists every test file under src and scripts", () => {
    expect(unitTestFiles(root)).toEqual([
      "scripts/cli.test.ts",
      "scripts/plain.test.ts",
      "src/modules/a/helper.test.ts",
      "src/modules/a/lazy.test.ts",
      "src/modules/a/through-index.test.ts",
      "src/modules/a/type-only.test.ts",
    ]);
  });

  it("keeps a test that reaches the database through an alias, a module entry, a dynamic import, the test helper or a spawned process, and leaves type-only and package imports", () => {
    expect(databaseTestFiles(root, unitTestFiles(root))).toEqual([
      "scripts/cli.test.ts",
      "src/modules/a/helper.test.ts",
      "src/modules/a/lazy.test.ts",
      "src/modules/a/through-index.test.ts",
    ]);
  });
});

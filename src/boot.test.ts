import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/platform/db/client";
import { parseEnv } from "@/platform/env";
import { prepareDatabase, publicDemoWarning } from "./boot";

afterEach(() => {
  vi.restoreAllMocks();
});

// The warning is printed before the database is touched: a database that does nothing is enough here.
const idle = { withExclusive: async () => ({ referenceLoaded: false, demo: null }) } as unknown as Database;

describe("demo accounts on a public address", () => {
  it("DEMO=1 on a public APP_URL prints the warning on stderr at every start; a local start does not", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    await prepareDatabase(idle, parseEnv({ APP_URL: "https://maillage.example.fr", DEMO: "1" }));
    await prepareDatabase(idle, parseEnv({ APP_URL: "https://maillage.example.fr", DEMO: "1" }));
    expect(warn.mock.calls.map((c) => String(c[0]).trim())).toEqual([publicDemoWarning, publicDemoWarning]);
    await prepareDatabase(idle, parseEnv({ DEMO: "1" }));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(info).not.toHaveBeenCalled();
  });

  it("a production-looking start with no DEMO setting creates no demo account", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-public-"));
    try {
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: "", APP_URL: "https://maillage.example.fr" } as NodeJS.ProcessEnv;
      delete env.DEMO;
      const result = spawnSync(process.execPath, ["bin/maillage.mjs", "status"], { env, encoding: "utf8", timeout: 120_000 });
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}")).toMatchObject({ territories: 0, users: 0 });
      expect(result.stdout + result.stderr).not.toContain("demo.maillage.fr");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // A CLI start migrates and loads the reference data (about 15 s alone, more on a busy machine).
  }, 120_000);
});

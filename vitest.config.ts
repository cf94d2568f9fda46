import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["src/testing/global-setup.ts"],
    environment: "node",
    pool: "forks",
    // Vitest leaves one core to itself by default: one worker on a two-core machine, which leaves the other core
    // idle while a test waits on its database. Two workers at least (measured: 462 s → 343 s for the PGlite run).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: {
      NODE_ENV: "test",
      DEMO: "0",
      DATA_DIR: path.join(os.tmpdir(), `maillage-test-${process.pid}`),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});

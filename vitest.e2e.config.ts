import path from "node:path";
import { defineConfig } from "vitest/config";

// End-to-end: a real production server (started by the global setup) driven by Debian's Chromium.
// Two files at a time (CI's time budget): each file works in territories, accounts and records of its own or
// reads the demo without changing what another file reads; the files that must write in the database while they
// run have servers and databases of their own (e2e/own-database.ts, the *-seed.ts helpers).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: true,
    maxWorkers: 2,
    // Two files share two cores: a long journey step that takes 20 s alone can take three times that beside another.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";

// End-to-end: a real production server (started by the global setup) driven by Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});

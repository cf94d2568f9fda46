import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

// The files that start servers of their own (on their own database) share nothing with the others but the
// machine: they run in a second lane, beside the files that use the run's common server. Within each lane,
// one file at a time (the common server's demo data is shared by its files). Found by what they import.
const ownServer = fs
  .readdirSync("e2e")
  .filter((f) => f.endsWith(".test.ts") && /from "\.\/(own-database|[a-z-]+-seed)"|startServer/.test(fs.readFileSync(path.join("e2e", f), "utf8")))
  .map((f) => `e2e/${f}`);

// End-to-end: a real production server (started by the global setup) driven by Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    globalSetup: ["e2e/global-setup.ts"],
    // Two lanes share two cores: a long journey step that takes 20 s alone can take three times that beside the other lane.
    testTimeout: 120_000,
    // One file of each lane at a time: two in all (vitest's default would be one, on a two-core machine).
    maxWorkers: 2,
    hookTimeout: 300_000,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
    projects: [
      { extends: true, test: { name: "serveur commun", include: ["e2e/**/*.test.ts"], exclude: ownServer, fileParallelism: false } },
      { extends: true, test: { name: "serveurs propres", include: ownServer, fileParallelism: false } },
    ],
  },
});

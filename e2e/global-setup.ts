import path from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { uncalledActions } from "../scripts/lib/actions-inventory.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    serverPid: number;
  }
}

export default async function setup(project: TestProject) {
  ensureBuilt();
  const server = await startServer({ env: { DEMO: "1" } });
  project.provide("baseUrl", server.baseUrl);
  project.provide("dataDir", server.dataDir);
  project.provide("serverPid", server.pid);
  return async () => {
    await server.stop();
    // The whole suite (scripts/e2e.mjs without file arguments) must call every server action over HTTP.
    if (process.env.E2E_ACTIONS_INVENTORY === "1") {
      const { missing, stale }: { missing: string[]; stale: string[] } = uncalledActions({
        root: ".",
        manifestFile: ".next/server/server-reference-manifest.json",
        recordFile: path.join(server.dataDir, "e2e-actions.log"),
        allowedFile: "e2e/actions-without-journey.txt",
      });
      // vitest 4 prints an error thrown here but still exits 0: the exit code is set first.
      if (missing.length > 0 || stale.length > 0) process.exitCode = 1;
      if (missing.length > 0) throw new Error(`Actions serveur jamais appelées par les tests de bout en bout (ajoutez un parcours) : ${missing.join(", ")}`);
      if (stale.length > 0) throw new Error(`e2e/actions-without-journey.txt nomme des actions désormais appelées ou disparues (retirez-les) : ${stale.join(", ")}`);
    }
  };
}

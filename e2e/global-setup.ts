import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
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
    pgUrl: string;
  }
}

type Shared = { baseUrl: string; dataDir: string; pid: number; pgUrl: string; stop: () => Promise<void> };

// Vitest calls this setup once per project, each time from a fresh copy of this module (one project today): the
// state lives on globalThis (one vitest process), so that a second project would reuse the server and the cluster,
// and only the last teardown stops them and checks the actions inventory.
const state = globalThis as typeof globalThis & { maillageE2e?: { shared: Promise<Shared>; users: number } };

async function startShared(): Promise<Shared> {
  ensureBuilt();
  // The PostgreSQL cluster the files that need their own database share (e2e/own-database.ts), started while the
  // main server seeds its demo. Without PostgreSQL on the machine those files fail and say why; the others run.
  const clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-e2e-pg-"));
  const cluster = promisify(execFile)("bash", ["scripts/pg-cluster.sh", "start", clusterDir], { encoding: "utf8" }).then(
    ({ stdout }) => stdout.trim(),
    (e: Error) => (console.warn(`PostgreSQL n'a pas démarré pour les tests de bout en bout : ${e.message}`), ""),
  );
  const stopCluster = async () => {
    await cluster;
    await promisify(execFile)("bash", ["scripts/pg-cluster.sh", "stop", clusterDir]).catch(() => undefined);
    fs.rmSync(clusterDir, { recursive: true, force: true });
  };
  const server = await startServer({ env: { DEMO: "1" } }).catch(async (e: unknown) => {
    await stopCluster();
    throw e;
  });
  console.info(`Tests de bout en bout : serveur commun sur ${server.baseUrl}, grappe PostgreSQL ${(await cluster) ? "démarrée" : "absente"}.`);
  return {
    baseUrl: server.baseUrl,
    dataDir: server.dataDir,
    pid: server.pid,
    pgUrl: await cluster,
    stop: async () => {
      await server.stop();
      await stopCluster();
    },
  };
}

export default async function setup(project: TestProject) {
  state.maillageE2e ??= { shared: startShared(), users: 0 };
  const lanes = state.maillageE2e;
  lanes.users += 1;
  const { baseUrl, dataDir, pid, pgUrl, stop } = await lanes.shared;
  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);
  project.provide("serverPid", pid);
  project.provide("pgUrl", pgUrl);
  return async () => {
    lanes.users -= 1;
    if (lanes.users > 0) return;
    await stop();
    // The whole suite (scripts/e2e.mjs without file arguments) must call every server action over HTTP.
    if (process.env.E2E_ACTIONS_INVENTORY === "1") {
      const { missing, stale }: { missing: string[]; stale: string[] } = uncalledActions({
        root: ".",
        manifestFile: ".next/server/server-reference-manifest.json",
        recordFile: path.join(dataDir, "e2e-actions.log"),
        allowedFile: "e2e/actions-without-journey.txt",
      });
      // vitest 4 prints an error thrown here but still exits 0: the exit code is set first.
      if (missing.length > 0 || stale.length > 0) process.exitCode = 1;
      if (missing.length > 0) throw new Error(`Actions serveur jamais appelées par les tests de bout en bout (ajoutez un parcours) : ${missing.join(", ")}`);
      if (stale.length > 0) throw new Error(`e2e/actions-without-journey.txt nomme des actions désormais appelées ou disparues (retirez-les) : ${stale.join(", ")}`);
    }
  };
}

import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helper shared with the scripts
import { ensureBuilt } from "../scripts/lib/build.mjs";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";

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
  };
}

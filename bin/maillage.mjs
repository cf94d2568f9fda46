#!/usr/bin/env node
// Command-line entry of Maillage (`npx maillage …`): runs the TypeScript sources with tsx,
// from the project folder, with the same configuration as the server.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const { register } = await import("tsx/esm/api");
register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(path.join(root, "src", "cli", "main.ts")).href);
process.exitCode = await main(process.argv.slice(2));

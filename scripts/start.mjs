#!/usr/bin/env node
// `npm start`: builds the app when its sources changed since the last build, then serves it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, nextBin } from "./lib/build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
ensureBuilt();

const port = process.env.PORT ?? "3000";
// Idle keep-alive connections stay open 65 s (Node's default is 5 s): browsers keep theirs longer, and a request
// sent on a connection the server has just closed fails (the load bench counted them as read errors); 65 s is
// more than nginx's and most load balancers' 60 s, so the proxy always closes first.
const keepAliveArgs = ["--keepAliveTimeout", "65000"];
const child = spawn(process.execPath, [nextBin, "start", "-p", port, ...keepAliveArgs, ...process.argv.slice(2)], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm run build`: builds the app and stamps the build with its sources' hash (scripts/lib/build.mjs), so that
// `npm start` and the end-to-end suite serve this build instead of building the same sources again.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt } from "./lib/build.mjs";

process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
ensureBuilt({ force: true });

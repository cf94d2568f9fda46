// `npm run bench`: every benchmark in sequence, each in its own process (each cleans up after itself).
//   npm run bench                     all of them
//   npm run bench -- territory-page   only the named ones
// The diagnostic bench/territory-breakdown.ts is not part of the run: start it by hand when a figure needs explaining.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./lib";

const all = ["start", "territory-page", "import", "map-orientation", "diagnostic-nearest", "questionnaire-results", "pdf-queue", "file-limits", "public-load", "mapping-real-files", "plan-views", "plan-load"];
const wanted = process.argv.slice(2).filter((a) => a !== "--");
const benches = wanted.length ? wanted : all;
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

let failed = 0;
for (const name of benches) {
  const file = path.join(root, "bench", `${name}.ts`);
  console.log(`\n$ npx tsx bench/${name}.ts`);
  const t0 = Date.now();
  // --expose-gc: file-limits.ts empties the heap between cases so that each peak RSS is its own.
  const result = spawnSync(process.execPath, ["--expose-gc", tsx, file], { cwd: root, stdio: "inherit" });
  const status = result.status ?? 1;
  console.log(`(bench/${name}.ts: ${status === 0 ? "done" : `FAILED with status ${status}`} in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

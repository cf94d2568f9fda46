// What the demo's 50,000 accompaniment records add to the first `npm start` on an empty folder (issue 13).
//   npx tsx bench/demo-accompaniments.ts
// PGlite on disk, as `npm start`: migrations and reference data (not timed), then the whole demo timed
// (seedDemoIfEmpty, which ends with seedDemoAccompaniments), then the records and their statistics
// deleted and seedDemoAccompaniments timed alone on the same database (`RUNS` times).
import { performance } from "node:perf_hooks";
import { count, eq } from "drizzle-orm";
import { openDatabase } from "@/platform/db/client";
import { migrate } from "@/platform/db/migrate";
import { loadReferenceData } from "@/modules/geo/load";
import { territories } from "@/modules/territories/schema";
import { accompaniments, accompanimentStats } from "@/modules/accompaniments/schema";
import { seedDemoAccompaniments } from "@/demo/accompaniments";
import { seedDemoIfEmpty } from "@/demo/seed";
import "@/boot";
import { machine, main, median, seconds, tempDir, waitForQuiet } from "./lib";

const RUNS = Number(process.env.RUNS ?? 3);

await main(async () => {
  console.log(machine());
  console.log(await waitForQuiet());
  const database = await openDatabase({ dataDir: tempDir("maillage-bench-accomp-") });
  await migrate(database);
  await loadReferenceData(database.db);
  let t = performance.now();
  await seedDemoIfEmpty(database.db);
  console.log(`whole demo (seedDemoIfEmpty, records included): ${seconds(performance.now() - t)}`);
  const [charente] = await database.db.select().from(territories).where(eq(territories.slug, "charente"));
  if (!charente) throw new Error("no demo territory");
  const [n] = await database.db.select({ n: count() }).from(accompaniments);
  const [s] = await database.db.select({ n: count() }).from(accompanimentStats);
  console.log(`records: ${n?.n}, statistics rows: ${s?.n}`);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await database.db.delete(accompaniments).where(eq(accompaniments.territoryId, charente.id));
    await database.db.delete(accompanimentStats).where(eq(accompanimentStats.territoryId, charente.id));
    t = performance.now();
    await seedDemoAccompaniments(database.db, charente.id);
    runs.push(performance.now() - t);
  }
  console.log(`seedDemoAccompaniments alone (50,000 records + statistics), median of ${RUNS}: ${seconds(median(runs))}   runs: ${runs.map(seconds).join(", ")}`);
  await database.close();
});

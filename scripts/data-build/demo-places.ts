import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { OUT_DIR, SHARED_DATA } from "./settings";

/** Real places of Charente (national standard, Etalab 2.0) for the demo territory's seed. */
export const DEMO_PLACES = [
  "20230711-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
  "20231003-bus-france-services-en-charente-lieux-de-mediation-numeriques-nouvelle-aquitaine.json",
];

export function copyDemoPlaces(): void {
  const from = path.join(SHARED_DATA, "standard-mediation-numerique", "datasets");
  const to = path.join(OUT_DIR, "demo");
  mkdirSync(to, { recursive: true });
  for (const file of DEMO_PLACES) copyFileSync(path.join(from, file), path.join(to, file));
  console.log(`  demo places: ${DEMO_PLACES.length} files copied to data/demo/`);
}

import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { dataPath } from "@/modules/geo/reference-files";
import { importPlaces } from "@/modules/places/commands";
import type { Role } from "@/platform/auth/principal";
import type { Db } from "@/platform/db/client";
import { referenceMeta } from "@/modules/geo/schema";
import { territories } from "@/modules/territories/schema";
import { seedDemoActors, seedDemoPartner } from "./actors";
import { seedDemoMaturity } from "./maturity";
import { seedDemoFindings } from "./findings";
import { seedDemoQuestionnaires } from "./questionnaires";
import { seedDemoFunding } from "./funding";
import { seedDemoPlan } from "./plan";
import { seedDemoMeetings } from "./meetings";
import { seedDemoIndicators } from "./indicators";
import { seedDemoGroups } from "./groups";
import { seedDemoStrategy } from "./strategy";
import { seedDemoCharter } from "./charter";
import { seedDemoSignatures } from "./signatures";
import { seedDemoGovernance } from "./governance";
import { seedDemoAccompaniments } from "./accompaniments";
import { addMember, createTestTerritory, createUser } from "./factories";

/** Demo accounts: public on purpose (README); never start a real instance with DEMO=1. */
export const demoAccounts: { email: string; password: string; name: string; role: Role | "admin" }[] = [
  { email: "coordination@demo.maillage.fr", password: "demo-coordination-16", name: "Camille Martin (démo)", role: "coordinator" },
  { email: "partenaire@demo.maillage.fr", password: "demo-partenaire-16", name: "Samir Benali (démo)", role: "partner" },
  { email: "contribution@demo.maillage.fr", password: "demo-contribution-16", name: "Léa Dubois (démo)", role: "contributor" },
  { email: "observation@demo.maillage.fr", password: "demo-observation-16", name: "Hugo Lefèvre (démo)", role: "observer" },
  { email: "admin@demo.maillage.fr", password: "demo-administration", name: "Administration (démo)", role: "admin" },
];

export type DemoReport = { created: boolean; slug: string };

/**
 * On a new, empty instance: the Charente demo territory and one account per role. `accompaniments`: how many
 * demo accompaniment records (50,000 by default; the demo's own tests ask for fewer, to stay within their time).
 */
export async function seedDemoIfEmpty(db: Db, options: { accompaniments?: number } = {}): Promise<DemoReport> {
  const [seeded] = await db.select().from(referenceMeta).where(eq(referenceMeta.key, "demo_seeded"));
  const [existing] = await db.select({ n: count() }).from(territories);
  if (seeded || (existing?.n ?? 0) > 0) return { created: false, slug: "charente" };

  const users = new Map<string, string>();
  for (const a of demoAccounts) {
    const u = await createUser(db, { name: a.name, email: a.email, password: a.password, admin: a.role === "admin" });
    users.set(a.email, u.id);
  }
  const territory = await createTestTerritory(db, {
    name: "Charente (démonstration)",
    slug: "charente",
    kind: "departement",
    code: "16",
    description:
      "Territoire de démonstration : les données de personnes et de structures qui y figurent sont fictives. " +
      "Le périmètre, les communes et leurs populations sont réels (Code officiel géographique).",
    isDemo: true,
  });
  for (const a of demoAccounts) {
    const id = users.get(a.email);
    if (id && a.role !== "admin") await addMember(db, territory.id, id, a.role);
  }
  // The real places of Charente (national standard open data), copied into data/demo by `npm run data:build`.
  const placesDir = dataPath("demo");
  for (const file of fs.existsSync(placesDir) ? fs.readdirSync(placesDir).filter((f) => f.endsWith(".json")).sort() : []) {
    await importPlaces(db, { kind: "system", label: "démonstration" }, { bytes: new Uint8Array(fs.readFileSync(path.join(placesDir, file))), filename: file, territory, dryRun: false });
  }
  await seedDemoActors(db, territory.id);
  const partnerId = users.get("partenaire@demo.maillage.fr");
  if (partnerId) await seedDemoPartner(db, territory.id, partnerId);
  await seedDemoMaturity(db, territory.id);
  await seedDemoFindings(db, territory.id);
  await seedDemoQuestionnaires(db, territory.id);
  // Issue 12, in the order of their links: the strategy (objectives on the findings), the funding deadlines, the plan
  // (on the objectives and the shipped funding sources), the groups, then their meetings (groups, objectives, actions).
  const strategy = await seedDemoStrategy(db, territory.id);
  await seedDemoFunding(db, territory.id);
  await seedDemoPlan(db, territory.id, strategy);
  await seedDemoGroups(db, territory.id);
  await seedDemoMeetings(db, territory.id);
  // Issue 13: 50,000 accompaniment records (before the indicators that count them) across the real places (its time: bench/demo-accompaniments.ts, decision 028).
  await seedDemoAccompaniments(db, territory.id, options.accompaniments);
  // Issue 13: the governance bodies and the indicators first: the charter's submitted content quotes the bodies.
  await seedDemoGovernance(db, territory.id);
  await seedDemoIndicators(db, territory.id);
  await seedDemoCharter(db, territory.id);
  // Issue 13 (SIGN): after the charter's demo (it signs its latest submitted version; without one it says so).
  await seedDemoSignatures(db, territory.id);
  await db.insert(referenceMeta).values({ key: "demo_seeded", value: new Date().toISOString() });
  return { created: true, slug: territory.slug };
}

export function printDemoAccounts(report: DemoReport): void {
  const lines = demoAccounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(32)} ${a.password}`);
  console.info(
    [
      "",
      "Maillage — instance de DÉMONSTRATION créée (territoire « Charente (démonstration) », /territoires/" + report.slug + ").",
      "Comptes de démonstration (données fictives ; démarrez avec DEMO=0 pour une instance réelle) :",
      ...lines,
      "",
    ].join("\n"),
  );
}

/**
 * A server with a charter submitted for signature (e2e only). The charter's own forms are built apart, so the
 * rows are written straight into the spine tables, the way the tests of src/ do (src/testing/charter-rows.ts):
 * a fresh data folder is migrated and seeded with the demo in this process, a territory of its own is added
 * (the demo's coordination and partner accounts are its members, so the demo's own charter never interferes),
 * the database is closed, then the production server starts on that folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { startDatabase } from "@/boot";
import { user } from "@/platform/auth/schema";
import { openDatabase } from "@/platform/db/client";
import { parseEnv } from "@/platform/env";
import { actors } from "@/modules/actors/schema";
import { addMember, createTestTerritory } from "@/testing/factories";
import { insertSubmittedCharter } from "@/testing/charter-rows";
// @ts-expect-error plain ESM helper shared with the scripts
import { startServer } from "../scripts/lib/server.mjs";

export type SignaturesServer = { baseUrl: string; dataDir: string; stop: () => Promise<void> };
export const SLUG = "charte-signatures-e2e";

export async function serverWithSubmittedCharter(): Promise<SignaturesServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maillage-signatures-e2e-"));
  const env = parseEnv({ ...process.env, DATA_DIR: dir, DATABASE_URL: "", DEMO: "1", DEMO_ACCOMPANIMENTS: "1000" });
  const database = await openDatabase(env);
  try {
    await startDatabase(database, env);
    const db = database.db;
    const idOf = async (email: string) => {
      const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
      if (!row) throw new Error(`demo account ${email} missing`);
      return row.id;
    };
    const coordination = await idOf("coordination@demo.maillage.fr");
    const partner = await idOf("partenaire@demo.maillage.fr");
    const territory = await createTestTerritory(db, { name: "Charte signée (essai)", slug: SLUG, creatorId: coordination, isDemo: true });
    await addMember(db, territory.id, partner, "partner");
    const [centre, mairie, departement] = await db
      .insert(actors)
      .values([{ name: "Centre social des Essais" }, { name: "Mairie d'Essai" }, { name: "Département d'Essai" }])
      .returning({ id: actors.id });
    if (!centre || !mairie || !departement) throw new Error("actors not inserted");
    await insertSubmittedCharter(db, territory.id, {
      title: "Charte de l'inclusion numérique (essai)",
      partners: [
        { actorId: centre.id, signatoryUserId: partner, signatoryName: "Paule Partenaire", signatoryTitle: "Directrice" },
        { actorId: mairie.id, signatoryUserId: coordination, signatoryName: "Claude Coordination", signatoryTitle: "Maire" },
        { actorId: departement.id, signatoryUserId: null, signatoryName: "Dominique Département", signatoryTitle: "Président" },
      ],
    });
  } finally {
    await database.close();
  }
  return (await startServer({ env: { DEMO: "1" }, dataDir: dir })) as SignaturesServer;
}

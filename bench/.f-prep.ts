// temporary (not committed): prepares a data dir like bench/public-load.ts
import { eq } from "drizzle-orm";
import { openDatabase } from "@/platform/db/client";
import { prepareDatabase } from "@/platform/boot";
import { user } from "@/platform/auth/schema";
import { createTestTerritory } from "@/testing/factories";
const dataDir = process.argv[2]!;
const database = await openDatabase({ dataDir });
await prepareDatabase(database, { DEMO: true });
const [c] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, "coordination@demo.maillage.fr"));
await createTestTerritory(database.db, { kind: "region", code: "75", slug: "nouvelle-aquitaine", name: "Nouvelle-Aquitaine", creatorId: c!.id });
await database.exec("VACUUM ANALYZE");
await database.close();

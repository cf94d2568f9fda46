import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "./commands";
import { listPlaces } from "./queries";
import { places } from "./schema";

/**
 * Issue 8 §1, observed on main: a coordinator of `paris-test` imports a record carrying a Charente
 * place's public source and id with a Paris address; the report said `updated: 1` and the place left
 * Charente. Now such a line is a conflict: nothing changes, the report says why, in French.
 */

let database: Database;
let charente: Territory;
let paris: Territory;
let parisCoordinator: Principal;

const file = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));
const base = { pivot: "00000000000000", date_maj: "2026-01-15", services: "Aide aux démarches administratives", adresse: "1 place de l'Hôtel de Ville" };
const inCharente = (id: string, nom: string) => ({ ...base, id, nom, commune: "Angoulême", code_postal: "16000" });
const inParis = (id: string, nom: string) => ({ ...base, id, nom, commune: "Paris", code_postal: "75001", adresse: "1 rue de Rivoli" });

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  charente = await createTestTerritory(db, { kind: "departement", code: "16", slug: "charente-import", name: "Charente" });
  paris = await createTestTerritory(db, { kind: "commune", code: "75056", slug: "paris-test", name: "Paris" });
  const u = await createUser(db);
  await addMember(db, paris.id, u.id, "coordinator");
  parisCoordinator = await principalOf(db, u.id);
  await importPlaces(db, { kind: "system", label: "test" }, { bytes: file([inCharente("m-1", "Médiathèque d'Angoulême"), inCharente("m-2", "Espace numérique")]), filename: "charente.json", source: "open-data-16", territory: charente, dryRun: false });
});
afterAll(async () => {
  await database?.close();
});

describe("an import never changes a place it may not edit", () => {
  for (const dryRun of [true, false]) {
    it(`a (source, id) match on a Charente place, imported into Paris, is a conflict line and nothing changes (${dryRun ? "check" : "import"})`, async () => {
      const db = database.db;
      const before = await db.select().from(places).where(and(eq(places.source, "open-data-16"), eq(places.sourceId, "m-1")));
      const report = await importPlaces(db, parisCoordinator, {
        bytes: file([inParis("m-1", "Médiathèque déplacée"), inParis("p-1", "Tiers-lieu parisien")]),
        filename: "paris.json",
        source: "open-data-16",
        territory: paris,
        dryRun,
      });
      expect(report.conflicts).toBe(1);
      expect(report.updated).toBe(0);
      const line = report.lines.find((l) => l.id === "m-1");
      expect(line?.status).toBe("conflict");
      expect(line?.reason).toBe(
        "Conflit : la source « open-data-16 » et l'identifiant « m-1 » désignent déjà le lieu « Médiathèque d'Angoulême », situé hors du territoire, que vous ne pouvez pas modifier. Rien n'a été changé pour cette ligne.",
      );
      expect(report.issues.some((i) => i.id === "m-1" && i.level === "error" && i.message.startsWith("Conflit"))).toBe(true);
      // The other line goes on as usual.
      expect(report.lines.find((l) => l.id === "p-1")?.status).toBe("created");
      // Charente keeps its two places, the record untouched.
      expect((await listPlaces(db, charente.id, {}, 1)).total).toBe(2);
      const after = await db.select().from(places).where(and(eq(places.source, "open-data-16"), eq(places.sourceId, "m-1")));
      expect(after).toEqual(before);
    });
  }

  it("Paris's own place, re-imported, is updated as usual", async () => {
    const report = await importPlaces(database.db, parisCoordinator, { bytes: file([inParis("p-1", "Tiers-lieu parisien renommé")]), filename: "paris.json", source: "open-data-16", territory: paris, dryRun: false });
    expect({ updated: report.updated, conflicts: report.conflicts }).toEqual({ updated: 1, conflicts: 0 });
  });

  it("an administrator importing with no territory may move a place: an administrator's act", async () => {
    const u = await createUser(database.db, { admin: true });
    const admin = await principalOf(database.db, u.id);
    const report = await importPlaces(database.db, admin, { bytes: file([inParis("m-2", "Espace numérique déménagé")]), filename: "admin.json", source: "open-data-16", dryRun: false });
    expect({ updated: report.updated, conflicts: report.conflicts }).toEqual({ updated: 1, conflicts: 0 });
    expect((await listPlaces(database.db, charente.id, {}, 1)).total).toBe(1);
  });
});

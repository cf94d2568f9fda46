import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actors } from "@/modules/actors";
import { actorContacts, territoryActors } from "@/modules/actors/schema";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "../commands";
import { places } from "../schema";

/**
 * A data·inclusion structure is a place AND an actor of the shared registry (issue 11): matched by
 * SIRET, then RNA, then (source, id); public fields only; an actor the importer may not edit is a
 * conflict on its line. Expected values written by hand from the structures below.
 */

let database: Database;
let charente: Territory;
let coordinator: Principal;
const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

// SIRETs whose Luhn key is right (the actors' form accepts them).
const SIRET_MAIRIE = "21160015000018";
const SIRET_HAND = "78234567000015";
const SIRET_PARIS = "44123456000015";

const structure = (over: Record<string, unknown>) => ({
  source: "dora",
  date_maj: "2024-05-02",
  siret: null,
  reseaux_porteurs: [],
  horaires_accueil: null,
  ...over,
});

beforeAll(async () => {
  database = await openTestDatabase();
  charente = await createTestTerritory(database.db, { kind: "departement", code: "16", slug: "charente-actors", name: "Charente" });
  const u = await createUser(database.db);
  await addMember(database.db, charente.id, u.id, "coordinator");
  coordinator = await principalOf(database.db, u.id);
});
afterAll(async () => {
  await database?.close();
});

const actorBy = async (where: ReturnType<typeof eq>) => (await database.db.select().from(actors).where(where))[0];

describe("data·inclusion structures become actors of the registry", () => {
  it("a check says what each line would do to its actor and writes nothing; the commit creates them with their public record", async () => {
    const file = {
      structures: [
        structure({ id: "mairie", nom: "Mairie de Cognac", commune: "Cognac", code_postal: "16100", adresse: "68 boulevard Denfert-Rochereau", siret: SIRET_MAIRIE, typologie: "MUNI", courriel: "accueil@ville-cognac.fr", site_web: "www.ville-cognac.fr", telephone: "05 45 36 55 36", description: "Accueil des habitants." }),
        structure({ id: "asso", nom: "Les Petits Débrouillards", commune: "Angoulême", code_postal: "16000", adresse: "1 rue Coulomb", rna: "W161000123", typologie: "XYZ", reseaux_porteurs: ["conseillers-numeriques"] }),
        structure({ id: "badsiret", nom: "Tiers-lieu du Ruffecois", commune: "Ruffec", code_postal: "16700", adresse: "2 place du Marché", siret: "12345678901234", typologie: "TIERS_LIEUX", courriel: "pas-un-courriel" }),
        structure({ id: "noaddress", nom: "Sans adresse" }),
      ],
      services: [{ source: "dora", id: "v1", structure_id: "mairie", nom: "Aide en ligne", thematiques: ["numerique--acceder-a-des-services-en-ligne"], date_maj: "2024-05-02" }],
    };
    const dry = await importPlaces(database.db, coordinator, { bytes: encode(file), filename: "dora.json", territory: charente, dryRun: true });
    expect(dry.lines.map((l) => [l.line, l.status, l.actor?.status])).toEqual([
      [1, "created", "created"],
      [2, "created", "created"],
      [3, "created", "created"],
      [4, "rejected", "skipped"],
    ]);
    expect(dry.lines[3]?.actor?.reason).toBe("Structure non reprise dans les acteurs : le lieu de cette ligne n'est pas importé.");
    expect(dry.actors).toEqual({ created: 3, updated: 0, unchanged: 0, conflicts: 0, skipped: 1 });
    expect(await actorBy(eq(actors.sourceId, "mairie"))).toBeUndefined();
    // The typology without counterpart is said once for the file, never dropped silently.
    expect(dry.issues.filter((i) => i.line === 0).map((i) => i.message)).toContain(
      "data·inclusion : la typologie de structure « XYZ » n'a pas d'équivalent dans la forme juridique des acteurs ; ignoré (1 fois).",
    );
    // What the actors' rules refuse is said on the line, and the rest of the structure still goes in.
    expect(dry.lines[2]?.actor?.notes).toEqual([
      "SIRET « 12345678901234 » non repris pour la structure : Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez chaque chiffre (sur l'avis de situation SIRENE ou annuaire-entreprises.data.gouv.fr).",
      "Courriel « pas-un-courriel » non repris pour la structure : Indiquez une adresse électronique valide (ex. : contact@exemple.fr).",
    ]);

    const done = await importPlaces(database.db, coordinator, { bytes: encode(file), filename: "dora.json", territory: charente, dryRun: false });
    expect(done.actors).toEqual({ created: 3, updated: 0, unchanged: 0, conflicts: 0, skipped: 1 });
    const mairie = await actorBy(eq(actors.siret, SIRET_MAIRIE));
    expect(mairie).toMatchObject({
      name: "Mairie de Cognac",
      legalType: "collectivite",
      worlds: ["administration", "numerique"],
      communeCode: "16102",
      publicEmail: "accueil@ville-cognac.fr",
      publicPhone: "05 45 36 55 36",
      website: "https://www.ville-cognac.fr",
      description: "Accueil des habitants.",
      source: "dora",
      sourceId: "mairie",
    });
    expect(await actorBy(eq(actors.rna, "W161000123"))).toMatchObject({ name: "Les Petits Débrouillards", legalType: "association", worlds: ["numerique"], communeCode: "16015" });
    expect(await actorBy(eq(actors.sourceId, "badsiret"))).toMatchObject({ siret: null, publicEmail: null, legalType: "autre", worlds: ["numerique"], communeCode: "16292" });
    // The place is linked to its structure.
    const [place] = await database.db.select({ actorId: places.actorId }).from(places).where(and(eq(places.source, "dora"), eq(places.sourceId, "mairie")));
    expect(place?.actorId).toBe(mairie?.id);
    // One audit event per actor written, with its public fields.
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "actor"), eq(auditEvents.entityId, mairie?.id ?? "")));
    expect(events.map((e) => e.action)).toEqual(["import"]);

    const again = await importPlaces(database.db, coordinator, { bytes: encode(file), filename: "dora.json", territory: charente, dryRun: false });
    expect(again.actors).toEqual({ created: 0, updated: 0, unchanged: 3, conflicts: 0, skipped: 1 });
  });

  it("matches by SIRET, then RNA, then (source, id); fills and adds, never erases what the registry knows", async () => {
    const [hand] = await database.db
      .insert(actors)
      .values({ name: "Centre social du Champ de Manœuvre", siret: SIRET_HAND, legalType: "association", worlds: ["social"], communeCode: "16015", website: "https://csc.example.fr", description: "Écrit à la main." })
      .returning();
    const [byRna] = await database.db.insert(actors).values({ name: "Association des Aidants", rna: "W162000456", communeCode: "16015" }).returning();
    // A territory's private data on the actor: never touched by an import.
    await database.db.insert(actorContacts).values({ actorId: hand?.id ?? "", territoryId: charente.id, name: "Camille Martin", email: "camille@example.fr" });
    await database.db.insert(territoryActors).values({ territoryId: charente.id, actorId: hand?.id ?? "", status: "engaged", notes: "Partenaire historique" });

    const file = [
      structure({ id: "csc-16", nom: "Centre social du Champ de Manœuvre (CSC)", commune: "Angoulême", code_postal: "16000", adresse: "3 rue de Bordeaux", siret: SIRET_HAND, typologie: "CSC", reseaux_porteurs: ["france-service"], site_web: null }),
      structure({ id: "aidants", nom: "Association des Aidants", commune: "Angoulême", code_postal: "16000", adresse: "4 rue de Paris", rna: "W162000456", typologie: "ASSO" }),
      // No numbers: found by (source, id), created by the first test.
      structure({ id: "asso", nom: "Les Petits Débrouillards de Charente", commune: "Angoulême", code_postal: "16000", adresse: "1 rue Coulomb" }),
    ];
    const done = await importPlaces(database.db, coordinator, { bytes: encode(file), filename: "dora.json", territory: charente, dryRun: false });
    expect(done.lines.map((l) => [l.line, l.status, l.actor?.status])).toEqual([
      [1, "created", "updated"],
      [2, "created", "updated"],
      [3, "updated", "updated"],
    ]);
    expect(await actorBy(eq(actors.id, hand?.id ?? ""))).toMatchObject({
      name: "Centre social du Champ de Manœuvre (CSC)",
      siret: SIRET_HAND,
      // Chosen by a person: kept; worlds added, the site kept (the file gives none), the location kept.
      legalType: "association",
      worlds: ["administration", "habitants", "social"],
      website: "https://csc.example.fr",
      description: "Écrit à la main.",
      communeCode: "16015",
      source: "dora",
      sourceId: "csc-16",
    });
    expect(await actorBy(eq(actors.id, byRna?.id ?? ""))).toMatchObject({ legalType: "association", sourceId: "aidants" });
    expect(await actorBy(eq(actors.sourceId, "asso"))).toMatchObject({ name: "Les Petits Débrouillards de Charente", rna: "W161000123" });
    expect((await database.db.select().from(actors).where(eq(actors.siret, SIRET_HAND))).length).toBe(1);
    expect(await database.db.select({ name: actorContacts.name, email: actorContacts.email }).from(actorContacts).where(eq(actorContacts.actorId, hand?.id ?? ""))).toEqual([{ name: "Camille Martin", email: "camille@example.fr" }]);
    expect(await database.db.select({ status: territoryActors.status, notes: territoryActors.notes }).from(territoryActors).where(eq(territoryActors.actorId, hand?.id ?? ""))).toEqual([{ status: "engaged", notes: "Partenaire historique" }]);
  });

  it("an actor the territory does not see (located elsewhere, serving none of its communes) is a conflict: nothing changes for it", async () => {
    await database.db.insert(actors).values({ name: "Emmaüs Connect Paris", siret: SIRET_PARIS, legalType: "association", communeCode: "75056", website: "https://paris.example.fr" });
    const file = [structure({ id: "emmaus-16", nom: "Emmaüs Connect Angoulême", commune: "Angoulême", code_postal: "16000", adresse: "5 rue Hergé", siret: SIRET_PARIS, site_web: "https://angouleme.example.fr" })];
    const dry = await importPlaces(database.db, coordinator, { bytes: encode(file), filename: "dora.json", territory: charente, dryRun: true });
    expect(dry.lines[0]?.actor?.status).toBe("conflict");
    const done = await importPlaces(database.db, coordinator, { bytes: encode(file), filename: "dora.json", territory: charente, dryRun: false });
    expect([done.lines[0]?.status, done.lines[0]?.actor?.status]).toEqual(["created", "conflict"]);
    expect(done.lines[0]?.actor?.reason).toBe(
      "Conflit : la structure « Emmaüs Connect Paris » est déjà dans le registre des acteurs, hors du territoire ; vous ne pouvez pas la modifier. Rien n'a été changé pour cet acteur.",
    );
    expect(done.actors?.conflicts).toBe(1);
    expect(await actorBy(eq(actors.siret, SIRET_PARIS))).toMatchObject({ name: "Emmaüs Connect Paris", communeCode: "75056", website: "https://paris.example.fr", sourceId: null });
    // The place is not linked to an actor of another territory.
    const [place] = await database.db.select({ actorId: places.actorId }).from(places).where(eq(places.sourceId, "emmaus-16"));
    expect(place?.actorId).toBeNull();
  });
});

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { addMember, createTestTerritory, createUser, principalOf } from "@/testing/factories";
import { actorMembers, actorContacts, actors, territoryActors } from "@/modules/actors/schema";
import { deleteActor, usesOfActor } from "@/modules/actors";
import { charterPartners, charters } from "@/modules/charter";
import { groupMembers, groups } from "@/modules/groups";
import { maturityAssessments } from "@/modules/maturity";
import { places } from "@/modules/places";
import { planActionPartners, planActions, planInKind, planVersions } from "@/modules/plan";
import type { Territory } from "@/modules/territories";
import { actorUsage } from "./usage";

function req<T>(v: T | undefined | null): T {
  if (v === undefined || v === null) throw new Error("missing value");
  return v;
}

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "partner" | "otherCoordinator", Principal>;
const ids = {} as Record<"lead" | "v1" | "v2" | "otherV" | "group" | "place", string>;

async function person(t: Territory, role: "coordinator" | "partner"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}

async function actor(name: string, commune = "16015"): Promise<string> {
  const [row] = await database.db.insert(actors).values({ name, communeCode: commune, worlds: ["social"] }).returning({ id: actors.id });
  return req(row).id;
}

const exists = async (id: string) => (await database.db.select({ id: actors.id }).from(actors).where(eq(actors.id, id))).length === 1;

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  // Angoulême (16015) lies in Grand Angoulême (EPCI 200071827): both territories see the same structures.
  territory = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-suppression", name: "Angoulême" });
  other = await createTestTerritory(db, { kind: "epci", code: "200071827", slug: "grand-angouleme-suppression", name: "Grand Angoulême" });
  people.coordinator = await person(territory, "coordinator");
  people.partner = await person(territory, "partner");
  people.otherCoordinator = await person(other, "coordinator");
  ids.lead = await actor("Centre social des Trois-Chênes");
  ids.v1 = req((await db.insert(planVersions).values({ territoryId: territory.id, number: 1, title: "Plan 2026", kind: "annuel", startYear: 2026, endYear: 2026, frozenAt: new Date() }).returning())[0]).id;
  ids.v2 = req((await db.insert(planVersions).values({ territoryId: territory.id, number: 2, title: "Plan 2026-2027", kind: "pluriannuel", startYear: 2026, endYear: 2027 }).returning())[0]).id;
  ids.otherV = req((await db.insert(planVersions).values({ territoryId: other.id, number: 1, title: "Plan communautaire", kind: "annuel", startYear: 2026, endYear: 2026 }).returning())[0]).id;
  const [led1, led2, partnered, inKind, elsewhere] = await db
    .insert(planActions)
    .values([
      { territoryId: territory.id, versionId: ids.v1, title: "Ateliers parents", leadActorId: ids.lead },
      { territoryId: territory.id, versionId: ids.v2, title: "Ateliers parents", leadActorId: ids.lead },
      { territoryId: territory.id, versionId: ids.v2, title: "Annuaire des aidants" },
      { territoryId: territory.id, versionId: ids.v2, title: "Bus numérique" },
      { territoryId: other.id, versionId: ids.otherV, title: "Action intercommunale" },
    ])
    .returning({ id: planActions.id });
  void led1;
  void led2;
  await db.insert(planActionPartners).values([
    { actionId: req(partnered).id, actorId: ids.lead, role: "relais" },
    { actionId: req(elsewhere).id, actorId: ids.lead, role: "relais" },
  ]);
  await db.insert(planInKind).values({ actionId: req(inKind).id, actorId: ids.lead, kind: "salle", year: 2027, days: 4 });
  ids.group = req((await db.insert(groups).values({ territoryId: territory.id, name: "Commission jeunesse", kind: "commission" }).returning())[0]).id;
  await db.insert(groupMembers).values({ groupId: ids.group, name: "Inès Martin", actorId: ids.lead });
  const [charter] = await db.insert(charters).values({ territoryId: territory.id, title: "Charte de l'inclusion numérique" }).returning();
  await db.insert(charterPartners).values({ charterId: req(charter).id, actorId: ids.lead });
  ids.place = req((await db.insert(places).values({ source: "test", sourceId: "trois-chenes", name: "Espace numérique des Trois-Chênes", communeCode: "16015", actorId: ids.lead, data: {} as never }).returning())[0]).id;
  await db.insert(maturityAssessments).values({ actorId: ids.lead });
});

afterAll(async () => {
  await database?.close();
});

describe("deleting a structure", () => {
  it("one that leads actions and is used elsewhere is refused with the list, and nothing changes", async () => {
    const e = await expectAppError(deleteActor(database.db, people.coordinator, territory, ids.lead, actorUsage), "still_used");
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      "La structure « Centre social des Trois-Chênes » ne peut pas être supprimée : elle est encore utilisée (action du plan « Annuaire des aidants » (version 2) ; action du plan « Ateliers parents » (version 1) ; action du plan « Ateliers parents » (version 2) ; action du plan « Bus numérique » (version 2) ; une action du plan d'un autre territoire ; partenaire de la charte « Charte de l'inclusion numérique » ; membres du groupe « Commission jeunesse » ; lieu « Espace numérique des Trois-Chênes » ; une autoévaluation de la structure). Retirez-la d'abord de ces éléments, puis recommencez.",
    );
    expect(await exists(ids.lead)).toBe(true);
    expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, ids.lead), eq(auditEvents.action, "delete")))).toEqual([]);
    // The page's list: this territory's uses link to their page, the others' are counted without a link.
    const uses = await usesOfActor(database.db, territory.id, ids.lead, actorUsage);
    expect(uses.filter((u) => u.path !== null).map((u) => u.path)).toEqual([
      expect.stringMatching(/^plan\/actions\/[0-9a-f-]{36}$/),
      expect.stringMatching(/^plan\/actions\/[0-9a-f-]{36}$/),
      expect.stringMatching(/^plan\/actions\/[0-9a-f-]{36}$/),
      expect.stringMatching(/^plan\/actions\/[0-9a-f-]{36}$/),
      "charte",
      `groupes/${ids.group}`,
      `lieux/${ids.place}/modifier`,
    ]);
    // Seen from the other territory: its own action named, this territory's four counted.
    const seenThere = await usesOfActor(database.db, other.id, ids.lead, actorUsage);
    expect(seenThere.slice(0, 2).map((u) => u.label)).toEqual(["action du plan « Action intercommunale » (version 1)", "4 actions du plan d'autres territoires"]);
  });

  it("an unused structure is deleted in one transaction with one audit event; this territory's contacts and follow-up go with it", async () => {
    const id = await actor("Association éphémère");
    await database.db.insert(actorContacts).values({ actorId: id, territoryId: territory.id, name: "Paul Éphémère" });
    await database.db.insert(territoryActors).values({ actorId: id, territoryId: territory.id, status: "engaged" });
    expect(await usesOfActor(database.db, territory.id, id, actorUsage)).toEqual([]);
    expect(await deleteActor(database.db, people.coordinator, territory, id, actorUsage)).toEqual({ name: "Association éphémère" });
    expect(await exists(id)).toBe(false);
    expect(await database.db.select().from(actorContacts).where(eq(actorContacts.actorId, id))).toEqual([]);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, "actor"), eq(auditEvents.entityId, id)));
    expect(events.map((e) => [e.action, e.territoryId, (e.before as { name: string }).name, e.after])).toEqual([["delete", territory.id, "Association éphémère", null]]);
  });

  it("another territory's contacts and follow-up, and the people who speak for it, are not this territory's to drop: refused", async () => {
    const id = await actor("Maison des projets");
    await database.db.insert(actorContacts).values({ actorId: id, territoryId: other.id, name: "Contact de l'agglomération" });
    await database.db.insert(actorMembers).values({ actorId: id, userId: people.partner.kind === "user" ? people.partner.userId : "" });
    const e = await expectAppError(deleteActor(database.db, people.coordinator, territory, id, actorUsage), "still_used");
    expect(e.message).toBe(
      "La structure « Maison des projets » ne peut pas être supprimée : elle est encore utilisée (une personne la représente ; un autre territoire la suit (contacts, notes)). Retirez-la d'abord de ces éléments, puis recommencez.",
    );
    expect(await exists(id)).toBe(true);
  });

  it("only the registry's administration deletes: not the partner who speaks for it; a structure the territory does not see is not found", async () => {
    const id = await actor("Foyer rural");
    await database.db.insert(actorMembers).values({ actorId: id, userId: people.partner.kind === "user" ? people.partner.userId : "" });
    await expectAppError(deleteActor(database.db, people.partner, territory, id, actorUsage), "forbidden");
    const far = await actor("Tiers-lieu de Cognac", "16102");
    await expectAppError(deleteActor(database.db, people.coordinator, territory, far, actorUsage), "not_found");
    expect(await exists(id)).toBe(true);
    expect(await exists(far)).toBe(true);
  });

  it("without the reader, a restrict key still refuses (a message that cannot name the actions), nothing deleted", async () => {
    const e = await expectAppError(deleteActor(database.db, people.coordinator, territory, ids.lead, async () => []), "still_used");
    expect(e.message).toBe("La structure « Centre social des Trois-Chênes » ne peut pas être supprimée : elle est encore utilisée ailleurs. Retirez-la d'abord de ces éléments.");
    expect(await exists(ids.lead)).toBe(true);
  });
});

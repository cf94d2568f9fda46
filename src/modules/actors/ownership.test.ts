import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { submitAssessment } from "@/modules/maturity/commands";
import { maturityPolicy } from "@/modules/maturity/policy";
import { actorMaturity, territoryMaturity } from "@/modules/maturity/queries";
import { assessmentInput } from "@/modules/maturity/validation";
import { dimensionIds } from "@/modules/maturity/grid";
import { importPlaces } from "@/modules/places/commands";
import { mergePlaces } from "@/modules/places/duplicates";
import { updatePlace, versionOf } from "@/modules/places/edit/commands";
import { formValues } from "@/modules/places/edit/form";
import { placeHistory } from "@/modules/places/edit/queries";
import { findPlace, listPlaces } from "@/modules/places/queries";
import { places } from "@/modules/places/schema";
import { createTerritory, reviewTerritory } from "@/modules/territories/commands";
import type { Territory } from "@/modules/territories/queries";
import { addContact, createActor, linkMember, setFollowUp, updateActor } from "./commands";
import { mayRead, ownedFields, type OwnedField } from "./ownership";
import { findActor, listContacts } from "./queries";

/**
 * The attack observed on main (issue 8 §1), reproduced: a fresh account opens a territory over the
 * département 16 and tries, as its coordinator, to change Charente's places and actors and to read
 * what Charente wrote about them. And the ownership rule as a table: territory × verified? × field.
 */

let database: Database;
let charente: Territory;
let coordinator: Principal;
let partner: Principal;
let admin: Principal;
let actorId = "";
let placeId = "";
let otherPlaceId = "";

const file = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));
const record = (id: string, nom: string) => ({
  id,
  pivot: "00000000000000",
  nom,
  commune: "Angoulême",
  code_postal: "16000",
  adresse: "1 place de l'Hôtel de Ville",
  date_maj: "2026-01-15",
  services: "Aide aux démarches administratives",
});
const levels = assessmentInput(Object.fromEntries(dimensionIds.map((d) => [d, { level: 2, comment: "Confidentiel : budget en baisse." }])));

async function person(territory: Territory | undefined, role: "coordinator" | "partner" | "observer", options: { admin?: boolean } = {}) {
  const u = await createUser(database.db, { admin: options.admin ?? false });
  if (territory) await addMember(database.db, territory.id, u.id, role);
  return { ...u, principal: await principalOf(database.db, u.id) };
}

/** The place as its edit form shows it, with `changes` typed over it. */
async function editForm(territory: Territory, id: string, changes: Record<string, unknown>) {
  const place = await findPlace(database.db, territory.id, id);
  if (!place) throw new Error("place not seen");
  return { ...formValues(place.data), version: versionOf(place), ...changes };
}

/** What a fresh account gets: an account, and a territory over the département 16 that it opens itself. */
async function attacker(slug: string) {
  const u = await createUser(database.db);
  const territory = await createTerritory(database.db, await principalOf(database.db, u.id), { kind: "departement", code: "16", name: `Charente bis ${slug}`, slug });
  return { territory, principal: await principalOf(database.db, u.id) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  charente = await createTestTerritory(db, { kind: "departement", code: "16", slug: "charente-proprio", name: "Charente" });
  const c = await person(charente, "coordinator");
  coordinator = c.principal;
  const p = await person(charente, "partner");
  partner = p.principal;
  admin = (await person(undefined, "observer", { admin: true })).principal;
  await importPlaces(db, { kind: "system", label: "test" }, { bytes: file([record("c-1", "Médiathèque"), record("c-2", "Médiathèque bis")]), filename: "charente.json", source: "charente-src", territory: charente, dryRun: false });
  const listed = await listPlaces(db, charente.id, {}, 1);
  placeId = listed.items.find((i) => i.name === "Médiathèque")?.id ?? "";
  otherPlaceId = listed.items.find((i) => i.name === "Médiathèque bis")?.id ?? "";
  // A coordinator's edit, so that the history names Charente's coordinator (with an e-mail).
  await updatePlace(db, coordinator, charente, placeId, await editForm(charente, placeId, { telephone: "+33545000001" }));
  const created = await createActor(db, coordinator, charente, { name: "Centre social", legalType: "association", communeCode: "16015" });
  actorId = created.id;
  await addContact(db, coordinator, charente, actorId, { name: "Jeanne Secrète", role: "directrice", email: "jeanne@prive.test", phone: "0600000000" });
  await setFollowUp(db, coordinator, charente, actorId, { status: "engaged", notes: "Note interne : subvention en attente." });
  // The structure's person joins Charente as its partner: the structure joined Charente.
  await linkMember(db, coordinator, charente, actorId, { user: p.id });
  partner = await principalOf(db, p.id);
  await submitAssessment(db, partner, charente, actorId, levels);
});
afterAll(async () => {
  await database?.close();
});

describe("a fresh account that opens a territory over the département 16", () => {
  it("gets a territory waiting for verification", async () => {
    const { territory } = await attacker("pirate-statut");
    expect(territory.status).toBe("pending");
  });

  it("cannot edit Charente's places, nor import, merge or move them", async () => {
    const db = database.db;
    const { territory, principal } = await attacker("pirate-lieux");
    expect((await findPlace(db, territory.id, placeId))?.name).toBe("Médiathèque");
    await expectAppError(updatePlace(db, principal, territory, placeId, await editForm(territory, placeId, { nom: "Lieu détourné" })), "forbidden");
    await expectAppError(importPlaces(db, principal, { bytes: file([record("c-1", "Lieu détourné")]), filename: "x.json", source: "charente-src", territory, dryRun: false }), "forbidden");
    await expectAppError(mergePlaces(db, principal, territory, placeId, otherPlaceId), "forbidden");
    expect((await findPlace(db, charente.id, placeId))?.name).toBe("Médiathèque");
    expect((await listPlaces(db, charente.id, {}, 1)).total).toBe(2);
  });

  it("cannot edit Charente's actors, create one, or name their speakers", async () => {
    const db = database.db;
    const { territory, principal } = await attacker("pirate-acteurs");
    await expectAppError(updateActor(db, principal, territory, actorId, { name: "Structure détournée", legalType: "association", communeCode: "16015" }), "forbidden");
    await expectAppError(createActor(db, principal, territory, { name: "Fausse structure", legalType: "association", communeCode: "16015" }), "forbidden");
    await expectAppError(linkMember(db, principal, territory, actorId, { user: "u-someone" }), "forbidden");
    expect((await findActor(db, charente.id, actorId))?.name).toBe("Centre social");
  });

  it("reads none of Charente's private contacts, status or notes", async () => {
    const db = database.db;
    const { territory } = await attacker("pirate-contacts");
    expect(await listContacts(db, territory.id, actorId)).toEqual([]);
    const seen = await findActor(db, territory.id, actorId);
    // The public record, as any visitor sees it; nothing of what Charente wrote.
    expect(seen?.name).toBe("Centre social");
    expect({ status: seen?.status, notes: seen?.notes, joined: seen?.joined }).toEqual({ status: "to_mobilise", notes: "", joined: false });
    expect(JSON.stringify(seen)).not.toMatch(/Jeanne|subvention/);
    // Its speaker is named, without the e-mail (a member of Charente, not of this territory).
    expect(seen?.speakers.map((p) => [p.name, p.email])).toEqual([["Personne de test", ""]]);
    expect((await findActor(db, charente.id, actorId))?.speakers.map((p) => p.email)).toEqual([partner.kind === "user" ? partner.email : "?"]);
  });

  it("reads no self-assessment, heat map or median, and may not self-assess", async () => {
    const db = database.db;
    const { territory, principal } = await attacker("pirate-maturite");
    const seen = await findActor(db, territory.id, actorId);
    expect(maturityPolicy.viewResults(principal, territory, { speakerIds: seen?.speakerIds ?? [], joined: seen?.joined ?? false })).toBe(false);
    const view = await territoryMaturity(db, territory);
    expect({ assessed: view.summary.assessed, rows: view.rows }).toEqual({ assessed: 0, rows: [] });
    expect(view.summary.dimensions.every((d) => d.median === null)).toBe(true);
    await expectAppError(submitAssessment(db, principal, territory, actorId, levels), "forbidden");
  });

  it("sees the place's history without other editors' e-mails", async () => {
    const db = database.db;
    const { territory, principal } = await attacker("pirate-historique");
    const theirs = await placeHistory(db, principal, territory, placeId);
    expect(theirs.length).toBeGreaterThanOrEqual(1);
    expect(theirs.map((h) => h.who).join(" ")).not.toContain("@");
    // Charente's own members still see who, with the e-mail, for the writes made from Charente.
    const ours = await placeHistory(db, coordinator, charente, placeId);
    expect(ours[0]?.who).toContain(coordinator.kind === "user" ? coordinator.email : "?");
  });

  it("once verified, edits the shared places of its perimeter but still reads nothing Charente owns", async () => {
    const db = database.db;
    const { territory, principal } = await attacker("verifie-plus-tard");
    const verified = await reviewTerritory(db, admin, territory.id, { decision: "verify" });
    await updatePlace(db, principal, verified, otherPlaceId, await editForm(verified, otherPlaceId, { horaires: "Mo-Fr 10:00-12:00" }));
    expect(await listContacts(db, verified.id, actorId)).toEqual([]);
    expect((await findActor(db, verified.id, actorId))?.notes).toBe("");
    expect((await territoryMaturity(db, verified)).summary.assessed).toBe(0);
    // Suspended, it loses those rights again.
    const suspended = await reviewTerritory(db, admin, territory.id, { decision: "suspend", reason: "Demande non confirmée." });
    await expectAppError(updatePlace(db, principal, suspended, otherPlaceId, await editForm(suspended, otherPlaceId, { horaires: "Mo-Fr 10:00-13:00" })), "forbidden");
  });

  it("Charente keeps reading what it owns", async () => {
    const db = database.db;
    expect((await listContacts(db, charente.id, actorId)).map((c) => c.name)).toEqual(["Jeanne Secrète"]);
    expect((await findActor(db, charente.id, actorId))?.notes).toBe("Note interne : subvention en attente.");
    expect((await territoryMaturity(db, charente)).rows.map((r) => r.name)).toEqual(["Centre social"]);
    expect((await actorMaturity(db, charente.id, actorId)).latest?.answers.support?.level).toBe(2);
    const [n] = await db.select({ n: count() }).from(places).where(eq(places.source, "charente-src"));
    expect(n?.n).toBe(2);
  });
});

describe("the ownership rule (territory × verified? × field)", () => {
  // Three territories over the same actor: Charente (verified, wrote the data, the actor joined it);
  // another verified territory over it (wrote nothing, not joined); a pending one the actor joined.
  // Written by hand; each cell is checked against the rule AND against what the queries return.
  const expected: Record<string, Record<OwnedField, boolean>> = {
    "owner, verified, joined": { publicRecord: true, privateContacts: true, followUp: true, selfAssessments: true },
    "other, verified, not joined": { publicRecord: true, privateContacts: false, followUp: false, selfAssessments: false },
    "other, pending, joined": { publicRecord: true, privateContacts: false, followUp: false, selfAssessments: false },
  };

  it("gives each territory's coordinator exactly its cells", async () => {
    const db = database.db;
    const otherVerified = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-verifie", name: "Angoulême" });
    const otherCoordinator = (await person(otherVerified, "coordinator")).principal;
    const { territory: pending, principal: pendingCoordinator } = await attacker("en-attente-partenaire");
    // The actor joined the pending territory too: verification still decides.
    const { territoryActors } = await import("./schema");
    await db.insert(territoryActors).values({ territoryId: pending.id, actorId, joinedAt: new Date() });

    const cases: [string, Territory, Principal][] = [
      ["owner, verified, joined", charente, coordinator],
      ["other, verified, not joined", otherVerified, otherCoordinator],
      ["other, pending, joined", pending, pendingCoordinator],
    ];
    for (const [label, territory, viewer] of cases) {
      const seen = await findActor(db, territory.id, actorId);
      // The rule, for a coordinator of the territory who does not speak for the actor, about what Charente wrote.
      const rule = Object.fromEntries(ownedFields.map((f) => [f, mayRead(f, viewer, territory, { speakerIds: seen?.speakerIds ?? [], joined: seen?.joined ?? false, writtenBy: charente.id })]));
      // What the queries actually return from that territory.
      const read = {
        publicRecord: seen?.name === "Centre social",
        privateContacts: (await listContacts(db, territory.id, actorId)).length > 0,
        followUp: seen?.notes !== "" && seen?.status === "engaged",
        selfAssessments: (await territoryMaturity(db, territory)).rows.some((r) => r.actorId === actorId),
      };
      expect({ label, rule }).toEqual({ label, rule: expected[label] });
      expect({ label, read }).toEqual({ label, read: expected[label] });
    }
  });

  it("the actor's own people read its self-assessments from any territory they are in", async () => {
    const db = database.db;
    const seen = await findActor(db, charente.id, actorId);
    const { territory } = await attacker("ou-est-le-partenaire");
    expect(mayRead("selfAssessments", partner, territory, { speakerIds: seen?.speakerIds ?? [], joined: false })).toBe(true);
    expect(mayRead("selfAssessments", { kind: "anonymous" }, charente, { speakerIds: seen?.speakerIds ?? [], joined: true })).toBe(false);
  });
});

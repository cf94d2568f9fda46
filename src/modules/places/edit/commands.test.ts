import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { actorMembers, actors } from "@/modules/actors/schema";
import type { Territory } from "@/modules/territories/queries";
import { importPlaces } from "../commands";
import { findPlace, listPlaces } from "../queries";
import { places } from "../schema";
import { rowViolations } from "../standard/schema";
import { standardRow } from "../standard/export";
import { updatePlace, versionOf } from "./commands";
import { formValues } from "./form";
import { placeHistory } from "./queries";

let database: Database;
let angouleme: Territory;
let cognac: Territory;
const people = {} as Record<"coordinator" | "partner" | "otherPartner" | "observer" | "cognacCoordinator" | "admin", Principal>;
let placeId = "";
let cognacPlaceId = "";
let actorId = "";
let otherActorId = "";

const record = (id: string, nom: string, commune: string, code_postal: string) => ({
  id,
  pivot: "00000000000000",
  nom,
  commune,
  code_postal,
  adresse: "1 place de l'Hôtel de Ville",
  date_maj: "2026-01-15",
  telephone: "+33545000000",
  services: "Aide aux démarches administratives",
  horaires: "Mo-Fr 09:00-12:00",
});

async function person(territory: Territory | undefined, role: "coordinator" | "partner" | "observer", admin = false): Promise<Principal> {
  const u = await createUser(database.db, { admin });
  if (territory) await addMember(database.db, territory.id, u.id, role);
  return principalOf(database.db, u.id);
}

/** The place as the form shows it, with `changes` typed over it. */
async function form(id: string, territory: Territory, changes: Record<string, unknown> = {}) {
  const place = await findPlace(database.db, territory.id, id);
  if (!place) throw new Error("place not found");
  return { ...formValues(place.data), version: versionOf(place), ...changes };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  angouleme = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-edit", name: "Angoulême" });
  cognac = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-edit", name: "Cognac" });
  const file = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));
  const system = { kind: "system", label: "test" } as const;
  await importPlaces(db, system, { bytes: file([record("e-1", "Médiathèque Alpha", "Angoulême", "16000")]), filename: "e.json", territory: angouleme, dryRun: false });
  await importPlaces(db, system, { bytes: file([record("e-2", "Espace Cognac", "Cognac", "16100")]), filename: "c.json", territory: cognac, dryRun: false });
  placeId = (await listPlaces(db, angouleme.id, { q: "Alpha" }, 1)).items[0]?.id ?? "";
  cognacPlaceId = (await listPlaces(db, cognac.id, {}, 1)).items[0]?.id ?? "";
  people.coordinator = await person(angouleme, "coordinator");
  people.partner = await person(angouleme, "partner");
  people.otherPartner = await person(angouleme, "partner");
  people.observer = await person(angouleme, "observer");
  people.cognacCoordinator = await person(cognac, "coordinator");
  people.admin = await person(undefined, "observer", true);
  const [a] = await db.insert(actors).values({ name: "Médiathèque d'Angoulême", communeCode: "16015" }).returning();
  const [b] = await db.insert(actors).values({ name: "Centre social de la Grand-Font", communeCode: "16015" }).returning();
  actorId = a?.id ?? "";
  otherActorId = b?.id ?? "";
  if (people.partner.kind === "user") await db.insert(actorMembers).values({ actorId, userId: people.partner.userId });
  await db.update(places).set({ actorId }).where(eq(places.id, placeId));
});

afterAll(async () => {
  await database?.close();
});

describe("editing a place directly", () => {
  it("a coordinator changes hours, services and contact; the record stays valid against the schema and is dated today", async () => {
    const input = await form(placeId, angouleme, {
      horaires: "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00",
      services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"],
      courriels: "accueil@mediatheque.fr, numerique@mediatheque.fr",
      latitude: "45,6484",
      longitude: "0,1562",
    });
    const { changed } = await updatePlace(database.db, people.coordinator, angouleme, placeId, input);
    expect(changed).toEqual(expect.arrayContaining(["horaires", "services", "courriels", "latitude", "longitude"]));
    const place = await findPlace(database.db, angouleme.id, placeId);
    expect(place?.data.horaires).toBe("Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00");
    expect(place?.services).toEqual(["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"]);
    expect(place?.data.courriels).toEqual(["accueil@mediatheque.fr", "numerique@mediatheque.fr"]);
    expect(place?.lat).toBe(45.6484);
    expect(place?.lon).toBe(0.1562);
    expect(place?.data.date_maj).not.toBe("2026-01-15");
    expect(place?.data.id).toBe("e-1");
    if (!place) throw new Error("place not found");
    expect(rowViolations(standardRow(place.data))).toEqual([]);
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, placeId));
    expect(event?.action).toBe("update");
  });

  it("hours written in French, or with the day-by-day grid, are stored as their OSM value; nonsense gets a French field error", async () => {
    await updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { horaires: "du lundi au vendredi 9h-12h et 14h-17h, fermé le mercredi" }));
    expect((await findPlace(database.db, angouleme.id, placeId))?.data.horaires).toBe("Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00");
    // The grid wins over the text it replaces (with JavaScript the text mirrors it; without, it may be stale).
    const grid = { grille_5_matin_debut: "10:00", grille_5_matin_fin: "12:30", grille_0_apres_debut: "14:00", grille_0_apres_fin: "18:00" };
    await updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { horaires: "texte oublié", ...grid }));
    expect((await findPlace(database.db, angouleme.id, placeId))?.data.horaires).toBe("Mo 14:00-18:00; Sa 10:00-12:30");
    const nonsense = await expectAppError(updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { horaires: "quand ça nous chante" })), "validation");
    expect(nonsense.fieldErrors?.horaires).toEqual(["Le mot «\u00a0quand\u00a0» n'est pas compris. Écrivez par exemple «\u00a0du lundi au vendredi 9h-12h et 14h-17h\u00a0»."]);
    const badGrid = await expectAppError(updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { grille_2_matin_debut: "09:00" })), "validation");
    expect(badGrid.fieldErrors?.horaires).toEqual(["Mercredi matin : indiquez l'heure d'ouverture et l'heure de fermeture."]);
    expect((await findPlace(database.db, angouleme.id, placeId))?.data.horaires).toBe("Mo 14:00-18:00; Sa 10:00-12:30");
  });

  it("the partner who speaks for the place's actor may edit it; another partner, an observer, a coordinator of another territory may not", async () => {
    await updatePlace(database.db, people.partner, angouleme, placeId, await form(placeId, angouleme, { presentation_resume: "Ateliers numériques pour tous, le mercredi." }));
    expect((await findPlace(database.db, angouleme.id, placeId))?.data.presentation_resume).toBe("Ateliers numériques pour tous, le mercredi.");
    for (const who of [people.otherPartner, people.observer]) {
      await expectAppError(updatePlace(database.db, who, angouleme, placeId, await form(placeId, angouleme, { nom: "Piraté" })), "forbidden");
    }
    // Seen from Cognac the place does not exist.
    await expectAppError(updatePlace(database.db, people.cognacCoordinator, cognac, placeId, await form(placeId, angouleme, { nom: "Piraté" })), "not_found");
    expect((await findPlace(database.db, angouleme.id, placeId))?.name).toBe("Médiathèque Alpha");
  });

  it("a form opened before someone else's save is refused, and nothing is overwritten", async () => {
    const stale = await form(placeId, angouleme, { nom: "Médiathèque Alpha (ancien formulaire)" });
    await updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { complement_adresse: "Rez-de-chaussée" }));
    await expectAppError(updatePlace(database.db, people.coordinator, angouleme, placeId, stale), "edit_conflict");
    const place = await findPlace(database.db, angouleme.id, placeId);
    expect(place?.name).toBe("Médiathèque Alpha");
    expect(place?.data.complement_adresse).toBe("Rez-de-chaussée");
  });

  it("bad values are refused field by field in French and nothing is written", async () => {
    const before = await findPlace(database.db, angouleme.id, placeId);
    const error = await expectAppError(
      updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { nom: "", telephone: "12", horaires: "tous les jours", latitude: "45.6", longitude: "", services: ["Inventé"] })),
      "validation",
    );
    // A latitude without longitude: the message goes to the missing one.
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["horaires", "longitude", "nom", "services", "telephone"]);
    expect(error.fieldErrors?.nom?.[0]).toMatch(/nom/i);
    expect(error.fieldErrors?.telephone?.[0]).toMatch(/téléphone/i);
    const after = await findPlace(database.db, angouleme.id, placeId);
    expect(after?.modifiedAt.toISOString()).toBe(before?.modifiedAt.toISOString());
  });

  it("moving a place to a commune outside the territory is refused to a coordinator, allowed to an administrator", async () => {
    const move = { code_postal: "16100", commune: "Cognac" };
    const error = await expectAppError(updatePlace(database.db, people.coordinator, cognac, cognacPlaceId, await form(cognacPlaceId, cognac, { code_postal: "16000", commune: "Angoulême" })), "forbidden");
    expect(error.status).toBe(403); // a coordinator of Angoulême is nobody in Cognac
    const refused = await expectAppError(updatePlace(database.db, people.cognacCoordinator, cognac, cognacPlaceId, await form(cognacPlaceId, cognac, { code_postal: "16000", commune: "Angoulême" })), "validation");
    expect(refused.fieldErrors?.commune?.[0]).toMatch(/hors du territoire/);
    await updatePlace(database.db, people.admin, cognac, cognacPlaceId, await form(cognacPlaceId, cognac, { code_postal: "16000", commune: "Angoulême" }));
    const moved = await findPlace(database.db, angouleme.id, cognacPlaceId);
    expect(moved?.communeCode).toBe("16015");
    expect(await findPlace(database.db, cognac.id, cognacPlaceId)).toBeUndefined();
    // and back, by an administrator again
    await updatePlace(database.db, people.admin, angouleme, cognacPlaceId, await form(cognacPlaceId, angouleme, move));
    expect((await findPlace(database.db, cognac.id, cognacPlaceId))?.communeCode).toBe("16102");
  });

  it("only coordination links a place to another actor, chosen among the actors the territory sees", async () => {
    await expectAppError(updatePlace(database.db, people.partner, angouleme, placeId, await form(placeId, angouleme, { actor: otherActorId })), "forbidden");
    const bad = await expectAppError(updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { actor: "00000000-0000-4000-8000-000000000000" })), "validation");
    expect(bad.fieldErrors?.actor?.[0]).toMatch(/structure/);
    await updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { actor: otherActorId }));
    expect((await findPlace(database.db, angouleme.id, placeId))?.actorId).toBe(otherActorId);
    // The partner no longer speaks for the place's actor: no more editing.
    await expectAppError(updatePlace(database.db, people.partner, angouleme, placeId, await form(placeId, angouleme, { nom: "Autre nom" })), "forbidden");
    await updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme, { actor: actorId }));
  });

  it("the place's history lists who changed which fields, newest first, only where the place is seen", async () => {
    const history = await placeHistory(database.db, people.coordinator, angouleme, placeId);
    expect(history.length).toBeGreaterThanOrEqual(4);
    expect(history.at(-1)?.fields).toEqual(["courriels", "horaires", "latitude", "longitude", "services"]);
    expect(history.some((h) => h.fields.includes("actorId"))).toBe(true);
    expect(await placeHistory(database.db, people.coordinator, cognac, placeId)).toEqual([]);
  });

  it("saving the form unchanged changes nothing", async () => {
    const before = await findPlace(database.db, angouleme.id, placeId);
    const { changed } = await updatePlace(database.db, people.coordinator, angouleme, placeId, await form(placeId, angouleme));
    expect(changed).toEqual([]);
    expect((await findPlace(database.db, angouleme.id, placeId))?.modifiedAt.toISOString()).toBe(before?.modifiedAt.toISOString());
  });
});

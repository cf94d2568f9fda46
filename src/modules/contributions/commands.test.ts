import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { getEnv } from "@/platform/env";
import { AppError } from "@/platform/errors";
import { latestMailTo } from "@/platform/mail/mailer";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { findPlace, listPlaces } from "@/modules/places/queries";
import { places } from "@/modules/places/schema";
import { standardRow } from "@/modules/places/standard/export";
import { rowViolations } from "@/modules/places/standard/schema";
import type { Territory } from "@/modules/territories/queries";
import { acceptProposal, rejectProposal, submitProposal } from "./commands";
import { findProposal, listPendingProposals } from "./queries";
import { parisToday } from "@/platform/dates";
import { placeProposals } from "./schema";

let database: Database;
let angouleme: Territory;
let cognac: Territory;
const anonymous: Principal = { kind: "anonymous" };
const actors: Record<"coordinator" | "partner" | "observer" | "cognacCoordinator", Principal> = {} as Record<"coordinator" | "partner" | "observer" | "cognacCoordinator", Principal>;
const ids = { first: "", second: "", third: "", cognac: "" };

// Two real places of Angoulême and one of Cognac, imported as any file would be.
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

async function member(territory: Territory, role: "coordinator" | "partner" | "observer"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, territory.id, u.id, role);
  return principalOf(database.db, u.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  angouleme = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-contrib", name: "Angoulême" });
  cognac = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-contrib", name: "Cognac" });
  const system = { kind: "system", label: "test" } as const;
  const file = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));
  await importPlaces(db, system, { bytes: file([record("a-1", "Médiathèque Alpha", "Angoulême", "16000"), record("a-2", "Centre social Beta", "Angoulême", "16000"), { ...record("a-3", "Maison Zeta", "Angoulême", "16000"), horaires: "le matin", presentation_resume: "Accueil\nsur rendez-vous" }]), filename: "a.json", territory: angouleme, dryRun: false });
  await importPlaces(db, system, { bytes: file([record("c-1", "Espace Cognac", "Cognac", "16100")]), filename: "c.json", territory: cognac, dryRun: false });
  const byName = async (t: Territory, q: string) => (await listPlaces(db, t.id, { q }, 1)).items[0]?.id ?? "";
  ids.first = await byName(angouleme, "Alpha");
  ids.second = await byName(angouleme, "Beta");
  ids.third = await byName(angouleme, "Zeta");
  ids.cognac = await byName(cognac, "Espace Cognac");
  actors.coordinator = await member(angouleme, "coordinator");
  actors.partner = await member(angouleme, "partner");
  actors.observer = await member(angouleme, "observer");
  actors.cognacCoordinator = await member(cognac, "coordinator");
});
afterAll(async () => {
  await database?.close();
});

let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;
const proposalCount = async () => (await database.db.select({ n: count() }).from(placeProposals))[0]?.n ?? 0;

const newPlace = { nom: "Tiers-lieu Gamma", adresse: "12 rue de Périgueux", code_postal: "16000", commune: "Angoulême", services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"] };

function propose(fields: Record<string, unknown> = {}, address = freshAddress(), territory = angouleme) {
  return submitProposal(database.db, anonymous, territory, { kind: "new" }, { ...newPlace, ...fields }, { address });
}

async function proposedId(fields: Record<string, unknown> = {}): Promise<string> {
  const result = await propose(fields);
  if (result.outcome !== "received") throw new Error("proposal not received");
  return result.id;
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("proposing a place (anyone, spam-limited)", () => {
  it("a visitor's proposal waits for moderation; the contact is kept but not journaled", async () => {
    const id = await proposedId({ services: "Aide aux démarches administratives", contact_email: "visiteur@exemple.test", telephone: "05 45 11 22 33" });
    const [row] = await database.db.select().from(placeProposals).where(eq(placeProposals.id, id));
    expect(row).toMatchObject({ status: "pending", kind: "new", territoryId: angouleme.id, contactEmail: "visiteur@exemple.test" });
    expect(row?.payload).toMatchObject({ nom: "Tiers-lieu Gamma", telephone: "+33545112233", services: ["Aide aux démarches administratives"] });
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(event?.action).toBe("create");
    expect(JSON.stringify(event?.after)).not.toContain("visiteur@exemple.test");
  });

  it("hours written in French (« Proposer un lieu », « Signaler une erreur », moderation's grid) are proposed and published as their OSM value", async () => {
    const id = await proposedId({ horaires: "lundi 9h-12h; mardi 14h-17h" });
    expect((await database.db.select().from(placeProposals).where(eq(placeProposals.id, id)))[0]?.payload.horaires).toBe("Mo 09:00-12:00; Tu 14:00-17:00");
    const correction = await submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.second }, { ...newPlace, nom: "Centre social Beta", horaires: "le samedi de 10 h à 12 h" }, { address: freshAddress() });
    if (correction.outcome !== "received") throw new Error("correction not received");
    expect((await database.db.select().from(placeProposals).where(eq(placeProposals.id, correction.id)))[0]?.payload.horaires).toBe("Sa 10:00-12:00");
    // The moderator edits with the grid before accepting: the grid's value is what gets published.
    const edited = { ...newPlace, nom: "Centre social Beta", horaires: "le samedi de 10 h à 12 h", grille_2_matin_debut: "09:00", grille_2_matin_fin: "12:00" };
    const { placeId } = await acceptProposal(database.db, actors.coordinator, angouleme, correction.id, edited);
    expect((await findPlace(database.db, angouleme.id, placeId))?.data.horaires).toBe("We 09:00-12:00");
  });

  it("nonsense hours are refused with a French message naming what was not understood, never the library's English", async () => {
    const e = await appError(propose({ horaires: "lun-ven 9h-12h sur rendez-vous" }));
    expect(e.fieldErrors?.horaires).toEqual(["Le mot «\u00a0sur\u00a0» n'est pas compris. Écrivez par exemple «\u00a0du lundi au vendredi 9h-12h et 14h-17h\u00a0»."]);
    const grid = await appError(propose({ grille_0_apres_debut: "18:00", grille_0_apres_fin: "14:00" }));
    expect(grid.fieldErrors?.horaires).toEqual(["Lundi après-midi : la fermeture (14\u00a0h) doit suivre l'ouverture (18\u00a0h)."]);
  });

  it("a robot that fills the honeypot gets the same answer and nothing is written", async () => {
    const before = await proposalCount();
    const result = await propose({ site_internet: "http://spam.example" });
    expect(result.outcome).toBe("discarded");
    expect(await proposalCount()).toBe(before);
  });

  it("invalid fields are refused with a French message per field, and nothing is written", async () => {
    const before = await proposalCount();
    const e = await appError(
      propose({ nom: " ", code_postal: "160", commune: "", telephone: "12", courriel: "pas-une-adresse", site_web: "javascript:alert(1)", horaires: "quand on peut", services: ["Réparer des vélos"], contact_email: "x@", nom_trop: "ignoré" }),
    );
    expect(e.id).toBe("validation");
    for (const field of ["nom", "code_postal", "commune", "telephone", "courriel", "site_web", "horaires", "services", "contact_email"]) {
      expect(e.fieldErrors?.[field]?.[0], field).toMatch(/\S/);
    }
    expect(e.fieldErrors?.code_postal?.[0]).toContain("5 chiffres");
    expect(await proposalCount()).toBe(before);
  });

  it("every field has a size limit", async () => {
    const e = await appError(propose({ nom: "x".repeat(201), presentation_resume: "y".repeat(281), message: "z".repeat(2001) }));
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["message", "nom", "presentation_resume"]);
  });

  it("a commune outside the territory is refused with a clear message", async () => {
    const e = await appError(propose({ code_postal: "16100", commune: "Cognac" }));
    expect(e.fieldErrors?.commune?.[0]).toContain("n'est pas dans le territoire « Angoulême »");
    const unknown = await appError(propose({ code_postal: "99999", commune: "Nulle part" }));
    expect(unknown.fieldErrors?.code_postal?.[0]).toContain("Aucune commune");
  });

  it("a flood of proposals from one address is rate-limited; another address is not", async () => {
    const address = freshAddress();
    for (let i = 0; i < 5; i++) expect((await propose({ nom: `Lieu ${i}` }, address)).outcome).toBe("received");
    const before = await proposalCount();
    const e = await appError(propose({ nom: "Lieu de trop" }, address));
    expect(e.id).toBe("rate_limited");
    expect(e.message).toMatch(/^Trop de tentatives/);
    expect(await proposalCount()).toBe(before);
    expect((await propose({}, freshAddress())).outcome).toBe("received");
  });

  it("a correction keeps only the changed fields; an unchanged one without a message is refused", async () => {
    const place = await findPlace(database.db, angouleme.id, ids.first);
    if (!place) throw new Error("place missing");
    const current = { nom: place.data.nom, adresse: place.data.adresse, code_postal: "16000", commune: "Angoulême", telephone: "+33545000000", horaires: "Mo-Fr 09:00-12:00", services: place.data.services };
    const same = await appError(submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.first }, current, { address: freshAddress() }));
    expect(same.fieldErrors?.message?.[0]).toContain("aucune information");
    const sent = await submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.first }, { ...current, telephone: "05 45 99 88 77", message: "Nouveau numéro" }, { address: freshAddress() });
    if (sent.outcome !== "received") throw new Error("not received");
    const found = await findProposal(database.db, angouleme.id, sent.id);
    expect(found?.proposal.payload).toEqual({ telephone: "+33545998877", message: "Nouveau numéro" });
    expect(found?.lines).toEqual([{ field: "telephone", label: "Téléphone", current: "+33545000000", proposed: "+33545998877" }]);
  });

  it("an unchanged published value is not checked again (imported hours our check refuses)", async () => {
    const place = await findPlace(database.db, angouleme.id, ids.third);
    if (!place) throw new Error("place missing");
    expect(place.data.horaires).toBe("le matin");
    const form = { ...newPlace, nom: "Maison Zeta", presentation_resume: "Accueil\r\nsur rendez-vous", adresse: place.data.adresse, horaires: "le matin", services: place.data.services, telephone: "05 45 12 12 12" };
    const sent = await submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.third }, form, { address: freshAddress() });
    if (sent.outcome !== "received") throw new Error("not received");
    expect((await findProposal(database.db, angouleme.id, sent.id))?.proposal.payload).toEqual({ telephone: "+33545121212" });
    await acceptProposal(database.db, actors.coordinator, angouleme, sent.id, { ...form, nom: "Maison Zeta (centre-ville)" });
    expect((await findPlace(database.db, angouleme.id, ids.third))?.data).toMatchObject({ nom: "Maison Zeta (centre-ville)", telephone: "+33545121212", horaires: "le matin" });
    const changedHours = await appError(submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.third }, { ...form, horaires: "le soir" }, { address: freshAddress() }));
    expect(changedHours.fieldErrors?.horaires?.[0]).toMatch(/\S/);
  });

  it("a correction of another territory's place is not found", async () => {
    const e = await appError(submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.cognac }, { ...newPlace, message: "x" }, { address: freshAddress() }));
    expect(e.id).toBe("not_found");
  });
});

describe("moderating proposals (the territory's coordinators)", () => {
  it("accepting a new place creates it in the territory, valid in the national standard, and tells the proposer", async () => {
    const id = await proposedId({ nom: "Tiers-lieu Delta", contact_email: "delta@exemple.test", horaires: "Mo-Fr 09:00-12:00" });
    const { placeId } = await acceptProposal(database.db, actors.coordinator, angouleme, id);
    const { items } = await listPlaces(database.db, angouleme.id, { q: "Tiers-lieu Delta" }, 1);
    expect(items.map((p) => p.id)).toEqual([placeId]);
    const [created] = await database.db.select().from(places).where(eq(places.id, placeId));
    expect(created).toMatchObject({ source: "maillage-contribution", sourceId: `contribution-${id}`, communeCode: "16015", hours: "Mo-Fr 09:00-12:00" });
    expect(created?.data).toMatchObject({ id: `contribution-${id}`, code_insee: "16015", date_maj: parisToday() });
    expect(rowViolations(standardRow(created?.data ?? ({} as never)))).toEqual([]);
    const [proposal] = await database.db.select().from(placeProposals).where(eq(placeProposals.id, id));
    expect(proposal).toMatchObject({ status: "accepted", contactEmail: null });
    expect(proposal?.decidedBy).toMatch(/@exemple\.test$/);
    expect(latestMailTo(getEnv().dataDir, "delta@exemple.test")).toContain("acceptée");
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.territoryId, angouleme.id));
    expect(events.some((e) => e.entityId === id && e.action === "accept")).toBe(true);
    expect(events.some((e) => e.entityId === placeId && e.action === "create")).toBe(true);
  });

  it("accepting a correction updates that place only, dated today and signed by the moderator", async () => {
    const other = await findPlace(database.db, angouleme.id, ids.second);
    const sent = await submitProposal(database.db, anonymous, angouleme, { kind: "correction", placeId: ids.first }, { ...newPlace, nom: "Médiathèque Alpha (rénovée)", commune: "Angoulême", horaires: "Mo-Sa 10:00-18:00" }, { address: freshAddress() });
    if (sent.outcome !== "received") throw new Error("not received");
    await acceptProposal(database.db, actors.coordinator, angouleme, sent.id);
    const updated = await findPlace(database.db, angouleme.id, ids.first);
    expect(updated?.name).toBe("Médiathèque Alpha (rénovée)");
    expect(updated?.data).toMatchObject({ id: "a-1", nom: "Médiathèque Alpha (rénovée)", adresse: "12 rue de Périgueux", horaires: "Mo-Sa 10:00-18:00", date_maj: parisToday() });
    expect(updated?.source).toBe("a.json");
    expect(updated?.modifiedBy).toBe(actors.coordinator.kind === "user" ? actors.coordinator.email : "");
    expect(rowViolations(standardRow(updated?.data ?? ({} as never)))).toEqual([]);
    expect(await findPlace(database.db, angouleme.id, ids.second)).toEqual(other);
  });

  it("a coordinator may edit a proposal before accepting it; the edit is validated too", async () => {
    const id = await proposedId({ nom: "Lieu mal nomé" });
    const wrong = await appError(acceptProposal(database.db, actors.coordinator, angouleme, id, { ...newPlace, code_postal: "16100", commune: "Cognac" }));
    expect(wrong.fieldErrors?.commune?.[0]).toContain("n'est pas dans le territoire");
    expect((await findProposal(database.db, angouleme.id, id))?.proposal.status).toBe("pending");
    const { placeId } = await acceptProposal(database.db, actors.coordinator, angouleme, id, { ...newPlace, nom: "Lieu bien nommé" });
    expect((await findPlace(database.db, angouleme.id, placeId))?.name).toBe("Lieu bien nommé");
  });

  it("rejecting requires a reason, which is kept; a decided proposal cannot be decided again", async () => {
    const id = await proposedId({ nom: "Lieu fermé", contact_email: "ferme@exemple.test" });
    const missing = await appError(rejectProposal(database.db, actors.coordinator, angouleme, id, { reason: "  " }));
    expect(missing.fieldErrors?.reason?.[0]).toContain("raison");
    expect((await findProposal(database.db, angouleme.id, id))?.proposal.status).toBe("pending");
    await rejectProposal(database.db, actors.coordinator, angouleme, id, { reason: "Ce lieu a fermé en 2025." });
    const decided = await findProposal(database.db, angouleme.id, id);
    expect(decided?.proposal).toMatchObject({ status: "rejected", reason: "Ce lieu a fermé en 2025." });
    expect(latestMailTo(getEnv().dataDir, "ferme@exemple.test")).toContain("Ce lieu a fermé en 2025.");
    const again = await appError(acceptProposal(database.db, actors.coordinator, angouleme, id));
    expect(again.message).toContain("n'est plus en attente");
    expect((await listPendingProposals(database.db, angouleme.id)).items.some((i) => i.proposal.id === id)).toBe(false);
  });

  it("a partner, an observer or a visitor cannot moderate", async () => {
    const id = await proposedId({ nom: "Lieu à modérer" });
    for (const principal of [actors.partner, actors.observer, anonymous]) {
      expect((await appError(acceptProposal(database.db, principal, angouleme, id))).id).toBe("forbidden");
      expect((await appError(rejectProposal(database.db, principal, angouleme, id, { reason: "Non." }))).id).toBe("forbidden");
    }
    expect((await findProposal(database.db, angouleme.id, id))?.proposal.status).toBe("pending");
  });

  it("a proposal of another territory is not found, even by that territory's coordinator through this one", async () => {
    const id = await proposedId({ nom: "Lieu d'Angoulême" });
    expect(await findProposal(database.db, cognac.id, id)).toBeUndefined();
    expect((await listPendingProposals(database.db, cognac.id)).items).toEqual([]);
    expect((await appError(acceptProposal(database.db, actors.cognacCoordinator, cognac, id))).id).toBe("not_found");
    expect((await appError(rejectProposal(database.db, actors.cognacCoordinator, cognac, id, { reason: "Pas chez nous." }))).id).toBe("not_found");
    expect((await appError(acceptProposal(database.db, actors.cognacCoordinator, angouleme, id))).id).toBe("forbidden");
    expect((await findProposal(database.db, angouleme.id, id))?.proposal.status).toBe("pending");
  });

  it("the queue lists pending proposals oldest first, without the proposer's address", async () => {
    const { items, total } = await listPendingProposals(database.db, angouleme.id);
    expect(total).toBeGreaterThan(0);
    expect(items.every((i) => i.proposal.status === "pending")).toBe(true);
    expect(items.every((i) => !("contactEmail" in i.proposal))).toBe(true);
    const times = items.map((i) => i.proposal.createdAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

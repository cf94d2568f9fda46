import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { createFinding, createGroup, deleteFinding, mergeFindings, moveToGroup, setPartnersRecordFindings, toggleVote, updateFinding } from "./commands";
import { findFinding, listFindings } from "./queries";

let database: Database;
let territory: Territory;
let other: Territory;
const people = {} as Record<"coordinator" | "partner" | "partner2" | "observer" | "otherCoordinator", Principal>;

async function person(t: Territory, role: "coordinator" | "partner" | "observer"): Promise<Principal> {
  const u = await createUser(database.db);
  await addMember(database.db, t.id, u.id, role);
  return principalOf(database.db, u.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Angoulême's EPCI (Grand Angoulême, 38 communes): Angoulême 16015 and Soyaux 16374 are in it, Cognac 16102 is not.
  territory = await createTestTerritory(database.db, { kind: "epci", code: "200071827", slug: "grand-angouleme-constats", name: "Grand Angoulême" });
  other = await createTestTerritory(database.db, { kind: "commune", code: "16102", slug: "cognac-constats", name: "Cognac" });
  people.coordinator = await person(territory, "coordinator");
  people.partner = await person(territory, "partner");
  people.partner2 = await person(territory, "partner");
  people.observer = await person(territory, "observer");
  people.otherCoordinator = await person(other, "coordinator");
});

afterAll(async () => {
  await database?.close();
});

const strength = (text: string, extra: Record<string, unknown> = {}) => ({ kind: "strength", text, themes: ["acces_droits"], communes: ["16015"], ...extra });

describe("findings of the diagnostic", () => {
  it("a coordinator records a strength tagged with themes and communes of the territory; the audit log has it", async () => {
    const { id } = await createFinding(database.db, people.coordinator, territory, strength("Les médiathèques accueillent déjà des ateliers de démarches en ligne.", { origin: "meeting", originLabel: "Réunion des partenaires du 12 mars" }));
    const found = await findFinding(database.db, territory.id, id);
    expect(found).toMatchObject({ kind: "strength", origin: "meeting", themes: ["acces_droits"], communes: ["16015"] });
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(event?.action).toBe("create");
    // Not seen from another territory.
    expect(await findFinding(database.db, other.id, id)).toBeUndefined();
  });

  it("refuses empty text, unknown themes, and communes outside the territory, field by field, writing nothing", async () => {
    const before = (await listFindings(database.db, territory.id)).length;
    const e1 = await expectAppError(createFinding(database.db, people.coordinator, territory, { kind: "question", text: "", themes: ["inconnu"] }), "validation");
    expect(Object.keys(e1.fieldErrors ?? {}).sort()).toEqual(["text", "themes"]);
    await expectAppError(createFinding(database.db, people.coordinator, territory, strength("Cognac n'est pas dans le périmètre", { communes: ["16102"] })), "validation", "communes");
    await expectAppError(createFinding(database.db, people.coordinator, territory, { kind: "atout", text: "Type inconnu" }), "validation", "kind");
    expect((await listFindings(database.db, territory.id)).length).toBe(before);
  });

  it("partners record findings only once the coordinator allows it; observers never", async () => {
    await expectAppError(createFinding(database.db, people.partner, territory, strength("Le centre social a un espace numérique.")), "forbidden");
    await expectAppError(setPartnersRecordFindings(database.db, people.partner, territory, true), "forbidden");
    await setPartnersRecordFindings(database.db, people.coordinator, territory, true);
    await createFinding(database.db, people.partner, territory, strength("Le centre social a un espace numérique."));
    await expectAppError(createFinding(database.db, people.observer, territory, strength("Observé")), "forbidden");
    await expectAppError(createFinding(database.db, people.otherCoordinator, territory, strength("Ailleurs")), "forbidden");
  });

  it("votes put the findings in priority order; voting again takes the vote back; observers do not vote", async () => {
    const a = await createFinding(database.db, people.coordinator, territory, { kind: "question", text: "Comment toucher les personnes âgées isolées ?", communes: ["16374"] });
    const b = await createFinding(database.db, people.coordinator, territory, { kind: "question", text: "Qui forme les agents d'accueil ?" });
    expect(await toggleVote(database.db, people.partner, territory, b.id)).toBe(true);
    expect(await toggleVote(database.db, people.partner2, territory, b.id)).toBe(true);
    expect(await toggleVote(database.db, people.partner, territory, a.id)).toBe(true);
    await expectAppError(toggleVote(database.db, people.observer, territory, a.id), "forbidden");
    let questions = await listFindings(database.db, territory.id, { kind: "question" }, people.partner.kind === "user" ? people.partner.userId : undefined);
    expect(questions.map((q) => [q.text, q.votes, q.votedByMe])).toEqual([
      ["Qui forme les agents d'accueil ?", 2, true],
      ["Comment toucher les personnes âgées isolées ?", 1, true],
    ]);
    expect(await toggleVote(database.db, people.partner2, territory, b.id)).toBe(false);
    expect(await toggleVote(database.db, people.partner, territory, b.id)).toBe(false);
    questions = await listFindings(database.db, territory.id, { kind: "question" });
    expect(questions.map((q) => q.votes)).toEqual([1, 0]);
    expect((await listFindings(database.db, territory.id, { commune: "16374" })).map((q) => q.text)).toEqual(["Comment toucher les personnes âgées isolées ?"]);
  });

  it("merging two questions keeps one, with the union of themes, communes and votes (one per person); the other leaves the list", async () => {
    const keep = await createFinding(database.db, people.coordinator, territory, { kind: "question", text: "Manque de lieux à Soyaux", themes: ["accompagnement_humain"], communes: ["16374"] });
    const dup = await createFinding(database.db, people.coordinator, territory, { kind: "question", text: "Pas d'aide numérique près de Soyaux", themes: ["acces_droits"], communes: ["16374", "16015"] });
    await toggleVote(database.db, people.partner, territory, keep.id);
    await toggleVote(database.db, people.partner, territory, dup.id);
    await toggleVote(database.db, people.partner2, territory, dup.id);
    const s = await createFinding(database.db, people.coordinator, territory, strength("Un atout"));
    await expectAppError(mergeFindings(database.db, people.coordinator, territory, keep.id, s.id), "validation", "other");
    await expectAppError(mergeFindings(database.db, people.partner, territory, keep.id, dup.id), "forbidden");
    await mergeFindings(database.db, people.coordinator, territory, keep.id, dup.id, "Pas de lieu d'aide numérique à Soyaux");
    const list = await listFindings(database.db, territory.id, { kind: "question" });
    const merged = list.find((f) => f.id === keep.id);
    expect(merged).toMatchObject({ text: "Pas de lieu d'aide numérique à Soyaux", votes: 2 });
    expect(merged?.themes.sort()).toEqual(["acces_droits", "accompagnement_humain"]);
    expect(merged?.communes.sort()).toEqual(["16015", "16374"]);
    expect(list.some((f) => f.id === dup.id)).toBe(false);
    expect((await findFinding(database.db, territory.id, dup.id))?.mergedInto).toBe(keep.id);
  });

  it("groups gather findings; a group of another territory cannot be used", async () => {
    const g = await createGroup(database.db, people.coordinator, territory, { title: "Démarches en ligne" });
    const foreign = await createGroup(database.db, people.otherCoordinator, other, { title: "Ailleurs" });
    const f = await createFinding(database.db, people.coordinator, territory, { kind: "question", text: "Les démarches CAF posent problème", groupId: g.id });
    await expectAppError(moveToGroup(database.db, people.coordinator, territory, f.id, foreign.id), "validation", "groupId");
    expect((await listFindings(database.db, territory.id, { group: g.id })).map((x) => x.text)).toEqual(["Les démarches CAF posent problème"]);
    await moveToGroup(database.db, people.coordinator, territory, f.id, "");
    expect(await listFindings(database.db, territory.id, { group: g.id })).toEqual([]);
    await updateFinding(database.db, people.coordinator, territory, f.id, { kind: "question", text: "Les démarches CAF et retraite posent problème", themes: ["acces_droits"] });
    expect((await findFinding(database.db, territory.id, f.id))?.text).toBe("Les démarches CAF et retraite posent problème");
    await deleteFinding(database.db, people.coordinator, territory, f.id);
    expect(await findFinding(database.db, territory.id, f.id)).toBeUndefined();
  });
});

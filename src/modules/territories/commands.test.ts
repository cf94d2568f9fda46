import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { auditEvents } from "@/platform/audit/schema";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createUser } from "@/testing/factories";
import { acceptInvitation, changeMemberRole, createInvitation, createTerritory, inspectInvitation, removeMember, revokeInvitation, updateTerritory } from "./commands";
import { territorySummary } from "./queries";
import { memberships, territories, territoryCommunes } from "./schema";
import { expectAppError } from "@/testing/assertions";

// Expected figures come straight from the committed reference file, not from the code under test.
const communesFile = JSON.parse(fs.readFileSync("data/communes.json", "utf8")) as { columns: string[]; rows: unknown[][] };
const col = (name: string) => communesFile.columns.indexOf(name);
const rowsWhere = (column: string, value: string) => communesFile.rows.filter((r) => r[col(column)] === value);

// Distinct real Charente communes for the tests that need "some commune".
const charente = rowsWhere("departement", "16").map((r) => String(r[col("code")]));
const commune = (n: number) => charente[n] as string;

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function coordinator() {
  const u = await createUser(database.db);
  return { user: u, principal: await principalOf(database.db, u.id) };
}

/** A territory and its coordinator's principal, loaded after creation (a principal is a snapshot of roles). */
async function territoryWithCoordinator(code: string, slug: string) {
  const { user, principal } = await coordinator();
  const t = await createTerritory(database.db, principal, { kind: "commune", code, slug });
  return { user, t, principal: await principalOf(database.db, user.id) };
}

async function counts() {
  const db = database.db;
  const [t] = await db.select({ n: count() }).from(territories);
  const [c] = await db.select({ n: count() }).from(territoryCommunes);
  const [a] = await db.select({ n: count() }).from(auditEvents);
  return { territories: t?.n, communes: c?.n, audit: a?.n };
}


describe("creating a territory", () => {
  it("over an EPCI takes exactly its member communes and their population, and makes the creator coordinator", async () => {
    const { user, principal } = await coordinator();
    const epciCode = "200070514"; // CA du Grand Cognac
    const t = await createTerritory(database.db, principal, { kind: "epci", code: epciCode, slug: "grand-cognac-test" });
    const expectedRows = rowsWhere("epci", epciCode);
    expect(expectedRows.length).toBeGreaterThan(50);
    const summary = await territorySummary(database.db, t.id);
    expect(summary.communeCount).toBe(expectedRows.length);
    expect(summary.population).toBe(expectedRows.reduce((s, r) => s + (r[col("population")] as number), 0));
    expect(t.name).toMatch(/Cognac/);
    const [m] = await database.db.select().from(memberships).where(eq(memberships.territoryId, t.id));
    expect(m).toMatchObject({ userId: user.id, role: "coordinator" });
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.territoryId, t.id));
    expect(audit).toMatchObject({ entityType: "territory", action: "create", actorUserId: user.id });
    expect((audit?.after as { communeCount: number }).communeCount).toBe(expectedRows.length);
  });

  it("over a custom set accepts INSEE codes and postcodes (a postcode brings all its communes)", async () => {
    const { principal } = await coordinator();
    const codes = new Set(communesFile.rows.map((r) => String(r[col("code")])));
    // A Charente postcode shared by several communes and that is not itself an INSEE code.
    const shared = new Map<string, string[]>();
    for (const r of rowsWhere("departement", "16")) for (const p of String(r[col("postcodes")]).split(" ")) shared.set(p, [...(shared.get(p) ?? []), String(r[col("code")])]);
    const [postcode, members] = [...shared.entries()].find(([p, m]) => m.length >= 3 && !codes.has(p)) ?? ["", []];
    expect(members.length).toBeGreaterThanOrEqual(3);
    const t = await createTerritory(database.db, principal, { kind: "custom", name: "Bassin de test", slug: "bassin-test", communes: `16015, 16070\n${postcode}` });
    const expected = new Set(["16015", "16070", ...members]);
    expect((await territorySummary(database.db, t.id)).communeCount).toBe(expected.size);
  });

  it("refuses an unknown INSEE code, names it, and writes nothing", async () => {
    const { principal } = await coordinator();
    const before = await counts();
    const e = await expectAppError(createTerritory(database.db, principal, { kind: "custom", name: "Erreurs", slug: "erreurs", communes: "16015 99999 ABCDE" }), "validation", "communes");
    expect(e.fieldErrors?.communes).toEqual(["« 99999 » : aucune commune n'a ce code INSEE ni ce code postal.", "« ABCDE » : aucune commune de ce nom ni de ce code."]);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown EPCI code and an empty perimeter", async () => {
    const { principal } = await coordinator();
    const before = await counts();
    await expectAppError(createTerritory(database.db, principal, { kind: "epci", code: "123456789" }), "validation", "code");
    await expectAppError(createTerritory(database.db, principal, { kind: "custom", name: "Vide", communes: "  " }), "validation", "communes");
    await expectAppError(createTerritory(database.db, principal, { kind: "departement", code: "" }), "validation", "code");
    expect(await counts()).toEqual(before);
  });

  it("without a chosen perimeter, puts the error on the perimeter field and says what to do", async () => {
    const { principal } = await coordinator();
    const error = await expectAppError(createTerritory(database.db, principal, { kind: "epci", name: "Mon territoire" }), "validation", "code");
    expect(error.fieldErrors).toEqual({ code: ["Aucun périmètre choisi : cherchez-le à l'étape 1, puis choisissez-le dans la liste des résultats."] });
  });

  it("refuses a duplicate slug with 409 and writes nothing", async () => {
    const { principal } = await coordinator();
    await createTerritory(database.db, principal, { kind: "commune", code: "16015", slug: "angouleme-unique" });
    const before = await counts();
    const e = await expectAppError(createTerritory(database.db, principal, { kind: "commune", code: "16070", slug: "angouleme-unique" }), "slug_taken", "slug");
    expect(e.status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it("refuses a 1 MB name with a field error", async () => {
    const { principal } = await coordinator();
    const before = await counts();
    await expectAppError(createTerritory(database.db, principal, { kind: "commune", code: "16015", name: "x".repeat(1_000_000) }), "validation", "name");
    expect(await counts()).toEqual(before);
  });

  it("is refused to visitors who are not signed in", async () => {
    await expectAppError(createTerritory(database.db, { kind: "anonymous" }, { kind: "commune", code: "16015" }), "forbidden");
  });
});

describe("invitations and members", () => {
  it("a partner joins by link with the role of the invitation, once", async () => {
    const { t, principal } = await territoryWithCoordinator(commune(20), "invitations-1");
    const { token } = await createInvitation(database.db, principal, t, { role: "partner", label: "Centre social" }, { days: 14 });
    const partner = await createUser(database.db);
    const joined = await acceptInvitation(database.db, await principalOf(database.db, partner.id), token);
    expect(joined.id).toBe(t.id);
    expect((await principalOf(database.db, partner.id)).kind === "user" && (await principalOf(database.db, partner.id))).toMatchObject({ roles: { [t.id]: "partner" } });
    const third = await createUser(database.db);
    await expectAppError(acceptInvitation(database.db, await principalOf(database.db, third.id), token), "invitation_used");
  });

  it("an expired invitation is refused and adds nobody", async () => {
    const { t, principal } = await territoryWithCoordinator(commune(21), "invitations-2");
    const created = new Date("2026-01-01T10:00:00Z");
    const { token } = await createInvitation(database.db, principal, t, { role: "observer" }, { days: 14, now: created });
    const guest = await createUser(database.db);
    const later = new Date("2026-01-15T10:00:01Z");
    expect((await inspectInvitation(database.db, token, later)).status).toBe("expired");
    const e = await expectAppError(acceptInvitation(database.db, await principalOf(database.db, guest.id), token, later), "invitation_expired");
    expect(e.message).toMatch(/expiré/);
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, guest.id));
    expect(rows).toHaveLength(0);
  });

  it("a revoked invitation no longer works; only coordinators invite", async () => {
    const { t, principal } = await territoryWithCoordinator(commune(22), "invitations-3");
    const { token, invitation } = await createInvitation(database.db, principal, t, { role: "partner" }, { days: 7 });
    await revokeInvitation(database.db, principal, t, invitation.id);
    const guest = await createUser(database.db);
    await expectAppError(acceptInvitation(database.db, await principalOf(database.db, guest.id), token), "invitation_revoked");
    const observer = await createUser(database.db);
    await addMember(database.db, t.id, observer.id, "observer");
    await expectAppError(createInvitation(database.db, await principalOf(database.db, observer.id), t, { role: "partner" }, { days: 7 }), "forbidden");
  });

  it("an invitation of one territory cannot be revoked through another (tenancy)", async () => {
    const { user, principal: creator } = await coordinator();
    const a = await createTerritory(database.db, creator, { kind: "commune", code: commune(23), slug: "tenancy-a" });
    const b = await createTerritory(database.db, creator, { kind: "commune", code: commune(24), slug: "tenancy-b" });
    const principal = await principalOf(database.db, user.id);
    const { invitation } = await createInvitation(database.db, principal, a, { role: "partner" }, { days: 7 });
    await expectAppError(revokeInvitation(database.db, principal, b, invitation.id), "not_found");
  });

  it("keeps at least one coordinator, and audits role changes with before and after", async () => {
    const { user, t, principal } = await territoryWithCoordinator(commune(25), "roles-1");
    await expectAppError(changeMemberRole(database.db, principal, t, user.id, "observer"), "last_coordinator");
    await expectAppError(removeMember(database.db, principal, t, user.id), "last_coordinator");
    const other = await createUser(database.db);
    await addMember(database.db, t.id, other.id, "partner");
    await changeMemberRole(database.db, principal, t, other.id, "coordinator");
    const events = await database.db.select().from(auditEvents).where(eq(auditEvents.territoryId, t.id));
    const change = events.find((e) => e.action === "change_role");
    expect(change).toMatchObject({ entityId: other.id, before: { role: "partner" }, after: { role: "coordinator" } });
  });

  it("records before/after when a coordinator edits the presentation", async () => {
    const { t, principal } = await territoryWithCoordinator(commune(26), "edit-1");
    await updateTerritory(database.db, principal, t, { name: "Nouveau nom", description: "Une démarche partagée." });
    const [e] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "update"));
    expect(e).toMatchObject({ territoryId: t.id, before: { name: t.name, description: "" }, after: { name: "Nouveau nom", description: "Une démarche partagée." } });
  });
});

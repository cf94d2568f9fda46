import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymous, type Principal } from "@/platform/auth/principal";
import { auditEvents } from "@/platform/audit/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { principalOf, createTestTerritory, createUser } from "@/testing/factories";
import { listPendingTerritories } from "@/modules/accounts/admin";
import { acceptProposal, submitProposal } from "@/modules/contributions/commands";
import { createTerritory, reviewTerritory } from "./commands";
import { findTerritoryBySlug } from "./queries";

/** The administrators' queue: who opens a territory, who verifies it, and the audit of each decision. */

let database: Database;
let admin: Principal;
let requester: Principal;
let requesterEmail = "";

beforeAll(async () => {
  database = await openTestDatabase();
  const a = await createUser(database.db, { admin: true });
  admin = await principalOf(database.db, a.id);
  const r = await createUser(database.db, { name: "Camille Demandeuse" });
  requesterEmail = r.email;
  requester = await principalOf(database.db, r.id);
});
afterAll(async () => {
  await database?.close();
});

async function bySlug(slug: string) {
  const t = await findTerritoryBySlug(database.db, slug);
  if (!t) throw new Error(`no territory ${slug}`);
  return t;
}

const decisions = async (territoryId: string) =>
  (
    await database.db
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "territory"), eq(auditEvents.entityId, territoryId)))
      .orderBy(asc(auditEvents.id))
  ).filter((e) => e.action !== "create");

describe("opening a territory", () => {
  it("a person's territory waits for verification; the platform's (demo, command line) and an administrator's are verified", async () => {
    const db = database.db;
    expect((await createTerritory(db, requester, { kind: "commune", code: "16102", slug: "cognac-demande" })).status).toBe("pending");
    expect((await createTerritory(db, admin, { kind: "commune", code: "16089", slug: "chateauneuf-admin" })).status).toBe("verified");
    expect((await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-systeme" })).status).toBe("verified");
  });
});

describe("the administrators' queue", () => {
  it("lists pending territories, oldest request first, with who asked, when, and the perimeter", async () => {
    const db = database.db;
    await createTerritory(db, requester, { kind: "departement", code: "16", slug: "charente-demandee", name: "Charente demandée" });
    const queue = await listPendingTerritories(db);
    expect(queue.map((t) => t.slug)).toEqual(["cognac-demande", "charente-demandee"]);
    const charente = queue[1];
    expect({ requester: charente?.requesterName, email: charente?.requesterEmail, kind: charente?.kind, code: charente?.sourceCode }).toEqual({
      requester: "Camille Demandeuse",
      email: requesterEmail,
      kind: "departement",
      code: "16",
    });
    // The Charente has a few hundred communes and about 350,000 inhabitants.
    expect(charente?.communeCount).toBeGreaterThan(300);
    expect(charente?.population).toBeGreaterThan(300_000);
    expect(charente?.createdAt).toBeInstanceOf(Date);
  });

  it("only a platform administrator decides", async () => {
    const t = await bySlug("cognac-demande");
    await expectAppError(reviewTerritory(database.db, requester, t.id, { decision: "verify" }), "forbidden");
    await expectAppError(reviewTerritory(database.db, anonymous, t.id, { decision: "verify" }), "forbidden");
    expect((await findTerritoryBySlug(database.db, "cognac-demande"))?.status).toBe("pending");
  });

  it("a refusal needs a reason; an unknown decision is refused in French", async () => {
    const t = await bySlug("cognac-demande");
    const noReason = await expectAppError(reviewTerritory(database.db, admin, t.id, { decision: "refuse", reason: "  " }), "validation");
    expect(noReason.fieldErrors?.reason).toEqual(["Indiquez la raison : elle est montrée à la coordination du territoire."]);
    const unknown = await expectAppError(reviewTerritory(database.db, admin, t.id, { decision: "supprimer" }), "validation");
    expect(unknown.fieldErrors?.decision).toEqual(["Choisissez une décision : vérifier, refuser ou suspendre."]);
    await expectAppError(reviewTerritory(database.db, admin, t.id, { decision: "suspend", reason: "x" }), "validation");
    expect(await decisions(t.id)).toEqual([]);
  });

  it("verify, suspend and refuse: each one audited with the state before and after, and the territory leaves the queue", async () => {
    const db = database.db;
    const t = await bySlug("charente-demandee");
    const verified = await reviewTerritory(db, admin, t.id, { decision: "verify" });
    expect({ status: verified.status, by: verified.statusChangedBy !== null }).toEqual({ status: "verified", by: true });
    expect((await listPendingTerritories(db)).map((x) => x.slug)).toEqual(["cognac-demande"]);
    const suspended = await reviewTerritory(db, admin, t.id, { decision: "suspend", reason: "Personne inconnue de la préfecture." });
    expect({ status: suspended.status, reason: suspended.statusReason }).toEqual({ status: "suspended", reason: "Personne inconnue de la préfecture." });
    const c = await bySlug("cognac-demande");
    await reviewTerritory(db, admin, c.id, { decision: "refuse", reason: "Doublon du territoire existant." });
    expect(await listPendingTerritories(db)).toEqual([]);
    expect(await decisions(t.id)).toEqual([
      { action: "verify", before: { status: "pending" }, after: { status: "verified", reason: "" } },
      { action: "suspend", before: { status: "verified" }, after: { status: "suspended", reason: "Personne inconnue de la préfecture." } },
    ]);
    expect(await decisions(c.id)).toEqual([{ action: "refuse", before: { status: "pending" }, after: { status: "refused", reason: "Doublon du territoire existant." } }]);
  });
});

describe("moderating place proposals writes the shared registry", () => {
  it("the coordinator of a pending territory may not accept a proposal", async () => {
    const db = database.db;
    const u = await createUser(db);
    const pending = await createTerritory(db, await principalOf(db, u.id), { kind: "commune", code: "16015", slug: "angouleme-attente" });
    const coordinator = await principalOf(db, u.id);
    const sent = await submitProposal(
      db,
      anonymous,
      pending,
      { kind: "new" },
      { nom: "Tiers-lieu Gamma", adresse: "12 rue de Périgueux", code_postal: "16000", commune: "Angoulême", services: ["Aide aux démarches administratives"] },
      { address: "203.0.113.7" },
    );
    if (sent.outcome !== "received") throw new Error("proposal not received");
    await expectAppError(acceptProposal(db, coordinator, pending, sent.id), "forbidden");
  });
});

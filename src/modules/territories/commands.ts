import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Principal, Role, UserPrincipal } from "@/platform/auth/principal";
import { authorize } from "@/platform/auth/policy";
import { recordAudit } from "@/platform/audit/record";
import type { Db, Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { communesOfPerimeter, findPerimeter } from "@/modules/geo";
import { resolveCommunesAsWritten } from "./communes";
import { platformPolicy, territoryPolicy, type TerritoryRef } from "./policy";
import { slugExists, type Territory } from "./queries";
import { invitations, memberships, territories, territoryCommunes } from "./schema";
import { z } from "zod";
import { slugify } from "@/platform/text";
import {
  createInvitationSchema,
  createTerritorySchema,
  roleSchema,
  slugSchema,
  MAX_CUSTOM_COMMUNES,
  territoryNameSchema,
  updateTerritorySchema,
  type CreateTerritoryInput,
} from "./validation";

function requireUser(principal: Principal): UserPrincipal {
  if (principal.kind !== "user") throw new AppError("unauthenticated");
  return principal;
}

async function communesFor(db: Executor, input: { kind: string; code: string; communes: string }): Promise<{ codes: string[]; perimeterName: string | null }> {
  if (input.kind === "custom") {
    // Written as people write them (names, postcodes, INSEE codes): the resolver shared by every commune field.
    const { codes, problems } = await resolveCommunesAsWritten(db, null, input.communes, { scope: "france", list: true });
    if (problems.length > 0) {
      const shown = problems.length > 10 ? [...problems.slice(0, 10), `… et ${problems.length - 10} autres entrées non comprises.`] : problems;
      throw new AppError("validation", { fieldErrors: { communes: shown } });
    }
    if (codes.length > MAX_CUSTOM_COMMUNES) throw new AppError("validation", { fieldErrors: { communes: [`Un bassin de vie ne peut pas dépasser ${MAX_CUSTOM_COMMUNES} communes.`] } });
    return { codes, perimeterName: null };
  }
  const kind = input.kind as "commune" | "epci" | "departement" | "region";
  const perimeter = await findPerimeter(db, kind, input.code);
  if (!perimeter) throw new AppError("validation", { fieldErrors: { code: [`Code inconnu : « ${input.code} ». Choisissez le périmètre dans la liste des résultats.`] } });
  const codes = await communesOfPerimeter(db, kind, perimeter.code);
  if (codes.length === 0) throw new AppError("validation", { fieldErrors: { code: ["Ce périmètre ne contient aucune commune."] } });
  return { codes, perimeterName: perimeter.name };
}

/**
 * Creates a territory over a real perimeter; its creator becomes its first coordinator. It waits for
 * a platform administrator's verification ("à vérifier") unless created by the platform itself
 * (the demo, the command line) or by an administrator.
 */
export async function createTerritory(db: Db, principal: Principal, raw: CreateTerritoryInput | Record<string, unknown>, options: { isDemo?: boolean } = {}): Promise<Territory> {
  authorize(territoryPolicy.create(principal));
  const verified = platformPolicy.createVerified(principal);
  const input = parseOrThrow(createTerritorySchema, raw);
  return db.transaction(async (tx) => {
    const { codes, perimeterName } = await communesFor(tx, input);
    const name = parseOrThrow(z.object({ name: territoryNameSchema }), { name: input.name || perimeterName || "" }).name;
    const slug = parseOrThrow(z.object({ slug: slugSchema }), { slug: input.slug || slugify(name) }).slug;
    if (await slugExists(tx, slug)) throw new AppError("slug_taken", { fieldErrors: { slug: [`L'adresse « ${slug} » est déjà utilisée par un autre territoire : choisissez-en une autre.`] } });
    const [territory] = await tx
      .insert(territories)
      .values({
        slug,
        name,
        kind: input.kind,
        sourceCode: input.kind === "custom" ? null : input.code.toUpperCase(),
        description: input.description,
        isDemo: options.isDemo ?? false,
        status: verified ? "verified" : "pending",
        statusChangedAt: verified ? new Date() : null,
        createdBy: principal.kind === "user" ? principal.userId : null,
      })
      .onConflictDoNothing({ target: territories.slug })
      .returning();
    // A concurrent creation with the same slug loses here rather than on a raw constraint error.
    if (!territory) throw new AppError("slug_taken", { fieldErrors: { slug: ["Cette adresse est déjà utilisée par un autre territoire."] } });
    for (let i = 0; i < codes.length; i += 1000) {
      await tx.insert(territoryCommunes).values(codes.slice(i, i + 1000).map((communeCode) => ({ territoryId: territory.id, communeCode })));
    }
    if (principal.kind === "user") {
      await tx.insert(memberships).values({ territoryId: territory.id, userId: principal.userId, role: "coordinator" });
    }
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "territory",
      entityId: territory.id,
      action: "create",
      after: { name: territory.name, slug: territory.slug, kind: territory.kind, sourceCode: territory.sourceCode, communeCount: codes.length, status: territory.status },
    });
    return territory;
  });
}

export async function updateTerritory(db: Db, principal: Principal, territory: Territory, raw: unknown): Promise<Territory> {
  authorize(territoryPolicy.edit(principal, territory));
  const input = parseOrThrow(updateTerritorySchema, raw);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(territories)
      .set({ name: input.name, description: input.description, updatedAt: new Date() })
      .where(eq(territories.id, territory.id))
      .returning();
    if (!updated) throw new AppError("not_found");
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "territory",
      entityId: territory.id,
      action: "update",
      before: { name: territory.name, description: territory.description },
      after: { name: updated.name, description: updated.description },
    });
    return updated;
  });
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invitation link; the token is returned once and only its hash is stored. */
export async function createInvitation(db: Db, principal: Principal, territory: TerritoryRef, raw: unknown, options: { days: number; now?: Date }) {
  authorize(territoryPolicy.invite(principal, territory));
  const input = parseOrThrow(createInvitationSchema, raw);
  const token = randomBytes(24).toString("base64url");
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + options.days * 86_400_000);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({ territoryId: territory.id, role: input.role, label: input.label, tokenHash: hashToken(token), createdBy: principal.kind === "user" ? principal.userId : null, createdAt: now, expiresAt })
      .returning();
    if (!invitation) throw new Error("invitation insert returned nothing");
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "invitation",
      entityId: invitation.id,
      action: "create",
      after: { role: input.role, label: input.label, expiresAt: expiresAt.toISOString() },
    });
    return { invitation, token };
  });
}

export async function revokeInvitation(db: Db, principal: Principal, territory: TerritoryRef, invitationId: string): Promise<void> {
  authorize(territoryPolicy.invite(principal, territory));
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(invitations).where(and(eq(invitations.id, invitationId), eq(invitations.territoryId, territory.id)));
    if (!existing) throw new AppError("not_found");
    if (existing.acceptedAt) throw new AppError("invitation_used");
    if (existing.revokedAt) return;
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, existing.id));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "invitation", entityId: existing.id, action: "revoke", before: { role: existing.role, label: existing.label } });
  });
}

/** Looks an invitation up by its token, with its territory; states why it cannot be used. */
export async function inspectInvitation(db: Executor, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "unknown" as const };
  const [row] = await db
    .select({ invitation: invitations, territory: territories })
    .from(invitations)
    .innerJoin(territories, eq(territories.id, invitations.territoryId))
    .where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) return { status: "unknown" as const };
  const status = row.invitation.revokedAt ? "revoked" : row.invitation.acceptedAt ? "used" : row.invitation.expiresAt <= now ? "expired" : "valid";
  return { status, invitation: row.invitation, territory: row.territory } as const;
}

export async function acceptInvitation(db: Db, principal: Principal, token: string, now = new Date()): Promise<Territory> {
  const person = requireUser(principal);
  return db.transaction(async (tx) => {
    const found = await inspectInvitation(tx, token, now);
    if (found.status === "unknown") throw new AppError("not_found", { message: "Cette invitation n'existe pas. Vérifiez le lien reçu." });
    if (found.status === "expired") throw new AppError("invitation_expired");
    if (found.status === "revoked") throw new AppError("invitation_revoked");
    if (found.status === "used") throw new AppError("invitation_used");
    const { invitation, territory } = found;
    const [already] = await tx.select().from(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.userId, person.userId)));
    if (already) throw new AppError("already_member", { message: `Vous faites déjà partie de « ${territory.name} ».` });
    // The check above read a snapshot: someone may accept at the same moment. The update repeats every condition,
    // and PostgreSQL re-evaluates them on the row a concurrent acceptance just committed: only one update matches.
    const marked = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: person.userId })
      .where(
        and(
          eq(invitations.id, invitation.id),
          eq(invitations.tokenHash, invitation.tokenHash),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      )
      .returning({ id: invitations.id });
    if (marked.length !== 1) throw new AppError("invitation_used");
    await tx.insert(memberships).values({ territoryId: territory.id, userId: person.userId, role: invitation.role });
    await recordAudit(tx, principal, {
      territoryId: territory.id,
      entityType: "membership",
      entityId: person.userId,
      action: "join",
      after: { role: invitation.role, invitationId: invitation.id },
    });
    return territory;
  });
}

/**
 * Counts coordinators after locking the territory's row: every change of membership holds that lock until it
 * commits, so two coordinators demoting or removing each other at once are served one after the other and the
 * second sees the first's result (never a territory left without a coordinator).
 */
async function coordinatorCount(tx: Executor, territoryId: string): Promise<number> {
  await tx.select({ id: territories.id }).from(territories).where(eq(territories.id, territoryId)).for("update");
  const [row] = await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.territoryId, territoryId), eq(memberships.role, "coordinator")));
  return row?.n ?? 0;
}

export async function changeMemberRole(db: Db, principal: Principal, territory: TerritoryRef, userId: string, rawRole: unknown): Promise<void> {
  authorize(territoryPolicy.manageMembers(principal, territory));
  const role: Role = parseOrThrow(roleSchema, rawRole);
  await db.transaction(async (tx) => {
    // Lock first, then read: the role read below is the committed one, not a snapshot taken before a concurrent change.
    const coordinators = await coordinatorCount(tx, territory.id);
    const [existing] = await tx.select().from(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.userId, userId)));
    if (!existing) throw new AppError("not_found");
    if (existing.role === role) return;
    if (existing.role === "coordinator" && coordinators <= 1) throw new AppError("last_coordinator");
    await tx.update(memberships).set({ role }).where(and(eq(memberships.territoryId, territory.id), eq(memberships.userId, userId)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "membership", entityId: userId, action: "change_role", before: { role: existing.role }, after: { role } });
  });
}

export async function removeMember(db: Db, principal: Principal, territory: TerritoryRef, userId: string): Promise<void> {
  const self = principal.kind === "user" && principal.userId === userId;
  authorize(self ? territoryPolicy.leave(principal, territory) : territoryPolicy.manageMembers(principal, territory));
  await db.transaction(async (tx) => {
    const coordinators = await coordinatorCount(tx, territory.id);
    const [existing] = await tx.select().from(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.userId, userId)));
    if (!existing) throw new AppError("not_found");
    if (existing.role === "coordinator" && coordinators <= 1) throw new AppError("last_coordinator");
    await tx.delete(memberships).where(and(eq(memberships.territoryId, territory.id), eq(memberships.userId, userId)));
    await recordAudit(tx, principal, { territoryId: territory.id, entityType: "membership", entityId: userId, action: self ? "leave" : "remove", before: { role: existing.role } });
  });
}


const reviewSchema = z.object({
  decision: z.enum(["verify", "refuse", "suspend"], { error: "Choisissez une décision : vérifier, refuser ou suspendre." }),
  reason: z.string().trim().max(1000, "La raison ne doit pas dépasser 1 000 caractères.").optional().default(""),
});

const statusAfter = { verify: "verified", refuse: "refused", suspend: "suspended" } as const;

/**
 * A platform administrator's decision about a territory: verify it (its coordination gets rights over
 * the shared registry), refuse it, or suspend it (a verified territory loses those rights). Refusing or
 * suspending needs a reason, shown to the territory's coordination. One audit event per decision.
 */
export async function reviewTerritory(db: Db, principal: Principal, territoryId: string, raw: unknown): Promise<Territory> {
  authorize(platformPolicy.reviewTerritories(principal));
  const input = parseOrThrow(reviewSchema, raw);
  if (input.decision !== "verify" && input.reason === "") {
    throw new AppError("validation", { fieldErrors: { reason: ["Indiquez la raison : elle est montrée à la coordination du territoire."] } });
  }
  if (!/^[0-9a-f-]{36}$/i.test(territoryId)) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(territories).where(eq(territories.id, territoryId));
    if (!existing) throw new AppError("not_found");
    const status = statusAfter[input.decision];
    if (input.decision === "suspend" && existing.status !== "verified") {
      throw new AppError("validation", { message: "Seul un territoire vérifié peut être suspendu." });
    }
    const [updated] = await tx
      .update(territories)
      .set({ status, statusReason: input.reason, statusChangedAt: new Date(), statusChangedBy: principal.kind === "user" ? principal.userId : null, updatedAt: new Date() })
      .where(eq(territories.id, territoryId))
      .returning();
    if (!updated) throw new AppError("not_found");
    await recordAudit(tx, principal, {
      territoryId,
      entityType: "territory",
      entityId: territoryId,
      action: input.decision,
      before: { status: existing.status },
      after: { status, reason: input.reason },
    });
    return updated;
  });
}

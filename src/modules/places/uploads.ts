import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import type { Principal } from "@/platform/auth/principal";
import type { Db } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { onCleanup } from "@/platform/jobs/queue";
import type { Territory } from "@/modules/territories";
import { keptUploads } from "./upload-schema";

/**
 * A file checked in a dry run (or uploaded for the column mapping) is kept briefly so that the next
 * step works on exactly that file. Kept in the database: any app process reads it, nothing stays in
 * a process's memory or grows on disk without bound.
 *
 * - A token is usable only by the person who uploaded, in the territory they uploaded to: anyone
 *   else (another coordinator holding the link) gets "not found", never a hint that it exists.
 * - Kept an hour (TTL_SECONDS); expired files are deleted by the periodic cleanup job.
 * - A territory keeps at most QUOTA_BYTES of waiting files, and each person their KEEP_PER_PERSON
 *   latest ones (an older one is dropped when they upload again).
 */
export const TTL_SECONDS = 60 * 60;
export const QUOTA_BYTES = 100 * 1024 * 1024;
export const KEEP_PER_PERSON = 3;

function ownerOf(principal: Principal): string {
  if (principal.kind !== "user") throw new AppError("forbidden");
  return principal.userId;
}

export async function keepUpload(
  db: Db,
  principal: Principal,
  territory: Pick<Territory, "id">,
  bytes: Uint8Array,
  filename: string,
  limits: { quotaBytes: number; perPerson: number } = { quotaBytes: QUOTA_BYTES, perPerson: KEEP_PER_PERSON },
): Promise<string> {
  const ownerId = ownerOf(principal);
  const token = randomBytes(18).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.delete(keptUploads).where(and(eq(keptUploads.territoryId, territory.id), lte(keptUploads.expiresAt, sql`now()`)));
    // This person's older files in this territory make room first (they uploaded again).
    const mine = await tx
      .select({ token: keptUploads.token })
      .from(keptUploads)
      .where(and(eq(keptUploads.territoryId, territory.id), eq(keptUploads.ownerId, ownerId)))
      .orderBy(desc(keptUploads.createdAt));
    for (const old of mine.slice(limits.perPerson - 1)) await tx.delete(keptUploads).where(eq(keptUploads.token, old.token));
    const [used] = await tx
      .select({ bytes: sql<number>`coalesce(sum(${keptUploads.size}), 0)::bigint` })
      .from(keptUploads)
      .where(eq(keptUploads.territoryId, territory.id));
    if (Number(used?.bytes ?? 0) + bytes.length > limits.quotaBytes) throw new AppError("uploads_full");
    await tx.insert(keptUploads).values({
      token,
      territoryId: territory.id,
      ownerId,
      filename: filename.slice(0, 200),
      size: bytes.length,
      bytes,
      expiresAt: sql`now() + make_interval(secs => ${TTL_SECONDS})`,
    });
  });
  return token;
}

export type KeptUpload = { bytes: Uint8Array; filename: string };

/**
 * The kept file, for its owner in its territory only. "expired": theirs, but past its hour (until the
 * cleanup deletes it); undefined: unknown, or someone else's (the caller answers 404 either way).
 */
export async function takeUpload(db: Db, principal: Principal, territory: Pick<Territory, "id">, token: string): Promise<KeptUpload | "expired" | undefined> {
  if (principal.kind !== "user" || !/^[A-Za-z0-9_-]{24}$/.test(token)) return undefined;
  const [row] = await db
    .select({ bytes: keptUploads.bytes, filename: keptUploads.filename, live: sql<boolean>`(${keptUploads.expiresAt} > now())` })
    .from(keptUploads)
    .where(and(eq(keptUploads.token, token), eq(keptUploads.territoryId, territory.id), eq(keptUploads.ownerId, principal.userId)));
  if (!row) return undefined;
  return row.live ? { bytes: row.bytes, filename: row.filename } : "expired";
}

/** `takeUpload` for the import steps: the file, or a 404 with what to do (same words whoever asks). */
export async function requireUpload(db: Db, principal: Principal, territory: Pick<Territory, "id">, token: string, message: string): Promise<KeptUpload> {
  const upload = await takeUpload(db, principal, territory, token);
  if (!upload || upload === "expired") throw new AppError("not_found", { message });
  return upload;
}

export async function dropUpload(db: Db, principal: Principal, territory: Pick<Territory, "id">, token: string): Promise<void> {
  if (principal.kind !== "user") return;
  await db.delete(keptUploads).where(and(eq(keptUploads.token, token), eq(keptUploads.territoryId, territory.id), eq(keptUploads.ownerId, principal.userId)));
}

/** Bytes kept for a territory (its quota), expired files excluded. */
export async function keptBytes(db: Db, territory: Pick<Territory, "id">): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<number>`coalesce(sum(${keptUploads.size}), 0)::bigint` })
    .from(keptUploads)
    .where(and(eq(keptUploads.territoryId, territory.id), gt(keptUploads.expiresAt, sql`now()`)));
  return Number(row?.bytes ?? 0);
}

export async function deleteExpiredUploads(db: Db): Promise<void> {
  await db.delete(keptUploads).where(lte(keptUploads.expiresAt, sql`now()`));
}

onCleanup("kept-uploads", deleteExpiredUploads);

import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { addressBucket, clientAddress as exactAddress } from "./client-address";
import { rateLimits } from "./schema";

/**
 * The client's address as a per-address limit counts it (place proposals, the questionnaires' device key):
 * the stamped socket address (see client-address.ts), an IPv6 client counted as its whole /64.
 */
export function clientAddress(headers: Parameters<typeof exactAddress>[0]): string {
  return addressBucket(exactAddress(headers));
}

export type Limit = { limit: number; windowSeconds: number };

/** The limits a person meets; per network address (or address and account), shared by all processes. */
export const limits = {
  signInPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  /** One address guessing one account: slowed there, without touching the owner elsewhere. */
  signInPerAddressAndAccount: { limit: 6, windowSeconds: 15 * 60 },
  signUpPerAddress: { limit: 20, windowSeconds: 60 * 60 },
  resetPerAccount: { limit: 5, windowSeconds: 60 * 60 },
  resetPerAddress: { limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

/**
 * Guessing one account from many addresses: never a lock-out (the owner would be locked out too), but a delay
 * between attempts that doubles with each failure past `freeFailures`, capped at `maxDelaySeconds`; forgotten after
 * `forgetAfterSeconds` without attempts, cleared by a successful sign-in or password reset.
 */
export const accountGuard = { freeFailures: 10, maxDelaySeconds: 60, forgetAfterSeconds: 60 * 60 };

/** Seconds to wait after the last attempt once an account has `failures` consecutive failures. */
export function accountDelaySeconds(failures: number): number {
  if (failures < accountGuard.freeFailures) return 0;
  return Math.min(2 ** (failures - accountGuard.freeFailures), accountGuard.maxDelaySeconds);
}

/** Keys never hold an address or an email in clear. */
export function rateKey(kind: string, value: string): string {
  return `${kind}:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}

/** The key of a per-address limit: an IPv6 /64 counts as one address. */
export function addressKey(kind: string, address: string, ...more: string[]): string {
  return rateKey(kind, [addressBucket(address), ...more].join("|"));
}

/** Counts one attempt in a fixed window; returns false when the limit is exceeded. */
export async function hit(db: Executor, key: string, { limit, windowSeconds }: Limit): Promise<boolean> {
  const expired = sql`${rateLimits.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 0) <= limit;
}

export async function forget(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

// Account rows reuse rate_limits: `count` holds consecutive failures, `window_started_at` the last attempt.
const accountDelay = sql`make_interval(secs => least(power(2, greatest(${rateLimits.count} - ${accountGuard.freeFailures}, 0)), ${accountGuard.maxDelaySeconds}))`;
const accountStale = sql`${rateLimits.windowStartedAt} < now() - make_interval(secs => ${accountGuard.forgetAfterSeconds})`;

/**
 * Claims the right to try a password on an account. Atomic: the claim moves the "last attempt" forward in the
 * same statement that checks it, so concurrent attempts cannot all slip through when a delay ends.
 */
export async function claimAccountAttempt(db: Executor, key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const claimed = await db
    .update(rateLimits)
    .set({ count: sql`case when ${accountStale} then 0 else ${rateLimits.count} end`, windowStartedAt: sql`now()` })
    .where(
      and(
        eq(rateLimits.key, key),
        sql`(${rateLimits.count} < ${accountGuard.freeFailures} or ${accountStale} or ${rateLimits.windowStartedAt} + ${accountDelay} <= now())`,
      ),
    )
    .returning({ count: rateLimits.count });
  if (claimed.length > 0) return { allowed: true };
  const [row] = await db
    .select({ wait: sql<number>`ceil(extract(epoch from (${rateLimits.windowStartedAt} + ${accountDelay} - now())))::int` })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  // No row: no failure yet.
  if (!row) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Number(row.wait)) };
}

export async function recordAccountFailure(db: Executor, key: string): Promise<void> {
  await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { count: sql`case when ${accountStale} then 1 else ${rateLimits.count} + 1 end`, windowStartedAt: sql`now()` },
    });
}

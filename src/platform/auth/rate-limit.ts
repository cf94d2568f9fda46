import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { rateLimits } from "./schema";

export type Limit = { limit: number; windowSeconds: number };

/** The limits a person meets; per account and per network address, shared by all processes. */
export const limits = {
  signInPerAccount: { limit: 8, windowSeconds: 15 * 60 },
  signInPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  signUpPerAddress: { limit: 20, windowSeconds: 60 * 60 },
  resetPerAccount: { limit: 5, windowSeconds: 60 * 60 },
  resetPerAddress: { limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

/** Keys never hold an address or an email in clear. */
export function rateKey(kind: string, value: string): string {
  return `${kind}:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
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

/** Best-effort client address: the first hop of X-Forwarded-For (set by Next.js or the reverse proxy). */
export function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || "unknown";
}

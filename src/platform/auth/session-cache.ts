import type { UserPrincipal } from "./principal";

/**
 * The signed-in person of a session cookie, kept in this process for a few seconds
 * (docs/decisions/012-session-cache.md).
 *
 * Reading the session (better-auth's look-up) and the person's roles cost ~10 ms of CPU per request on PGlite,
 * a third of a workspace page. Within this process nothing is served stale: every session deletion
 * (sign-out, revocation, password reset), every change of a person and every audited change of roles or platform
 * rights empties the cache (`forgetSessions`). A change made by ANOTHER process (the CLI, a second server on the
 * same PostgreSQL) is seen at most SESSION_CACHE_MS later.
 */
export const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 2_000;

type Entry = { principal: UserPrincipal; until: number };

const holder = globalThis as unknown as { __maillageSessions?: { entries: Map<string, Entry>; generation: number } };
// One store per process, even if Next.js loads this module twice (route handlers and pages are bundled apart).
const store: { entries: Map<string, Entry>; generation: number } = (holder.__maillageSessions ??= { entries: new Map<string, Entry>(), generation: 0 });

/** Counter changed by every `forgetSessions`: a read that began before it must not be kept. */
export function sessionGeneration(): number {
  return store.generation;
}

/** The cached person of this session cookie, if read less than SESSION_CACHE_MS ago and nothing was forgotten since. */
export function cachedSession(key: string, now = Date.now()): UserPrincipal | undefined {
  const entry = store.entries.get(key);
  if (!entry) return undefined;
  if (entry.until <= now) {
    store.entries.delete(key);
    return undefined;
  }
  return entry.principal;
}

/**
 * Keeps what was read for this cookie, unless the cache was emptied since the read began (`generation`, taken
 * before reading: a sign-out committed during the read must win), and never past the session's own expiry.
 */
export function rememberSession(key: string, principal: UserPrincipal, sessionExpiresAt: Date, generation: number, now = Date.now()): void {
  if (generation !== store.generation) return;
  const until = Math.min(now + SESSION_CACHE_MS, sessionExpiresAt.getTime());
  if (until <= now) return;
  store.entries.delete(key);
  store.entries.set(key, { principal, until });
  // Oldest first: a crowd of distinct cookies cannot grow the process without bound.
  for (const oldest of store.entries.keys()) {
    if (store.entries.size <= MAX_ENTRIES) break;
    store.entries.delete(oldest);
  }
}

/** Empties the cache: every next request reads its session and roles from the database again. */
export function forgetSessions(): void {
  store.entries.clear();
  store.generation++;
}

/** Delay of the second emptying after an audited write: its transaction has committed by then. */
const AFTER_COMMIT_MS = 1000;

/** Audited entity types whose writes change what a signed-in person may do (roles, platform rights, the person). */
// "territory": creating one makes its creator its coordinator.
const ACTOR_ENTITIES = new Set(["membership", "platform_admin", "invitation", "territory", "user", "account", "session"]);

/**
 * Called by `recordAudit`, inside the write's transaction: empties the cache now and again once the transaction
 * has committed, so that a request reading the roles between the write and its commit is not kept.
 */
export function forgetSessionsFor(entry: { entityType: string }): void {
  if (!ACTOR_ENTITIES.has(entry.entityType)) return;
  forgetSessions();
  setTimeout(forgetSessions, AFTER_COMMIT_MS).unref();
}

/**
 * The key of a request's session: its session cookies' values (signed tokens), whatever their prefix
 * (`__Secure-` over https). All of them, so that two requests share an entry only if better-auth sees the same cookies.
 */
export function sessionCookie(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  const values: string[] = [];
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (value !== "" && (name === "maillage.session_token" || name === "__Secure-maillage.session_token")) values.push(`${name}=${value}`);
  }
  return values.length ? values.join("; ") : undefined;
}

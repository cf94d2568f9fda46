import { headers } from "next/headers";
import { cache } from "react";
import { anonymous, type Principal } from "@/platform/auth/principal";
import { loadUserPrincipal } from "@/platform/auth/principals";
import type { Auth } from "@/platform/auth/auth";
import { cachedSession, rememberSession, sessionCookie, sessionGeneration } from "@/platform/auth/session-cache";
import type { Executor } from "@/platform/db/client";
import { getRuntime } from "@/platform/runtime";

/**
 * The principal of a request's headers. A tampered or expired cookie reads as signed out. The person and roles of a
 * session are kept a few seconds in this process, emptied by every sign-out, revocation and role change
 * (src/platform/auth/session-cache.ts).
 */
export async function principalOfHeaders(auth: Auth, db: Executor, requestHeaders: Headers): Promise<Principal> {
  const key = sessionCookie(requestHeaders.get("cookie"));
  const cached = key ? cachedSession(key) : undefined;
  if (cached) return cached;
  const generation = sessionGeneration();
  const session = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!session) return anonymous;
  const principal = await loadUserPrincipal(db, session.user.id);
  if (key && principal.kind === "user") rememberSession(key, principal, new Date(session.session.expiresAt), generation);
  return principal;
}

/** The principal of the current request (once per request). */
export const getCurrentPrincipal = cache(async (): Promise<Principal> => {
  // Reading the headers first marks the page dynamic: nothing touches the database at build time.
  const requestHeaders = await headers();
  const { auth, db } = await getRuntime();
  return principalOfHeaders(auth, db, requestHeaders);
});

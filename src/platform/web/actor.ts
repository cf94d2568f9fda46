import { headers } from "next/headers";
import { cache } from "react";
import { anonymous, type Actor } from "@/platform/auth/actor";
import { loadUserActor } from "@/platform/auth/actors";
import type { Auth } from "@/platform/auth/auth";
import { cachedSession, rememberSession, sessionCookie, sessionGeneration } from "@/platform/auth/session-cache";
import type { Executor } from "@/platform/db/client";
import { getRuntime } from "@/platform/runtime";

/**
 * The actor of a request's headers. A tampered or expired cookie reads as signed out. The person and roles of a
 * session are kept a few seconds in this process, emptied by every sign-out, revocation and role change
 * (src/platform/auth/session-cache.ts).
 */
export async function actorOfHeaders(auth: Auth, db: Executor, requestHeaders: Headers): Promise<Actor> {
  const key = sessionCookie(requestHeaders.get("cookie"));
  const cached = key ? cachedSession(key) : undefined;
  if (cached) return cached;
  const generation = sessionGeneration();
  const session = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!session) return anonymous;
  const actor = await loadUserActor(db, session.user.id);
  if (key && actor.kind === "user") rememberSession(key, actor, new Date(session.session.expiresAt), generation);
  return actor;
}

/** The actor of the current request (once per request). */
export const getCurrentActor = cache(async (): Promise<Actor> => {
  // Reading the headers first marks the page dynamic: nothing touches the database at build time.
  const requestHeaders = await headers();
  const { auth, db } = await getRuntime();
  return actorOfHeaders(auth, db, requestHeaders);
});

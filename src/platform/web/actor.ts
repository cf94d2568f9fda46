import { headers } from "next/headers";
import { cache } from "react";
import { anonymous, type Actor } from "@/platform/auth/actor";
import { loadUserActor } from "@/platform/auth/actors";
import { getRuntime } from "@/platform/runtime";

/** The actor of the current request (once per request). A tampered or expired cookie reads as signed out. */
export const getCurrentActor = cache(async (): Promise<Actor> => {
  // Reading the headers first marks the page dynamic: nothing touches the database at build time.
  const requestHeaders = await headers();
  const { auth, db } = await getRuntime();
  const session = await auth.api.getSession({ headers: requestHeaders }).catch(() => null);
  if (!session) return anonymous;
  return loadUserActor(db, session.user.id);
});

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signOutAction } from "@/modules/accounts/actions";

/**
 * The signed-in parts of cached public pages, filled in by the browser from /api/session. The HTML served
 * to everyone holds the signed-out links (they work without JavaScript); a signed-in person without
 * JavaScript reaches their workspace through "Mon espace" in the navigation.
 */
type Session = { signedIn: false } | { signedIn: true; name: string; admin: boolean; workspace?: boolean };

// One request per page view and query, shared by every island of the page (the header is drawn twice:
// desktop and mobile menu); answers of other page views are dropped.
const pending = new Map<string, Promise<Session | null>>();
// Signing out on a page that then shows again (the home page) changes no path: islands listen for it.
const signOutListeners = new Set<() => void>();

function load(query: string, view: string): Promise<Session | null> {
  const key = `${view}?${query}`;
  let p = pending.get(key);
  if (!p) {
    for (const k of pending.keys()) if (!k.startsWith(`${view}?`)) pending.delete(k);
    p = fetch(`/api/session${query}`, { cache: "no-store", credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<Session>) : null))
      .catch(() => null);
    pending.set(key, p);
  }
  return p;
}

/** The session, asked again at each navigation (signing in navigates); `null` query: not asked. */
function useSession(query: string | null = ""): Session | null {
  const pathname = usePathname();
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    if (query === null) return;
    let live = true;
    void load(query, pathname).then((s) => {
      if (live) setSession(s);
    });
    const signedOut = () => setSession({ signedIn: false });
    signOutListeners.add(signedOut);
    return () => {
      live = false;
      signOutListeners.delete(signedOut);
    };
  }, [query, pathname]);
  return session;
}

async function signOut(): Promise<void> {
  pending.clear();
  for (const listener of signOutListeners) listener();
  await signOutAction();
}

type SlotProps = { id?: string };
// Links to pages rendered per request (sign-in, sign-up, the workspace) are not prefetched: each prefetch
// would be a render on the server for a page rarely opened from here.

/** First quick-access button: "Se connecter", or the person's territories. */
export function AccountPrimary({ id }: SlotProps) {
  const session = useSession();
  if (session?.signedIn) {
    return (
      <Link id={id} className="fr-btn fr-icon-account-circle-line" href="/espace" prefetch={false}>
        Mes territoires ({session.name})
      </Link>
    );
  }
  return (
    <Link id={id} className="fr-btn fr-icon-lock-line" href="/connexion" prefetch={false}>
      Se connecter
    </Link>
  );
}

/** Second quick-access button: "Créer un compte", or signing out. */
export function AccountSecondary({ id }: SlotProps) {
  const session = useSession();
  if (session?.signedIn) {
    return (
      <form id={id} action={signOut}>
        <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
          Se déconnecter
        </button>
      </form>
    );
  }
  return (
    <Link id={id} className="fr-btn fr-icon-account-circle-line" href="/inscription" prefetch={false}>
      Créer un compte
    </Link>
  );
}

/** Third quick-access button, for platform administrators only. */
export function AccountAdmin({ id }: SlotProps) {
  const session = useSession();
  if (!session?.signedIn || !session.admin) return null;
  return (
    <Link id={id} className="fr-btn fr-icon-settings-5-line" href="/admin" prefetch={false}>
      Administration
    </Link>
  );
}

/** On a territory's public page: the way into its workspace, for its members. */
export function WorkspaceButton({ slug }: { slug: string }) {
  // Visitors (most of a crowd) cost one request, the header's: the territory is asked about only for a signed-in person.
  const signedIn = useSession()?.signedIn === true;
  const session = useSession(signedIn ? `?territoire=${encodeURIComponent(slug)}` : null);
  if (!signedIn || !session?.signedIn || !session.workspace) return null;
  return (
    <p>
      <Link className="fr-btn fr-btn--secondary fr-icon-arrow-right-line fr-btn--icon-right" href={`/espace/${slug}`} prefetch={false}>
        Ouvrir l&apos;espace de travail
      </Link>
    </p>
  );
}

import { NextResponse, type NextRequest } from "next/server";
import { readStamp } from "@/platform/auth/client-address";
import { getEnv } from "@/platform/env";
import { REQUEST_BODY_LIMIT_BYTES, UPLOAD_LIMIT_LABEL } from "@/platform/files/limits";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * The hosts a browser's Origin may name: the one it connected to, the configured APP_URL, and the host a
 * trusted reverse proxy says it received (X-Forwarded-Host is believed from a trusted proxy only, see client-address.ts).
 */
export function allowedHosts(headers: Headers, baseUrl: string): Set<string> {
  const hosts = new Set<string>([new URL(baseUrl).host]);
  const host = headers.get("host");
  if (host) hosts.add(host);
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded && readStamp(headers)?.viaTrustedProxy) hosts.add(forwarded);
  return hosts;
}

/**
 * Pages rendered for each request anyway (signed-in workspace, administration, account pages): they get a nonce,
 * which Next.js reads from the request's policy and puts on its own scripts. Never on public pages: a nonce forces
 * dynamic rendering, and signed-out pages are meant to be cached (a cached page would carry a stale nonce).
 */
// "/mot-de-passe-oublie" is not here: it holds nothing personal and is prerendered (a static page's scripts
// cannot carry a per-request nonce, so a nonce policy would block them).
export const NONCE_ROUTES = /^\/(espace|admin|connexion|inscription|reinitialiser-mot-de-passe|invitation)(\/|$)/;

/**
 * Same-origin only: no foreign script, frame, form target, plugin or base URL. Without a nonce, Next's inline
 * bootstrap (RSC payload) needs 'unsafe-inline' for scripts; with one, only scripts carrying it (and those they load:
 * 'strict-dynamic') run. MapLibre runs its worker from /maplibre/worker.mjs and makes blob: URLs; the DSFR uses data: icons.
 */
export function contentSecurityPolicy(options: { https: boolean; dev: boolean; nonce?: string | undefined }): string {
  const scripts = options.nonce ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * Public views kept for everyone have a plain address; the same view with a query string is rendered per request
 * by another route, under the same address (docs/decisions/010-caching-public-pages.md). Returns that route, if any.
 * - `/territoires/<slug>/lieux?<anything>` (filters, another page) → `/territoires/<slug>/lieux/recherche?<same>`;
 * - `/aide?commune=<INSEE code>` and nothing else → the cached `/aide/commune/<code>`.
 */
export function uncachedView(url: URL): URL | undefined {
  if (url.search === "" || url.search === "?") return undefined;
  const places = /^\/territoires\/([^/]+)\/lieux\/?$/.exec(url.pathname);
  if (places) {
    const target = new URL(url);
    target.pathname = `/territoires/${places[1]}/lieux/recherche`;
    return target;
  }
  if (url.pathname === "/aide") {
    const keys = [...url.searchParams.keys()];
    const code = url.searchParams.get("commune") ?? "";
    if (keys.length === 1 && keys[0] === "commune" && /^[0-9][0-9AB][0-9]{3}$/.test(code)) {
      const target = new URL(url);
      target.pathname = `/aide/commune/${code}`;
      target.search = "";
      return target;
    }
  }
  return undefined;
}

/** Lets the request through with its security headers (and, on NONCE_ROUTES, a fresh nonce Next.js can read). */
function pass(request: NextRequest): NextResponse {
  const env = getEnv();
  if (!NONCE_ROUTES.test(request.nextUrl.pathname)) {
    const view = request.method === "GET" || request.method === "HEAD" ? uncachedView(request.nextUrl) : undefined;
    return secure(view ? NextResponse.rewrite(view) : NextResponse.next());
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ https: env.baseUrl.startsWith("https://"), dev: env.NODE_ENV === "development", nonce });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  return secure(NextResponse.next({ request: { headers } }), policy);
}

function secure(response: NextResponse, policy?: string): NextResponse {
  const env = getEnv();
  const https = env.baseUrl.startsWith("https://");
  response.headers.set("Content-Security-Policy", policy ?? contentSecurityPolicy({ https, dev: env.NODE_ENV === "development" }));
  // Over https only: a browser told this on plain http would refuse the local instance later.
  if (https) response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

/**
 * CSRF protection for every write (form posts, server actions, auth endpoints):
 * the request must come from a page of this site. Next.js checks server actions too,
 * but lets requests without an Origin through; we do not.
 */
export function proxy(request: NextRequest) {
  if (SAFE.has(request.method)) return pass(request);
  // Next.js cuts a body over its limit with a bare 500; refuse it first, in French, by its announced length.
  // A form posted without JavaScript lands here: the page says what to do and links back.
  const length = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > REQUEST_BODY_LIMIT_BYTES) return tooLarge(request);
  const source = hostOf(request.headers.get("origin")) ?? hostOf(request.headers.get("referer"));
  if (!source || !allowedHosts(request.headers, getEnv().baseUrl).has(source)) {
    return secure(
      new NextResponse(
        "Requête refusée : elle ne provient pas d'une page de ce site (protection contre la falsification de requêtes). Rechargez la page et réessayez.",
        { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } },
      ),
    );
  }
  return pass(request);
}

function tooLarge(request: NextRequest): NextResponse {
  const back = hostOf(request.headers.get("referer")) === request.nextUrl.host ? request.headers.get("referer") ?? "/" : "/";
  const escaped = back.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fichier trop volumineux — Maillage</title></head><body><main><h1>Fichier trop volumineux</h1><p>Le fichier envoyé dépasse ${UPLOAD_LIMIT_LABEL}, la taille maximale acceptée : il n'a pas été lu et rien n'a été enregistré. Découpez-le en plusieurs fichiers, puis déposez-les l'un après l'autre.</p><p><a href="${escaped}">Revenir à la page précédente</a></p></main></body></html>`;
  return secure(new NextResponse(html, { status: 413, headers: { "content-type": "text/html; charset=utf-8" } }));
}

export const config = {
  matcher: "/((?!_next/static|_next/image|favicon.ico).*)",
};

import { NextResponse, type NextRequest } from "next/server";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host a browser's Origin must name: ours, as seen through the reverse proxy if any. */
function expectedHost(request: NextRequest): string | null {
  return request.headers.get("x-forwarded-host") ?? request.headers.get("host");
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * CSRF protection for every write (form posts, server actions, auth endpoints):
 * the request must come from a page of this site. Next.js checks server actions too,
 * but lets requests without an Origin through; we do not.
 */
export function proxy(request: NextRequest) {
  if (SAFE.has(request.method)) return NextResponse.next();
  const source = hostOf(request.headers.get("origin")) ?? hostOf(request.headers.get("referer"));
  if (!source || source !== expectedHost(request)) {
    return new NextResponse(
      "Requête refusée : elle ne provient pas d'une page de ce site (protection contre la falsification de requêtes). Rechargez la page et réessayez.",
      { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  return NextResponse.next();
}

export const config = {
  matcher: "/((?!_next/static|_next/image|favicon.ico).*)",
};

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { stampedHeaders } from "@/platform/auth/client-address";
import { proxy, uncachedView } from "./proxy";

const post = (headers: Headers) => new NextRequest("http://localhost:3000/api/auth/sign-in/email", { method: "POST", headers });

describe("the CSRF check", () => {
  it("accepts a write from a page of this site", () => {
    expect(proxy(post(stampedHeaders("203.0.113.9", { host: "localhost:3000", origin: "http://localhost:3000" }))).status).toBe(200);
  });

  it("refuses a foreign Origin, even when X-Forwarded-Host names it, unless a trusted proxy sent it", () => {
    const forged = stampedHeaders("203.0.113.9", { host: "localhost:3000", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    const res = proxy(post(forged));
    expect(res.status).toBe(403);
    const proxied = stampedHeaders("198.51.100.7", { host: "10.0.0.2:3000", origin: "https://maillage.example.fr", "x-forwarded-host": "maillage.example.fr" }, true);
    expect(proxy(post(proxied)).status).toBe(200);
  });

  it("signed-in and account pages get a fresh nonce, passed to Next.js in the request so that its scripts carry it", () => {
    const policies = ["/espace/charente", "/admin", "/connexion"].map((p) => {
      const res = proxy(new NextRequest(`http://localhost:3000${p}`, { headers: { host: "localhost:3000" } }));
      const policy = res.headers.get("content-security-policy") ?? "";
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(policy).not.toContain("unsafe-inline'; style"); // scripts: nonce only
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      return policy;
    });
    expect(new Set(policies).size).toBe(3);
    for (const p of ["/", "/territoires/charente", "/territoires/charente/lieux", "/espaces-verts"]) {
      const policy = proxy(new NextRequest(`http://localhost:3000${p}`, { headers: { host: "localhost:3000" } })).headers.get("content-security-policy") ?? "";
      expect(policy, p).toContain("script-src 'self' 'unsafe-inline'");
      expect(policy, p).not.toContain("nonce");
    }
  });

  it("every public answer carries a Content-Security-Policy without nonce (pages stay cacheable), and no HSTS over plain http", () => {
    const res = proxy(new NextRequest("http://localhost:3000/", { headers: { host: "localhost:3000" } }));
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain("nonce");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the announced upload limit", () => {
  it("refuses a body over 22 MB with a French 413 page before Next.js reads it, and lets a 1 MB one through", () => {
    const headers = (length: number) => stampedHeaders("203.0.113.9", { host: "localhost:3000", origin: "http://localhost:3000", referer: "http://localhost:3000/espace/charente/lieux", "content-length": String(length) });
    const big = proxy(new NextRequest("http://localhost:3000/espace/charente/lieux", { method: "POST", headers: headers(30 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const small = proxy(new NextRequest("http://localhost:3000/espace/charente/lieux", { method: "POST", headers: headers(1024 * 1024) }));
    expect(small.status).toBe(200);
  });

  it("says so in French and links back to the form", async () => {
    const headers = stampedHeaders("203.0.113.9", { host: "localhost:3000", origin: "http://localhost:3000", referer: "http://localhost:3000/espace/charente/lieux", "content-length": String(100 * 1024 * 1024) });
    const text = await proxy(new NextRequest("http://localhost:3000/espace/charente/lieux", { method: "POST", headers })).text();
    expect(text).toContain("dépasse 20 Mo");
    expect(text).toContain('href="http://localhost:3000/espace/charente/lieux"');
  });
});

describe("cached public views and their per-request twins", () => {
  const route = (address: string) => uncachedView(new URL(`http://localhost:3000${address}`))?.toString().replace("http://localhost:3000", "");

  it("serves the plain list of places from its cached page, any filter or page from the per-request one", () => {
    expect(route("/territoires/charente/lieux")).toBeUndefined();
    expect(route("/territoires/charente/lieux?")).toBeUndefined();
    expect(route("/territoires/charente/lieux?services=Num%C3%A9rique&page=2")).toBe("/territoires/charente/lieux/recherche?services=Num%C3%A9rique&page=2");
    expect(route("/territoires/charente/lieux?ouvert=1")).toBe("/territoires/charente/lieux/recherche?ouvert=1");
    expect(route("/territoires/charente/lieux/abc?x=1")).toBeUndefined();
  });

  it("serves /aide?commune=<code> alone from its cached page, every other search per request", () => {
    expect(route("/aide?commune=16015")).toBe("/aide/commune/16015");
    expect(route("/aide?commune=2A004")).toBe("/aide/commune/2A004");
    expect(route("/aide?commune=16015&besoin=demarches")).toBeUndefined();
    expect(route("/aide?lieu=Angoul%C3%AAme")).toBeUndefined();
    expect(route("/aide?commune=../x")).toBeUndefined();
    expect(route("/aide")).toBeUndefined();
  });

  it("rewrites within the proxy, keeping the address the visitor sees", () => {
    const res = proxy(new NextRequest("http://localhost:3000/aide?commune=16015", { headers: { host: "localhost:3000" } }));
    expect(res.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/aide/commune/16015");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

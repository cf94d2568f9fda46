import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { stampedHeaders } from "@/platform/auth/client-address";
import { proxy } from "./proxy";

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

  it("every answer carries a Content-Security-Policy without nonce (pages stay cacheable), and no HSTS over plain http", () => {
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

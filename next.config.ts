import type { NextConfig } from "next";
import { REQUEST_BODY_LIMIT_BYTES } from "./src/platform/files/limits";

const config: NextConfig = {
  // PGlite ships a WASM build and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "nodemailer", "playwright-core", "echarts"],
  poweredByHeader: false,
  // The build checks types too (with the route types it generates): a build never ships code that does not type-check.
  // Except when CI has just type-checked the same tree with the same generated route types (.ci/run sets
  // MAILLAGE_TYPES_CHECKED=1 after its typecheck step passed): checking twice only costs half a minute.
  typescript: { ignoreBuildErrors: process.env.MAILLAGE_TYPES_CHECKED === "1" },
  experimental: {
    // Enables forbidden() and app/forbidden.tsx so that policies can answer with a real 403 page.
    authInterrupts: true,
    // Oversized fields must reach our validation (and its French message) rather than fail on the body limit;
    // place files up to 20 MB are imported through an action. One figure for both limits, from the
    // constant the forms announce (src/platform/files/limits.ts): with the proxy present, Next.js also
    // buffers each request body for it and, past 10 MB by default, cuts the body short, so that a valid
    // 13.5 MB file reached the action truncated and failed with a generic 500.
    serverActions: { bodySizeLimit: REQUEST_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: REQUEST_BODY_LIMIT_BYTES,
    isrFlushToDisk: false,
    // Turbopack keeps a build cache on disk for the next build (about 40 s to write here). CI builds once, on a
    // fresh clone, and never reads it: not written there (.ci/run exports CI=1).
    turbopackFileSystemCacheForBuild: process.env.CI !== "1",
  },
  transpilePackages: ["@codegouvfr/react-dsfr"],
  // Public pages are cached (docs/decisions/010-caching-public-pages.md). Kept in memory only (bounded by
  // cacheMaxMemorySize, 50 MB by default): a crowd asking for many different addresses cannot fill the disk,
  // and a restart starts afresh anyway (the server expires every public page when it starts).
  cacheMaxMemorySize: 64 * 1024 * 1024,
  async rewrites() {
    // A territory's page is cached for its plain address; a search or another page of its communes is
    // rendered per request by the same component, under the same address.
    const search = (key: string) => ({ source: "/territoires/:slug", has: [{ type: "query" as const, key }], destination: "/territoires/:slug/recherche" });
    return { beforeFiles: [search("q"), search("page")], afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default config;

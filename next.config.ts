import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite ships a WASM build and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "nodemailer", "playwright-core", "echarts"],
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (CI); the build does not check them a second time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Enables forbidden() and app/forbidden.tsx so that policies can answer with a real 403 page.
    authInterrupts: true,
    // Oversized fields must reach our validation (and its French message) rather than fail on the body limit;
    // place files up to 20 MB are imported through an action.
    serverActions: { bodySizeLimit: "21mb" },
    isrFlushToDisk: false,
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

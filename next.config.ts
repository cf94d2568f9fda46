import type { NextConfig } from "next";

const config: NextConfig = {
  // PGlite ships a WASM build and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  experimental: {
    // Enables forbidden() and app/forbidden.tsx so that policies can answer with a real 403 page.
    authInterrupts: true,
  },
  transpilePackages: ["@codegouvfr/react-dsfr"],
};

export default config;

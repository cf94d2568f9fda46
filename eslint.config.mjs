import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import fs from "node:fs";

// Layers (docs/architecture.md, decision 011): app → composition → modules → platform; src/testing and src/demo
// beside. Written with the built-in no-restricted-imports (no plugin): one config block per kind of file,
// because a later block replaces the rule's options for the files it matches. Test files are free.
const modules = fs.readdirSync(new URL("./src/modules", import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const tests = ["**/*.test.ts", "**/*.test.tsx"];
const noTesting = {
  group: ["@/testing", "@/testing/**", "**/testing/**"],
  message: "Le code de production n'importe jamais src/testing. Données de démonstration : src/demo ; fabriques (factories) : @/demo/factories.",
};
const noApp = {
  group: ["@/app", "@/app/**"],
  message: "Un module n'importe jamais src/app (les routes sont au-dessus). Server action : src/modules/<module>/actions.ts ; composant partagé : src/ui ou le module.",
};
const noComposition = {
  group: ["@/composition", "@/composition/**"],
  message: "La couche de composition est au-dessus des modules : un module ne l'importe jamais. Elle lit les modules par leur entrée publique (@/modules/<module>).",
};
const noStartup = {
  group: ["@/boot", "@/schema", "@/jobs", "@/demo", "@/demo/**"],
  message: "src/boot.ts, src/schema.ts, src/jobs.ts et src/demo sont au-dessus des modules et de la plateforme : passez par un crochet enregistré au démarrage (src/boot.ts).",
};
const publicEntry = (own) => ({
  group: ["@/modules/*/**", "!@/modules/*/client", ...(own ? [`!@/modules/${own}/**`] : [])],
  message:
    "Les modules s'importent entre eux par leur entrée publique : importez depuis \"@/modules/<module>\" (composant client : \"@/modules/<module>/client\") et, s'il manque le nom, ajoutez-le à src/modules/<module>/index.ts (ou client.ts).",
});
const ownEntry = (own) => ({
  name: `@/modules/${own}`,
  message: `Dans le module ${own}, importez le fichier lui-même par un chemin relatif, pas l'entrée publique du module (sinon, cycle d'import).`,
});

/** In a "use client" file, `@/modules/<module>` (server code) is refused: `@/modules/<module>/client` only. */
const clientEntryRule = {
  meta: { type: "problem", schema: [] },
  create(context) {
    let client = false;
    return {
      Program(node) {
        client = node.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
      },
      ImportDeclaration(node) {
        const m = /^@\/modules\/([^/]+)$/.exec(String(node.source.value));
        if (client && m)
          context.report({
            node: node.source,
            message: `Composant client : l'entrée publique « @/modules/${m[1]} » contient du code serveur. Importez « @/modules/${m[1]}/client » (créez src/modules/${m[1]}/client.ts avec ce qui peut tourner dans le navigateur).`,
          });
      },
    };
  },
};

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "next-env.d.ts", "data/**", "drizzle/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Application code: no non-null assertion to silence a missing value (tenancy ids above all).
    files: ["src/**"],
    rules: { "@typescript-eslint/no-non-null-assertion": "error" },
  },
  {
    files: ["**/*.mjs", "bin/**", "scripts/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", Buffer: "readonly" } },
  },
  {
    // Production code never imports src/testing (src/testing itself and tests may).
    files: ["src/**/*.{ts,tsx}"],
    ignores: [...tests, "src/testing/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noTesting] }] },
  },
  {
    // Platform never imports modules, nor anything above it.
    files: ["src/platform/**/*.{ts,tsx}"],
    ignores: tests,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noTesting,
            noApp,
            noComposition,
            noStartup,
            {
              group: ["@/modules", "@/modules/**", "**/modules/**"],
              message: "La plateforme n'importe jamais un module : déplacez le code qui a besoin du module dans ce module, ou faites enregistrer par le module un crochet au démarrage (src/boot.ts : registerRoleSource, configureStartup).",
            },
          ],
        },
      ],
    },
  },
  // Each module: never src/app, the composition layer, the start-up or src/testing; other modules only through their public entry.
  ...modules.map((own) => ({
    files: [`src/modules/${own}/**/*.{ts,tsx}`],
    ignores: tests,
    rules: { "no-restricted-imports": ["error", { paths: [ownEntry(own)], patterns: [noTesting, noApp, noComposition, noStartup, publicEntry(own)] }] },
  })),
  {
    // The composition layer reads modules through their public entries only.
    files: ["src/composition/**/*.{ts,tsx}"],
    ignores: tests,
    rules: { "no-restricted-imports": ["error", { patterns: [noTesting, noApp, noStartup, publicEntry(undefined)] }] },
  },
  {
    // A "use client" file runs in the browser: another module reaches it only through its client-safe entry.
    files: ["src/**/*.tsx", "src/**/*.ts"],
    ignores: tests,
    plugins: { maillage: { rules: { "client-entry": clientEntryRule } } },
    rules: { "maillage/client-entry": "error" },
  },
);

import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of eslint.config.mjs (decision 011), run through ESLint's own API on small sources
// placed at the paths they would have: each rule must refuse its violation and leave the allowed import alone.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "maillage/client-entry").map((m) => m.message);
}

describe("layer boundaries enforced by lint", () => {
  it("a module never imports src/app, and the message says where the action goes", async () => {
    const found = await problems("src/modules/places/ui/example.tsx", 'import { importPlacesAction } from "@/app/_actions/places";\nexport const a = importPlacesAction;\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("src/modules/<module>/actions.ts");
  });

  it("a module reaches another module only through its public entry", async () => {
    const deep = await problems("src/modules/places/example.ts", 'import { territoryPolicy } from "@/modules/territories/policy";\nexport const a = territoryPolicy;\n');
    expect(deep).toHaveLength(1);
    expect(deep[0]).toContain("src/modules/<module>/index.ts");
    expect(await problems("src/modules/places/example.ts", 'import { territoryPolicy } from "@/modules/territories";\nexport const a = territoryPolicy;\n')).toEqual([]);
    expect(await problems("src/modules/places/example.ts", 'import { WorkspaceNav } from "@/modules/territories/client";\nexport const a = WorkspaceNav;\n')).toEqual([]);
  });

  it("inside a module, its own files are imported directly, never through its own entry", async () => {
    expect(await problems("src/modules/places/edit/example.ts", 'import { places } from "@/modules/places/schema";\nexport const a = places;\n')).toEqual([]);
    expect(await problems("src/modules/places/edit/example.ts", 'import { places } from "@/modules/places";\nexport const a = places;\n')).toHaveLength(1);
  });

  it("platform never imports a module, nor the start-up above it", async () => {
    expect(await problems("src/platform/web/example.ts", 'import { territoryPolicy } from "@/modules/territories";\nexport const a = territoryPolicy;\n')).toHaveLength(1);
    expect(await problems("src/platform/web/example.ts", 'import { prepareDatabase } from "@/boot";\nexport const a = prepareDatabase;\n')).toHaveLength(1);
    expect(await problems("src/platform/web/example.ts", 'import { getRuntime } from "@/platform/runtime";\nexport const a = getRuntime;\n')).toEqual([]);
  });

  it("production code never imports src/testing; tests may", async () => {
    const code = 'import { createUser } from "@/testing/factories";\nexport const a = createUser;\n';
    expect(await problems("src/platform/example.ts", code)).toHaveLength(1);
    expect(await problems("src/demo/example.ts", code)).toHaveLength(1);
    expect(await problems("src/app/example/page.tsx", code)).toHaveLength(1);
    expect(await problems("src/modules/places/example.test.ts", code)).toEqual([]);
  });

  it("modules never import the composition layer, which reads modules through their entries", async () => {
    expect(await problems("src/modules/diagnostic/example.ts", 'import { x } from "@/composition/report";\nexport const a = x;\n')).toHaveLength(1);
    expect(await problems("src/composition/example.ts", 'import { listFindings } from "@/modules/findings/queries";\nexport const a = listFindings;\n')).toHaveLength(1);
    expect(await problems("src/composition/example.ts", 'import { listFindings } from "@/modules/findings";\nexport const a = listFindings;\n')).toEqual([]);
  });

  it('a "use client" file imports another module\'s client-safe entry, never its server entry', async () => {
    const server = await problems("src/modules/findings/ui/example.tsx", '"use client";\nimport { themes } from "@/modules/themes";\nexport const a = themes;\n');
    expect(server).toHaveLength(1);
    expect(server[0]).toContain("@/modules/themes/client");
    expect(await problems("src/modules/findings/ui/example.tsx", '"use client";\nimport { themes } from "@/modules/themes/client";\nexport const a = themes;\n')).toEqual([]);
    // The same import without the directive is server code: allowed.
    expect(await problems("src/modules/findings/example.ts", 'import { themes } from "@/modules/themes";\nexport const a = themes;\n')).toEqual([]);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM helper shared with the e2e global setup
import { actionIdsIn, exportedActions, uncalledActions } from "./actions-inventory.mjs";

const A = "00b0c5094315a67b624c4d24b9fb408d0408d54eff";
const B = "40ee2ac1b2c1dd8e2f5b0f0e8c1a3d6b6a2c9e1f07";

describe("the inventory of server actions called by the end-to-end suite", () => {
  it("finds action ids in a form posted without JavaScript, a form with state, and not elsewhere", () => {
    expect(actionIdsIn(`------x\r\nContent-Disposition: form-data; name="$ACTION_ID_${A}"\r\n\r\n\r\n------x--`)).toEqual([A]);
    expect(actionIdsIn(`name="$ACTION_REF_1"\r\n\r\n\r\nname="$ACTION_1:0"\r\n\r\n{"id":"${B}","bound":"$@1"}`)).toEqual([B]);
    expect(actionIdsIn("email=a%40b.fr&password=x")).toEqual([]);
  });

  it("lists the exported actions that no request called", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actions-"));
    fs.mkdirSync(path.join(dir, "src", "modules", "accounts"), { recursive: true });
    fs.mkdirSync(path.join(dir, "src", "modules", "places", "ui"), { recursive: true });
    fs.writeFileSync(path.join(dir, "src", "modules", "accounts", "actions.ts"), `"use server";\nexport async function signInAction() {}\nexport async function signOutAction() {}\nasync function helper() {}\n`);
    fs.writeFileSync(path.join(dir, "src", "modules", "places", "actions.ts"), `// Thin.\n"use server";\nexport async function mergePlacesAction() {}\n`);
    // Not a "use server" file: its exported async functions are no server actions.
    fs.writeFileSync(path.join(dir, "src", "modules", "places", "ui", "form.tsx"), `"use client";\nexport async function notAnAction() {}\n`);
    expect(exportedActions(dir)).toEqual(["src/modules/accounts/actions.ts#signInAction", "src/modules/accounts/actions.ts#signOutAction", "src/modules/places/actions.ts#mergePlacesAction"]);
    fs.writeFileSync(
      path.join(dir, "manifest.json"),
      JSON.stringify({ node: { [A]: { filename: "src/modules/accounts/actions.ts", exportedName: "signInAction" }, [B]: { filename: "src/modules/places/actions.ts", exportedName: "mergePlacesAction" } } }),
    );
    fs.writeFileSync(path.join(dir, "called.log"), `${A}\n${A}\n`);
    const args = { root: dir, manifestFile: path.join(dir, "manifest.json"), recordFile: path.join(dir, "called.log") };
    expect(uncalledActions(args)).toEqual({ missing: ["src/modules/accounts/actions.ts#signOutAction", "src/modules/places/actions.ts#mergePlacesAction"], stale: [] });
    fs.appendFileSync(args.recordFile, `${B}\n`);
    expect(uncalledActions(args)).toEqual({ missing: ["src/modules/accounts/actions.ts#signOutAction"], stale: [] });
    expect(uncalledActions({ ...args, recordFile: path.join(dir, "absent.log") }).missing).toHaveLength(3);
    // Known debt, listed by name: allowed while uncalled; a listed action that is called, or gone, is stale.
    fs.writeFileSync(path.join(dir, "allowed.txt"), "# debt\nsrc/modules/accounts/actions.ts#signOutAction # no journey yet\nsrc/modules/places/actions.ts#mergePlacesAction\nsrc/modules/accounts/actions.ts#goneAction\n");
    expect(uncalledActions({ ...args, allowedFile: path.join(dir, "allowed.txt") })).toEqual({ missing: [], stale: ["src/modules/places/actions.ts#mergePlacesAction", "src/modules/accounts/actions.ts#goneAction"] });
    fs.rmSync(dir, { recursive: true });
  });

  it("covers the app's real actions files", () => {
    const actions = exportedActions(path.join(import.meta.dirname, "..", ".."));
    expect(actions).toContain("src/modules/accounts/actions.ts#requestResetAction");
    expect(actions).toContain("src/modules/questionnaires/actions.ts#startPaperAction");
  });
});

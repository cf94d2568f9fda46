import { afterEach, describe, expect, it } from "vitest";
import type { Executor } from "@/platform/db/client";
import { getRuntime } from "@/platform/runtime";
import { loadUserPrincipal, registerRoleSource, type RoleSource } from "./principals";

// Platform code reaches modules only through hooks that src/boot.ts registers: a process that skipped
// the start-up must fail loudly, never serve a person without roles or an unmigrated database.
const slots = globalThis as unknown as { __maillageRoleSource?: RoleSource; __maillageStartup?: unknown; __maillageRuntime?: unknown };
const saved = { ...slots };
afterEach(() => {
  slots.__maillageRoleSource = saved.__maillageRoleSource;
  slots.__maillageStartup = saved.__maillageStartup;
  slots.__maillageRuntime = saved.__maillageRuntime;
});

describe("platform hooks registered by the start-up", () => {
  it("loadUserPrincipal refuses to build a person when no role source was registered", async () => {
    slots.__maillageRoleSource = undefined;
    await expect(loadUserPrincipal({} as Executor, "u-1")).rejects.toThrow('import "@/boot"');
  });

  it("the registered source is the one asked for the roles", async () => {
    const asked: string[] = [];
    registerRoleSource(async (_db, userId) => {
      asked.push(userId);
      return { "t-1": "partner" };
    });
    // A database that knows one person and no platform administrator.
    const rows = [[{ id: "u-1", name: "Ada", email: "ada@exemple.test", admin: null }]];
    const db = { select: () => ({ from: () => ({ leftJoin: () => ({ where: async () => rows.shift() }) }) }) } as unknown as Executor;
    expect(await loadUserPrincipal(db, "u-1")).toEqual({ kind: "user", userId: "u-1", name: "Ada", email: "ada@exemple.test", isPlatformAdmin: false, roles: { "t-1": "partner" } });
    expect(asked).toEqual(["u-1"]);
  });

  it("getRuntime refuses to open the database when no start-up was configured", async () => {
    slots.__maillageStartup = undefined;
    slots.__maillageRuntime = undefined;
    await expect(getRuntime()).rejects.toThrow('import "@/boot"');
  });
});

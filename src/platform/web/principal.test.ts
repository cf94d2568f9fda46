import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import { stampedHeaders } from "@/platform/auth/client-address";
import { latestMailTo } from "@/platform/mail/mailer";
import type { Runtime } from "@/platform/runtime";
import { openTestRuntime } from "@/testing/db";
import { addMember, createTestTerritory, createUser } from "@/testing/factories";
import { memberships } from "@/modules/territories/schema";
import { changeMemberRole, removeMember } from "@/modules/territories/commands";
import { setPlatformAdmin } from "@/modules/accounts/admin";
import { requestPasswordReset, resetPassword, signOut } from "@/modules/accounts/commands";
import { loadUserPrincipal } from "@/platform/auth/principals";
import { principalOfHeaders } from "./principal";

// The signed-in person of a session is kept a few seconds in the process (src/platform/auth/session-cache.ts):
// these tests show what must never be served from that cache.

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openTestRuntime();
});
afterAll(async () => {
  await runtime?.database.close();
});

let ip = 10;
/** Signs in through the HTTP endpoint, as a browser does, and returns the request headers carrying its cookie. */
async function signedIn(email: string, password: string): Promise<Headers> {
  const headers = stampedHeaders(`198.51.110.${ip++}`, { origin: runtime.env.baseUrl, "content-type": "application/json" });
  const res = await runtime.auth.handler(new Request(`${runtime.env.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email, password }) }));
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  expect(cookie).toMatch(/maillage\.session_token=/);
  return stampedHeaders(`198.51.110.${ip++}`, { cookie, origin: runtime.env.baseUrl });
}

const read = (headers: Headers) => principalOfHeaders(runtime.auth, runtime.db, headers);
const rolesOf = (principal: Principal) => (principal.kind === "user" ? principal.roles : undefined);

async function coordinatorWithTerritory() {
  const coordinator = await createUser(runtime.db);
  const territory = await createTestTerritory(runtime.db, { creatorId: coordinator.id });
  const coordinatorPrincipal = await read(await signedIn(coordinator.email, coordinator.password));
  return { territory, coordinatorPrincipal };
}

describe("the signed-in person of a request", () => {
  it("is read once, then kept: a change made behind the application's back is not seen at once (the stated window)", async () => {
    const { territory } = await coordinatorWithTerritory();
    const person = await createUser(runtime.db);
    await addMember(runtime.db, territory.id, person.id, "observer");
    const headers = await signedIn(person.email, person.password);
    expect(rolesOf(await read(headers))).toEqual({ [territory.id]: "observer" });
    // A raw write (no command, no audit): only the cache's few seconds can explain the old role.
    await runtime.db.update(memberships).set({ role: "partner" }).where(and(eq(memberships.userId, person.id), eq(memberships.territoryId, territory.id)));
    expect(rolesOf(await read(headers))).toEqual({ [territory.id]: "observer" });
  });

  it("reads as signed out right after signing out", async () => {
    const person = await createUser(runtime.db);
    const headers = await signedIn(person.email, person.password);
    expect((await read(headers)).kind).toBe("user");
    await signOut(runtime.auth, headers);
    expect(await read(headers)).toEqual({ kind: "anonymous" });
  });

  it("reads as signed out right after a password reset (every session of the account is revoked)", async () => {
    const person = await createUser(runtime.db);
    const headers = await signedIn(person.email, person.password);
    expect((await read(headers)).kind).toBe("user");
    const from = stampedHeaders("198.51.111.1", { origin: runtime.env.baseUrl });
    await requestPasswordReset(runtime.auth, from, { email: person.email });
    const token = decodeURIComponent(/reinitialiser-mot-de-passe\?token=([^\s]+)/.exec(latestMailTo(runtime.env.dataDir, person.email) ?? "")?.[1] ?? "");
    expect(token).not.toBe("");
    const fresh = "une toute nouvelle phrase secrète";
    await resetPassword(runtime.auth, from, { token, password: fresh, passwordConfirm: fresh });
    expect(await read(headers)).toEqual({ kind: "anonymous" });
  });

  it("reads as signed out right after the session is revoked from another device", async () => {
    const person = await createUser(runtime.db);
    const phone = await signedIn(person.email, person.password);
    const laptop = await signedIn(person.email, person.password);
    expect((await read(phone)).kind).toBe("user");
    await runtime.auth.api.revokeOtherSessions({ headers: laptop });
    expect(await read(phone)).toEqual({ kind: "anonymous" });
    expect((await read(laptop)).kind).toBe("user");
  });

  it("sees a role change, a removal and a new territory at the next request", async () => {
    const { territory, coordinatorPrincipal } = await coordinatorWithTerritory();
    const person = await createUser(runtime.db);
    await addMember(runtime.db, territory.id, person.id, "observer");
    const headers = await signedIn(person.email, person.password);
    expect(rolesOf(await read(headers))).toEqual({ [territory.id]: "observer" });

    await changeMemberRole(runtime.db, coordinatorPrincipal, territory, person.id, "contributor");
    expect(rolesOf(await read(headers))).toEqual({ [territory.id]: "contributor" });

    await removeMember(runtime.db, coordinatorPrincipal, territory, person.id);
    expect(rolesOf(await read(headers))).toEqual({});

    const own = await createTestTerritory(runtime.db, { creatorId: person.id });
    expect(rolesOf(await read(headers))).toEqual({ [own.id]: "coordinator" });
  });

  it("sees platform rights granted and withdrawn at the next request", async () => {
    const person = await createUser(runtime.db);
    const headers = await signedIn(person.email, person.password);
    const before = await read(headers);
    expect(before.kind === "user" && before.isPlatformAdmin).toBe(false);
    const system = { kind: "system", label: "test" } as const;
    await setPlatformAdmin(runtime.db, system, person.email, true);
    const granted = await read(headers);
    expect(granted.kind === "user" && granted.isPlatformAdmin).toBe(true);
    await setPlatformAdmin(runtime.db, system, person.email, false);
    const withdrawn = await read(headers);
    expect(withdrawn.kind === "user" && withdrawn.isPlatformAdmin).toBe(false);
  });

  it("reads every role of a person with several territories, and platform rights, in one look-up", async () => {
    const a = await createTestTerritory(runtime.db);
    const b = await createTestTerritory(runtime.db);
    const person = await createUser(runtime.db, { admin: true, name: "Louise Deux-Territoires" });
    await addMember(runtime.db, a.id, person.id, "partner");
    await addMember(runtime.db, b.id, person.id, "observer");
    expect(await loadUserPrincipal(runtime.db, person.id)).toEqual({
      kind: "user",
      userId: person.id,
      name: "Louise Deux-Territoires",
      email: person.email,
      isPlatformAdmin: true,
      roles: { [a.id]: "partner", [b.id]: "observer" },
    });
    expect(await loadUserPrincipal(runtime.db, "no-such-person")).toEqual({ kind: "anonymous" });
  });

  it("a tampered cookie never reads another person's cached session", async () => {
    const person = await createUser(runtime.db);
    const headers = await signedIn(person.email, person.password);
    expect((await read(headers)).kind).toBe("user");
    const tampered = new Headers(headers);
    tampered.set("cookie", (headers.get("cookie") ?? "").replace(/session_token=([^;]*)/, (_, v: string) => `session_token=x${v}`));
    expect(await read(tampered)).toEqual({ kind: "anonymous" });
  });
});

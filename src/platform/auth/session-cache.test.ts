import { beforeEach, describe, expect, it } from "vitest";
import type { UserPrincipal } from "./principal";
import { SESSION_CACHE_MS, cachedSession, forgetSessions, forgetSessionsFor, rememberSession, sessionCookie, sessionGeneration } from "./session-cache";

const person: UserPrincipal = { kind: "user", userId: "u1", name: "Jeanne", email: "jeanne@exemple.test", isPlatformAdmin: false, roles: {} };
const farFuture = new Date("2100-01-01T00:00:00Z");
const t0 = Date.UTC(2026, 11, 5, 21, 0, 0);

beforeEach(() => forgetSessions());

describe("session cache", () => {
  it("keeps a person for SESSION_CACHE_MS (10 s), then reads again", () => {
    expect(SESSION_CACHE_MS).toBe(10_000);
    rememberSession("k", person, farFuture, sessionGeneration(), t0);
    expect(cachedSession("k", t0 + 9_999)).toBe(person);
    expect(cachedSession("k", t0 + 10_000)).toBeUndefined();
  });

  it("never keeps a session past its own expiry", () => {
    rememberSession("k", person, new Date(t0 + 3_000), sessionGeneration(), t0);
    expect(cachedSession("k", t0 + 2_999)).toBe(person);
    expect(cachedSession("k", t0 + 3_000)).toBeUndefined();
  });

  it("forgets everyone at once", () => {
    rememberSession("k", person, farFuture, sessionGeneration(), t0);
    forgetSessions();
    expect(cachedSession("k", t0 + 1)).toBeUndefined();
  });

  it("does not keep a read that began before a sign-out was forgotten", () => {
    const generation = sessionGeneration();
    forgetSessions(); // a sign-out committed while the session was being read
    rememberSession("k", person, farFuture, generation, t0);
    expect(cachedSession("k", t0 + 1)).toBeUndefined();
  });

  it("forgets on writes to roles, rights, invitations and territories, not on other writes", () => {
    for (const entityType of ["membership", "platform_admin", "invitation", "territory"]) {
      rememberSession("k", person, farFuture, sessionGeneration(), t0);
      forgetSessionsFor({ entityType });
      expect(cachedSession("k", t0 + 1), entityType).toBeUndefined();
    }
    for (const entityType of ["place", "finding", "questionnaire_response"]) {
      rememberSession("k", person, farFuture, sessionGeneration(), t0);
      forgetSessionsFor({ entityType });
      expect(cachedSession("k", t0 + 1), entityType).toBe(person);
    }
  });

  it("keys on every session cookie of the request, whatever else it carries", () => {
    expect(sessionCookie("a=1; maillage.session_token=abc.sig; b=2")).toBe("maillage.session_token=abc.sig");
    expect(sessionCookie("__Secure-maillage.session_token=abc.sig")).toBe("__Secure-maillage.session_token=abc.sig");
    expect(sessionCookie("maillage.session_token=a; __Secure-maillage.session_token=b")).toBe("maillage.session_token=a; __Secure-maillage.session_token=b");
    expect(sessionCookie("maillage.session_token=")).toBeUndefined();
    expect(sessionCookie("other=1")).toBeUndefined();
    expect(sessionCookie(null)).toBeUndefined();
  });
});

import fs from "node:fs";
import path from "node:path";
import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampedHeaders } from "@/platform/auth/client-address";
import { rateLimits, user, verification } from "@/platform/auth/schema";
import { rateKey } from "@/platform/auth/rate-limit";
import { AppError } from "@/platform/errors";
import { latestMailTo } from "@/platform/mail/mailer";
import type { Runtime } from "@/platform/runtime";
import { openTestRuntime } from "@/testing/db";
import { requestPasswordReset, resetPassword, signIn, signUp, signUpAnswer } from "./commands";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openTestRuntime();
});
afterAll(async () => {
  await runtime?.database.close();
});

// A request from `ip` as our HTTP server stamps it (the socket address, see client-address.ts).
const from = (ip: string) => stampedHeaders(ip, { origin: "http://localhost:3000" });
let n = 0;
const email = () => `compte-${Date.now()}-${n++}@exemple.test`;

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Signs up and confirms the address the way the person does: by opening the emailed link. */
async function confirmedAccount(address: string, password: string, ip = "198.51.100.200") {
  await signUp(runtime.auth, from(ip), { name: "Personne Confirmée", email: address, password, passwordConfirm: password });
  return followConfirmation(address, ip);
}

function confirmationLink(address: string): string | undefined {
  return /(http\S+\/verify-email\?token=\S+)/.exec(latestMailTo(runtime.env.dataDir, address) ?? "")?.[1];
}

async function followConfirmation(address: string, ip: string, link = confirmationLink(address)) {
  expect(link).toBeDefined();
  const res = await runtime.auth.handler(new Request(link ?? "", { headers: from(ip) }));
  expect(res.status).toBe(302);
  return res;
}

async function usersWith(address: string) {
  const [row] = await runtime.db.select({ n: count() }).from(user).where(eq(user.email, address));
  return row?.n ?? 0;
}

describe("sign-up", () => {
  it("refuses a weak password with a French message beside the field, and creates nothing", async () => {
    const address = email();
    for (const password of ["court", "azertyuiop123", "aaaaaaaaaaaaaaaa"]) {
      const e = await failure(signUp(runtime.auth, from("198.51.100.1"), { name: "Jeanne Essai", email: address, password, passwordConfirm: password }));
      expect(e.id).toBe("validation");
      expect(e.fieldErrors?.password?.[0]).toMatch(/caractères|courant|répétitif/);
    }
    expect(await usersWith(address)).toBe(0);
  });

  it("refuses the same weak password sent straight to the auth endpoint (no bypass of the form)", async () => {
    const address = email();
    const headers = from("198.51.100.2");
    headers.set("content-type", "application/json");
    headers.set("origin", runtime.env.baseUrl);
    const request = new Request(`${runtime.env.baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Direct", email: address, password: "aaaaaaaaaaaaaaaa" }),
    });
    const res = await runtime.auth.handler(request);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("répétitif");
    expect(await usersWith(address)).toBe(0);
  });

  it("answers the same whether the address is free or taken; the owner of the taken one is told by email", async () => {
    const address = email();
    const body = { name: "Jeanne Essai", email: address, password: "une phrase assez longue", passwordConfirm: "une phrase assez longue" };
    const first = await signUp(runtime.auth, from("198.51.100.3"), body);
    expect(first.message).toBe(signUpAnswer(address));
    expect(latestMailTo(runtime.env.dataDir, address)).toContain("confirmez votre adresse");
    const second = await signUp(runtime.auth, from("198.51.100.4"), { ...body, name: "Quelqu'un d'autre", password: "une autre phrase longue", passwordConfirm: "une autre phrase longue" });
    expect(second).toEqual(first);
    expect(await usersWith(address)).toBe(1);
    expect(latestMailTo(runtime.env.dataDir, address)).toContain("Vous avez déjà un compte");
  });

  it("an unconfirmed account answers like a wrong password; the emailed link confirms it and signs in", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await signUp(runtime.auth, from("198.51.100.5"), { name: "Nouvelle Personne", email: address, password, passwordConfirm: password });
    const link = confirmationLink(address);
    const unconfirmed = await failure(signIn(runtime.auth, from("198.51.100.5"), { email: address, password }));
    const wrong = await failure(signIn(runtime.auth, from("198.51.100.5"), { email: email(), password }));
    expect(unconfirmed.id).toBe("invalid_credentials");
    expect(unconfirmed.message).toBe(wrong.message);
    const res = await followConfirmation(address, "198.51.100.5", link);
    expect(res.headers.get("location")).toBe("/espace");
    expect(res.headers.get("set-cookie")).toMatch(/maillage\.session_token=/);
    await expect(signIn(runtime.auth, from("198.51.100.6"), { email: address, password })).resolves.toBeDefined();
  });

  it("no name over 120 characters on any path: better-auth's own update-user endpoint refuses it too", async () => {
    const address = email();
    const password = "une phrase assez longue";
    const signedIn = await confirmedAccount(address, password);
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const headers = from("198.51.100.7");
    headers.set("cookie", cookie);
    headers.set("content-type", "application/json");
    const res = await runtime.auth.handler(new Request(`${runtime.env.baseUrl}/api/auth/update-user`, { method: "POST", headers, body: JSON.stringify({ name: "x".repeat(1_000_000) }) }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("120 caractères");
    const [row] = await runtime.db.select({ name: user.name }).from(user).where(eq(user.email, address));
    expect(row?.name).toBe("Personne Confirmée");
  });
});

describe("session token", () => {
  it("the sign-in answer to a script carries no session token in its JSON (only the HttpOnly cookie)", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await confirmedAccount(address, password);
    const headers = from("198.51.100.8");
    headers.set("content-type", "application/json");
    const res = await runtime.auth.handler(new Request(`${runtime.env.baseUrl}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email: address, password }) }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("token");
    expect((body.user as { email?: string }).email).toBe(address);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/maillage\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    // Nor do the session endpoints a script may call with that cookie.
    const withCookie = from("198.51.100.8");
    withCookie.set("cookie", cookie.split(";")[0] ?? "");
    const session = (await (await runtime.auth.handler(new Request(`${runtime.env.baseUrl}/api/auth/get-session`, { headers: withCookie }))).json()) as { session: Record<string, unknown>; user: { email: string } };
    expect(session.user.email).toBe(address);
    expect(session.session).not.toHaveProperty("token");
    const list = (await (await runtime.auth.handler(new Request(`${runtime.env.baseUrl}/api/auth/list-sessions`, { headers: withCookie }))).json()) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) expect(s).not.toHaveProperty("token");
  });
});

describe("sign-in rate limits", () => {
  it("one address guessing one account is stopped there; the owner signs in from elsewhere", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await confirmedAccount(address, password);
    for (let i = 0; i < 6; i++) {
      expect((await failure(signIn(runtime.auth, from("198.51.100.30"), { email: address, password: "mauvais mot de passe" }))).id).toBe("invalid_credentials");
    }
    // The attacker's address is refused, even with the right password…
    expect((await failure(signIn(runtime.auth, from("198.51.100.30"), { email: address, password }))).id).toBe("rate_limited");
    // …while the owner, elsewhere, is not locked out.
    await expect(signIn(runtime.auth, from("198.51.100.31"), { email: address, password })).resolves.toBeDefined();
  });

  it("many addresses guessing one account meet a growing delay, never a lock-out; the owner gets in once it has passed", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await confirmedAccount(address, password);
    for (let i = 0; i < 10; i++) {
      expect((await failure(signIn(runtime.auth, from(`198.51.101.${i}`), { email: address, password: "mauvais mot de passe" }))).id).toBe("invalid_credentials");
    }
    const delayed = await failure(signIn(runtime.auth, from("198.51.101.99"), { email: address, password }));
    expect(delayed.id).toBe("rate_limited");
    expect(delayed.status).toBe(429);
    expect(delayed.message).toContain("attendez 1 seconde");
    expect(delayed.message).toContain("Mot de passe oublié");
    // The eleventh failure doubles the delay.
    const key = rateKey("signin-account", address);
    const past = async (seconds: number) =>
      runtime.db.update(rateLimits).set({ windowStartedAt: new Date(Date.now() - seconds * 1000) }).where(eq(rateLimits.key, key));
    await past(2);
    expect((await failure(signIn(runtime.auth, from("198.51.101.50"), { email: address, password: "mauvais mot de passe" }))).id).toBe("invalid_credentials");
    expect((await failure(signIn(runtime.auth, from("198.51.101.98"), { email: address, password }))).message).toContain("attendez 2 secondes");
    // Once the delay has passed, the owner's right password works from any address, and clears the count.
    await past(3);
    await expect(signIn(runtime.auth, from("198.51.101.97"), { email: address, password })).resolves.toBeDefined();
    expect(await runtime.db.select().from(rateLimits).where(eq(rateLimits.key, key))).toEqual([]);
  });

  it("the delay never grows past a minute", async () => {
    const { accountDelaySeconds } = await import("@/platform/auth/rate-limit");
    expect([9, 10, 11, 12, 15, 16, 17, 40].map(accountDelaySeconds)).toEqual([0, 1, 2, 4, 32, 60, 60, 60]);
  });

  it("a password reset lifts the delay at once", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await confirmedAccount(address, password);
    for (let i = 0; i < 12; i++) await failure(signIn(runtime.auth, from(`198.51.102.${i}`), { email: address, password: "mauvais mot de passe" }));
    expect((await failure(signIn(runtime.auth, from("198.51.102.99"), { email: address, password }))).id).toBe("rate_limited");
    await requestPasswordReset(runtime.auth, from("198.51.102.98"), { email: address });
    const token = decodeURIComponent(/reinitialiser-mot-de-passe\?token=([^\s]+)/.exec(latestMailTo(runtime.env.dataDir, address) ?? "")?.[1] ?? "");
    const fresh = "une nouvelle phrase longue";
    await resetPassword(runtime.auth, from("198.51.102.98"), { token, password: fresh, passwordConfirm: fresh });
    await expect(signIn(runtime.auth, from("198.51.102.98"), { email: address, password: fresh })).resolves.toBeDefined();
  });

  it("a forged X-Forwarded-For does not give a new address: only the server's stamp counts", async () => {
    for (let i = 0; i < 30; i++) {
      const headers = from("203.0.113.70");
      headers.set("x-forwarded-for", `10.9.${i}.1`);
      expect((await failure(signIn(runtime.auth, headers, { email: email(), password: "nimporte quoi 123" }))).id).toBe("invalid_credentials");
    }
    const headers = from("203.0.113.70");
    headers.set("x-forwarded-for", "10.9.200.1");
    expect((await failure(signIn(runtime.auth, headers, { email: email(), password: "x" }))).id).toBe("rate_limited");
    // A request without the server's stamp (a forged one) is counted as the "unknown" address, never as what it claims.
    const forged = new Headers({ "x-maillage-client-address": "10.1.1.1", "x-maillage-client-proof": "devine:1", origin: "http://localhost:3000" });
    const { clientAddress } = await import("@/platform/auth/client-address");
    expect(clientAddress(forged)).toBe("unknown");
  });

  it("limits one address trying many accounts, without blocking other addresses", async () => {
    for (let i = 0; i < 30; i++) {
      const e = await failure(signIn(runtime.auth, from("203.0.113.7"), { email: email(), password: "nimporte quoi 123" }));
      expect(e.id).toBe("invalid_credentials");
    }
    expect((await failure(signIn(runtime.auth, from("203.0.113.7"), { email: email(), password: "x" }))).id).toBe("rate_limited");
    expect((await failure(signIn(runtime.auth, from("203.0.113.8"), { email: email(), password: "x" }))).id).toBe("invalid_credentials");
  });
});

describe("sessions", () => {
  it("a tampered session cookie is no session at all", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await confirmedAccount(address, password, "198.51.100.40");
    const res = await runtime.auth.api.signInEmail({ body: { email: address, password }, headers: from("198.51.100.40"), asResponse: true });
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^maillage\.session_token=/);
    const good = await runtime.auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(good?.user.email).toBe(address);
    const [name, value = ""] = cookie.split("=");
    const tampered = `${name}=${value.slice(0, 5)}${value[5] === "A" ? "B" : "A"}${value.slice(6)}`;
    expect(await runtime.auth.api.getSession({ headers: new Headers({ cookie: tampered }) })).toBeNull();
  });
});

describe("password reset by emailed link", () => {
  it("writes the link to the mail folder; the link sets a new password once", async () => {
    const address = email();
    const old = "ancienne phrase secrete";
    await confirmedAccount(address, old, "198.51.100.50");
    await requestPasswordReset(runtime.auth, from("198.51.100.50"), { email: address });
    const mail = latestMailTo(runtime.env.dataDir, address);
    expect(mail).toContain("réinitialiser votre mot de passe");
    const token = decodeURIComponent(/reinitialiser-mot-de-passe\?token=([^\s]+)/.exec(mail ?? "")?.[1] ?? "");
    expect(token.length).toBeGreaterThan(10);

    const weak = await failure(resetPassword(runtime.auth, from("198.51.100.50"), { token, password: "court", passwordConfirm: "court" }));
    expect(weak.fieldErrors?.password).toBeDefined();
    const fresh = "nouvelle phrase secrete";
    await resetPassword(runtime.auth, from("198.51.100.50"), { token, password: fresh, passwordConfirm: fresh });
    await expect(signIn(runtime.auth, from("198.51.100.51"), { email: address, password: fresh })).resolves.toBeDefined();
    expect((await failure(signIn(runtime.auth, from("198.51.100.52"), { email: address, password: old }))).id).toBe("invalid_credentials");
    const again = await failure(resetPassword(runtime.auth, from("198.51.100.50"), { token, password: "encore une autre phrase", passwordConfirm: "encore une autre phrase" }));
    expect(again.id).toBe("invalid_token");
  });

  it("a successful reset invalidates every other link of the account", async () => {
    const address = email();
    await confirmedAccount(address, "ancienne phrase secrete", "198.51.100.55");
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      await requestPasswordReset(runtime.auth, from("198.51.100.55"), { email: address });
      links.push(decodeURIComponent(/reinitialiser-mot-de-passe\?token=([^\s]+)/.exec(latestMailTo(runtime.env.dataDir, address) ?? "")?.[1] ?? ""));
      await new Promise((r) => setTimeout(r, 5)); // distinct mail file names
    }
    expect(new Set(links).size).toBe(2);
    const [older = "", newer = ""] = links;
    await resetPassword(runtime.auth, from("198.51.100.55"), { token: newer, password: "nouvelle phrase secrete", passwordConfirm: "nouvelle phrase secrete" });
    const stale = await failure(resetPassword(runtime.auth, from("198.51.100.55"), { token: older, password: "une troisieme phrase", passwordConfirm: "une troisieme phrase" }));
    expect(stale.id).toBe("invalid_token");
    expect(await runtime.db.select().from(verification).where(like(verification.identifier, "reset-password:%"))).toEqual([]);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const address = email();
    await requestPasswordReset(runtime.auth, from("198.51.100.60"), { email: address });
    expect(latestMailTo(runtime.env.dataDir, address)).toBeUndefined();
    expect(fs.existsSync(path.join(runtime.env.dataDir, "mail"))).toBe(true);
  });
});

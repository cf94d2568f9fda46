import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { user } from "@/platform/auth/schema";
import { AppError } from "@/platform/errors";
import { latestMailTo } from "@/platform/mail/mailer";
import type { Runtime } from "@/platform/runtime";
import { openTestRuntime } from "@/testing/db";
import { requestPasswordReset, resetPassword, signIn, signUp } from "./commands";

let runtime: Runtime;
beforeAll(async () => {
  runtime = await openTestRuntime();
});
afterAll(async () => {
  await runtime?.database.close();
});

const from = (ip: string) => new Headers({ "x-forwarded-for": ip, origin: "http://localhost:3000" });
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

  it("refuses a second account with the same address", async () => {
    const address = email();
    const body = { name: "Jeanne Essai", email: address, password: "une phrase assez longue", passwordConfirm: "une phrase assez longue" };
    await signUp(runtime.auth, from("198.51.100.3"), body);
    const e = await failure(signUp(runtime.auth, from("198.51.100.3"), body));
    expect(e.id).toBe("email_taken");
    expect(await usersWith(address)).toBe(1);
  });
});

describe("sign-in rate limits", () => {
  it("locks an account after 8 attempts in 15 minutes, even with the right password, from any address", async () => {
    const address = email();
    const password = "une phrase assez longue";
    await signUp(runtime.auth, from("198.51.100.10"), { name: "Cible", email: address, password, passwordConfirm: password });
    for (let i = 0; i < 8; i++) {
      const e = await failure(signIn(runtime.auth, from(`198.51.100.${20 + i}`), { email: address, password: "mauvais mot de passe" }));
      expect(e.id).toBe("invalid_credentials");
    }
    const locked = await failure(signIn(runtime.auth, from("198.51.100.99"), { email: address, password }));
    expect(locked.id).toBe("rate_limited");
    expect(locked.status).toBe(429);
    expect(locked.message).toMatch(/Trop de tentatives/);
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
    await signUp(runtime.auth, from("198.51.100.40"), { name: "Session", email: address, password, passwordConfirm: password });
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
    await signUp(runtime.auth, from("198.51.100.50"), { name: "Oublieuse", email: address, password: old, passwordConfirm: old });
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

  it("answers the same for an unknown address and sends nothing", async () => {
    const address = email();
    await requestPasswordReset(runtime.auth, from("198.51.100.60"), { email: address });
    expect(latestMailTo(runtime.env.dataDir, address)).toBeUndefined();
    expect(fs.existsSync(path.join(runtime.env.dataDir, "mail"))).toBe(true);
  });
});

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "@/platform/db/client";
import type { Env } from "@/platform/env";
import { sendMail } from "@/platform/mail/mailer";
import { passwordSchema, personNameSchema } from "./credentials";
import { errorCatalog } from "@/platform/errors";
import { and, eq, like } from "drizzle-orm";
import { account, session, user, verification } from "./schema";
import { ADDRESS_HEADER, clientAddress } from "./client-address";
import { forgetSessions } from "./session-cache";
import { addressKey, claimAccountAttempt, forget, hit, limits, rateKey, recordAccountFailure } from "./rate-limit";

/**
 * The secret that signs session cookies. Without AUTH_SECRET we create one in the
 * data folder, so that `npm start` works and restarts keep people signed in.
 */
export function authSecret(env: Pick<Env, "AUTH_SECRET" | "dataDir">): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.dataDir, "auth-secret");
  fs.mkdirSync(env.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(file, "utf8").trim();
}

function tooMany(): APIError {
  return new APIError("TOO_MANY_REQUESTS", { message: errorCatalog.rate_limited.message, code: "RATE_LIMITED" });
}

function accountDelayed(seconds: number): APIError {
  return new APIError("TOO_MANY_REQUESTS", {
    message:
      `Plusieurs tentatives ont échoué sur ce compte : par sécurité, attendez ${seconds} seconde${seconds > 1 ? "s" : ""} avant de réessayer, ` +
      "ou recevez un lien pour choisir un nouveau mot de passe (« Mot de passe oublié ? »).",
    code: "RATE_LIMITED",
  });
}

/** Failures of better-auth's own, read without instanceof (the bundler may load its error class twice). */
function apiErrorCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !("statusCode" in value) || !("body" in value)) return undefined;
  return ((value as { body?: { code?: string } }).body?.code ?? "") || String((value as { statusCode: unknown }).statusCode);
}

/** Names are bounded on every path that writes them: our forms, better-auth's sign-up and update-user endpoints. */
function checkName(name: unknown): void {
  if (name === undefined) return;
  const checked = personNameSchema.safeParse(name);
  if (!checked.success) throw new APIError("BAD_REQUEST", { message: checked.error.issues[0]?.message ?? "Nom invalide.", code: "INVALID_NAME" });
}

const signInKeys = (address: string, email: string) => ({
  address: addressKey("signin-ip", address),
  pair: addressKey("signin-pair", address, email.trim().toLowerCase()),
  account: rateKey("signin-account", email),
});

/** The answer without its session tokens, or undefined when it carries none. */
export function withoutSessionTokens(path: string, body: Record<string, unknown>): unknown {
  const drop = (o: unknown) => {
    if (!o || typeof o !== "object") return o;
    const { token: _token, ...rest } = o as Record<string, unknown>;
    return rest;
  };
  if ((path === "/sign-in/email" || path === "/sign-up/email") && "token" in body) return drop(body);
  if (path === "/get-session" && body.session && typeof body.session === "object" && "token" in body.session) return { ...body, session: drop(body.session) };
  if (path === "/list-sessions" && Array.isArray(body)) return body.map(drop);
  return undefined;
}

function weakPassword(message: string): APIError {
  return new APIError("BAD_REQUEST", { message, code: "WEAK_PASSWORD" });
}

export function createAuth(db: Db, env: Env) {
  return betterAuth({
    appName: "Maillage",
    baseURL: env.baseUrl,
    secret: authSecret(env),
    trustedOrigins: [env.baseUrl],
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      // Sign-up answers the same whether the address is free or taken: a new account confirms its address by
      // an emailed link (which signs it in), the owner of an existing one is told by email. Nobody learns who has an account.
      requireEmailVerification: true,
      autoSignIn: false,
      onExistingUserSignUp: async ({ user: u }) => {
        await sendMail({
          to: u.email,
          subject: "Maillage — vous avez déjà un compte",
          text:
            `Bonjour ${u.name},\n\nQuelqu'un, peut-être vous, a voulu créer un compte Maillage avec cette adresse. Vous avez déjà un compte : ` +
            `connectez-vous sur ${env.baseUrl}/connexion\nMot de passe oublié ? Choisissez-en un nouveau sur ${env.baseUrl}/mot-de-passe-oublie\n\n` +
            "Si ce n'est pas vous, ignorez ce message : rien n'a changé sur votre compte.\n\nL'équipe Maillage",
        });
      },
      onPasswordReset: async ({ user: u }) => {
        // One reset ends them all: every other link still in a mailbox stops working, and the sign-in delay is lifted.
        await db.delete(verification).where(and(like(verification.identifier, "reset-password:%"), eq(verification.value, u.id)));
        await forget(db, signInKeys("", u.email).account);
      },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user: u, token }) => {
        const link = `${env.baseUrl}/reinitialiser-mot-de-passe?token=${encodeURIComponent(token)}`;
        await sendMail({
          to: u.email,
          subject: "Maillage — réinitialiser votre mot de passe",
          text:
            `Bonjour ${u.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${link}\n\n` +
            "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n\nL'équipe Maillage",
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 60 * 60,
      sendVerificationEmail: async ({ user: u, url }) => {
        await sendMail({
          to: u.email,
          subject: "Maillage — confirmez votre adresse électronique",
          text:
            `Bonjour ${u.name},\n\nPour activer votre compte Maillage, ouvrez ce lien (valable 24 heures) :\n${url}\n\n` +
            "Si vous n'avez pas créé de compte, ignorez ce message.\n\nL'équipe Maillage",
        });
      },
    },
    databaseHooks: {
      user: {
        create: { before: async (u) => void checkName(u.name) },
        update: { before: async (u) => void checkName(u.name), after: async () => forgetSessions() },
        delete: { after: async () => forgetSessions() },
      },
      // Sign-out, revocation, password reset: the in-process session cache forgets at once (session-cache.ts).
      // better-auth runs these after its transaction committed.
      session: { delete: { after: async () => forgetSessions() } },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // No signed cookie cache: a revoked session must stop working at once in this process. Our own in-process
      // cache (session-cache.ts, a few seconds, emptied by every session deletion) spares the look-up instead.
      cookieCache: { enabled: false },
    },
    // Our own limiter (below) is shared through the database and speaks French.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "maillage",
      useSecureCookies: env.baseUrl.startsWith("https://"),
      // Our server stamps every request with the client address it resolved (trusted proxies, see client-address.ts);
      // better-auth records that one, never a forwarding header a client could write.
      ipAddress: { ipAddressHeaders: [ADDRESS_HEADER] },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as { email?: unknown; password?: unknown; newPassword?: unknown };
        const email = typeof body.email === "string" ? body.email : "";
        const address = clientAddress(ctx.headers ?? ctx.request?.headers);
        if (ctx.path === "/sign-in/email") {
          const keys = signInKeys(address, email);
          const perAddress = await hit(db, keys.address, limits.signInPerAddress);
          const perPair = await hit(db, keys.pair, limits.signInPerAddressAndAccount);
          if (!perAddress || !perPair) throw tooMany();
          const claim = await claimAccountAttempt(db, keys.account);
          if (!claim.allowed) throw accountDelayed(claim.retryAfterSeconds);
        }
        if (ctx.path === "/update-user") checkName((ctx.body as { name?: unknown } | undefined)?.name);
        if (ctx.path === "/sign-up/email") {
          if (!(await hit(db, addressKey("signup-ip", address), limits.signUpPerAddress))) throw tooMany();
          const checked = passwordSchema.safeParse(body.password);
          if (!checked.success) throw weakPassword(checked.error.issues[0]?.message ?? "Mot de passe trop faible.");
          const name = personNameSchema.safeParse((ctx.body as { name?: unknown }).name);
          if (!name.success) throw new APIError("BAD_REQUEST", { message: name.error.issues[0]?.message ?? "Nom invalide.", code: "INVALID_NAME" });
        }
        if (ctx.path === "/request-password-reset") {
          const perAddress = await hit(db, addressKey("reset-ip", address), limits.resetPerAddress);
          const perAccount = await hit(db, rateKey("reset-email", email), limits.resetPerAccount);
          if (!perAddress || !perAccount) throw tooMany();
        }
        if (ctx.path === "/reset-password") {
          const checked = passwordSchema.safeParse(body.newPassword);
          if (!checked.success) throw weakPassword(checked.error.issues[0]?.message ?? "Mot de passe trop faible.");
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const code = apiErrorCode(returned);
        if (ctx.path === "/sign-in/email") {
          const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "");
          const keys = signInKeys(clientAddress(ctx.headers ?? ctx.request?.headers), email);
          if (code === "INVALID_EMAIL_OR_PASSWORD") await recordAccountFailure(db, keys.account);
          // An unconfirmed address answers like a wrong password: otherwise signing up with someone's address,
          // then signing in, would tell whether that address already had an account.
          if (code === "EMAIL_NOT_VERIFIED") throw new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });
          if (code === undefined) {
            await forget(db, keys.account);
            await forget(db, keys.pair);
          }
        }
        // The session lives in its HttpOnly cookie; scripts never receive a session token in JSON.
        if (code === undefined && returned && typeof returned === "object" && !(returned instanceof Response)) {
          const stripped = withoutSessionTokens(ctx.path, returned as Record<string, unknown>);
          if (stripped) return ctx.json(stripped);
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

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
import { passwordSchema, personNameSchema } from "@/modules/accounts/validation";
import { errorCatalog } from "@/platform/errors";
import { account, session, user, verification } from "./schema";
import { clientAddress, hit, limits, rateKey } from "./rate-limit";

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
      autoSignIn: true,
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
    session: {
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60 * 24,
      // Every request reads the session from the database: several processes can serve one database,
      // and a revoked session stops working at once.
      cookieCache: { enabled: false },
    },
    // Our own limiter (below) is shared through the database and speaks French.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "maillage",
      useSecureCookies: env.baseUrl.startsWith("https://"),
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const body = (ctx.body ?? {}) as { email?: unknown; password?: unknown; newPassword?: unknown };
        const email = typeof body.email === "string" ? body.email : "";
        const address = clientAddress(ctx.headers ?? ctx.request?.headers);
        if (ctx.path === "/sign-in/email") {
          const perAddress = await hit(db, rateKey("signin-ip", address), limits.signInPerAddress);
          const perAccount = await hit(db, rateKey("signin-email", email), limits.signInPerAccount);
          if (!perAddress || !perAccount) throw tooMany();
        }
        if (ctx.path === "/sign-up/email") {
          if (!(await hit(db, rateKey("signup-ip", address), limits.signUpPerAddress))) throw tooMany();
          const checked = passwordSchema.safeParse(body.password);
          if (!checked.success) throw weakPassword(checked.error.issues[0]?.message ?? "Mot de passe trop faible.");
          const name = personNameSchema.safeParse((ctx.body as { name?: unknown }).name);
          if (!name.success) throw new APIError("BAD_REQUEST", { message: name.error.issues[0]?.message ?? "Nom invalide.", code: "INVALID_NAME" });
        }
        if (ctx.path === "/request-password-reset") {
          const perAddress = await hit(db, rateKey("reset-ip", address), limits.resetPerAddress);
          const perAccount = await hit(db, rateKey("reset-email", email), limits.resetPerAccount);
          if (!perAddress || !perAccount) throw tooMany();
        }
        if (ctx.path === "/reset-password") {
          const checked = passwordSchema.safeParse(body.newPassword);
          if (!checked.success) throw weakPassword(checked.error.issues[0]?.message ?? "Mot de passe trop faible.");
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

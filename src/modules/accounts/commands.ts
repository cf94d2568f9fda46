import { APIError } from "better-auth/api";
import type { Auth } from "@/platform/auth/auth";
import { AppError } from "@/platform/errors";
import { parseOrThrow } from "@/platform/validation";
import { resetPasswordSchema, resetRequestSchema, signInSchema, signUpSchema } from "./validation";

/** Translates better-auth failures into our typed, French errors. */
function isApiError(e: unknown): e is APIError {
  // Duck-typed: the bundler may load better-auth's error class twice, which defeats instanceof.
  return e instanceof APIError || (typeof e === "object" && e !== null && "statusCode" in e && "body" in e);
}

function translate(e: unknown): never {
  if (isApiError(e)) {
    const code = (e.body as { code?: string } | undefined)?.code ?? "";
    const message = (e.body as { message?: string } | undefined)?.message;
    if (code === "RATE_LIMITED" || e.statusCode === 429) throw new AppError("rate_limited", message ? { message } : {});
    if (code === "WEAK_PASSWORD") throw new AppError("validation", { fieldErrors: { password: [message ?? "Mot de passe trop faible."] } });
    if (code === "INVALID_NAME") throw new AppError("validation", { fieldErrors: { name: [message ?? "Nom invalide."] } });
    if (code.includes("ALREADY_EXISTS")) throw new AppError("email_taken", { fieldErrors: { email: ["Un compte existe déjà avec cette adresse. Connectez-vous ou réinitialisez votre mot de passe."] } });
    if (code === "INVALID_EMAIL_OR_PASSWORD" || code === "INVALID_PASSWORD" || code === "USER_NOT_FOUND" || code === "EMAIL_NOT_VERIFIED") throw new AppError("invalid_credentials");
    if (code === "INVALID_TOKEN" || code.includes("TOKEN")) throw new AppError("invalid_token");
    if (code.includes("PASSWORD_TOO")) throw new AppError("validation", { fieldErrors: { password: ["Le mot de passe doit contenir entre 12 et 128 caractères."] } });
  }
  throw e;
}

/** The one answer of sign-up, whether the address was free or already had an account. */
export function signUpAnswer(email: string): string {
  return (
    `Presque terminé : un courriel vient d'être envoyé à ${email}. Ouvrez le lien qu'il contient (valable 24 heures) pour activer votre compte. ` +
    "Si vous aviez déjà un compte avec cette adresse, le courriel vous explique comment vous connecter."
  );
}

/**
 * Creates an account whose address is confirmed by an emailed link; `next` is where that link lands, signed in.
 * Same answer (and no session) whether the address was free or not: the owner of an existing account gets an email instead.
 */
export async function signUp(auth: Auth, headers: Headers, raw: unknown, next = "/espace"): Promise<{ message: string }> {
  const input = parseOrThrow(signUpSchema, raw);
  try {
    await auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password, callbackURL: next }, headers });
    return { message: signUpAnswer(input.email) };
  } catch (e) {
    translate(e);
  }
}

export async function signIn(auth: Auth, headers: Headers, raw: unknown) {
  const input = parseOrThrow(signInSchema, raw);
  try {
    return await auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers });
  } catch (e) {
    translate(e);
  }
}

export async function signOut(auth: Auth, headers: Headers) {
  try {
    await auth.api.signOut({ headers });
  } catch {
    // Already signed out (or a tampered cookie): nothing to undo.
  }
}

/** Always answers the same way, whether the account exists or not (no account discovery). */
export async function requestPasswordReset(auth: Auth, headers: Headers, raw: unknown) {
  const input = parseOrThrow(resetRequestSchema, raw);
  try {
    await auth.api.requestPasswordReset({ body: { email: input.email, redirectTo: "/reinitialiser-mot-de-passe" }, headers });
  } catch (e) {
    translate(e);
  }
}

export async function resetPassword(auth: Auth, headers: Headers, raw: unknown) {
  const input = parseOrThrow(resetPasswordSchema, raw);
  try {
    await auth.api.resetPassword({ body: { newPassword: input.password, token: input.token }, headers });
  } catch (e) {
    translate(e);
  }
}

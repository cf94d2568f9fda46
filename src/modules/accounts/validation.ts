import { z } from "zod";

// Shared by the forms (messages shown beside fields) and the server (the same rules enforced).
// The name and password rules live in platform/auth/credentials.ts: better-auth enforces them too.
import { passwordSchema, personNameSchema } from "@/platform/auth/credentials";

export { passwordSchema, personNameSchema };

export const emailSchema = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .toLowerCase()
  .min(1, "Indiquez votre adresse électronique.")
  .max(254, "Cette adresse électronique est trop longue.")
  .pipe(z.email({ error: "Adresse électronique invalide. Format attendu : nom@domaine.fr" }));

export const signUpSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Indiquez votre mot de passe.").max(256, "Mot de passe trop long."),
});

export const resetRequestSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    token: z.string().min(10, "Ce lien n'est plus valable.").max(200),
    password: passwordSchema,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });

/** Where to go after signing in: only a local path, never another site. */
export const nextPathSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .max(500)
  .catch("/espace");

import { z } from "zod";

// Shared by the forms (messages shown beside fields) and the server (the same rules enforced).

const COMMON_PASSWORDS = new Set([
  "motdepasse123", "motdepasse1234", "azertyuiop123", "azertyuiop12", "123456789012", "000000000000",
  "password1234", "password12345", "qwertyuiop12", "soleil123456", "bonjour12345", "marseille1234",
  "maillage2026", "maillage12345", "administrateur", "motdepasse!!", "azerty123456",
]);

export const emailSchema = z
  .string({ error: "Indiquez votre adresse électronique." })
  .trim()
  .toLowerCase()
  .min(1, "Indiquez votre adresse électronique.")
  .max(254, "Cette adresse électronique est trop longue.")
  .pipe(z.email({ error: "Adresse électronique invalide. Format attendu : nom@domaine.fr" }));

export const personNameSchema = z
  .string({ error: "Indiquez votre nom." })
  .trim()
  .min(2, "Indiquez votre prénom et votre nom.")
  .max(120, "Le nom ne doit pas dépasser 120 caractères.");

export const passwordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .min(12, "Le mot de passe doit contenir au moins 12 caractères.")
  .max(128, "Le mot de passe ne doit pas dépasser 128 caractères.")
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "Ce mot de passe est trop courant : choisissez-en un autre.")
  .refine((p) => new Set(p).size >= 5, "Ce mot de passe est trop répétitif : variez les caractères.");

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

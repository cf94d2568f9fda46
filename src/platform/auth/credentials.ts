import { z } from "zod";

// A person's name and password rules: enforced by better-auth's hooks (auth.ts) and re-exported by the
// accounts module for its forms. Here, in platform, because platform code never imports modules.

const COMMON_PASSWORDS = new Set([
  "motdepasse123", "motdepasse1234", "azertyuiop123", "azertyuiop12", "123456789012", "000000000000",
  "password1234", "password12345", "qwertyuiop12", "soleil123456", "bonjour12345", "marseille1234",
  "maillage2026", "maillage12345", "administrateur", "motdepasse!!", "azerty123456",
]);

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

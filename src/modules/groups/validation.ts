import { z } from "zod";
import { themeIds } from "@/modules/themes";
import { groupRoles, workingGroupKinds, type GroupKind, type GroupRole } from "./schema";

export const kindLabels: Record<GroupKind, string> = {
  groupe_de_travail: "Groupe de travail",
  commission: "Commission",
  comite: "Comité",
  atelier: "Atelier",
  comite_pilotage: "Comité de pilotage",
  comite_technique: "Comité technique",
  coordination: "Coordination",
  autre_instance: "Autre instance",
};

export const roleLabels: Record<GroupRole, string> = {
  animateur: "Animateur·rice",
  membre: "Membre",
  invite: "Invité·e",
  president: "Président·e",
  co_porteur: "Co-porteur",
};

const optionalUuid = z.string().uuid().optional().or(z.literal("").transform(() => undefined));

export const groupSchema = z.object({
  name: z.string({ error: "Donnez un nom au groupe." }).trim().min(3, "Donnez un nom au groupe (3 caractères au moins).").max(150, "Le nom ne doit pas dépasser 150 caractères."),
  purpose: z.string().trim().max(2000, "L'objet du groupe ne doit pas dépasser 2 000 caractères.").default(""),
  kind: z.enum(workingGroupKinds, { error: "Choisissez le type de groupe." }),
});
export type GroupInput = z.infer<typeof groupSchema>;

/**
 * A member: either an account of the territory (`userId`), or a person by name and e-mail until they have one.
 * Either way linked (or not yet) to a structure of the territory, which gives the worlds.
 */
export const memberSchema = z
  .object({
    // A form sends "" for "no account": it must become undefined, never an empty id (a foreign key to no one).
    userId: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || undefined),
    name: z.string().trim().max(150, "Le nom ne doit pas dépasser 150 caractères.").default(""),
    email: z
      .string()
      .trim()
      .max(254)
      .optional()
      .transform((v) => (v ? v.toLowerCase() : undefined))
      .pipe(z.string().email("Écrivez une adresse électronique valide, par exemple prenom.nom@exemple.fr.").optional()),
    actorId: optionalUuid,
    role: z.enum(groupRoles, { error: "Choisissez un rôle." }).default("membre"),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && v.name.length < 2) ctx.addIssue({ code: "custom", path: ["name"], message: "Choisissez un compte du territoire, ou écrivez le nom de la personne." });
  });
export type MemberInput = z.infer<typeof memberSchema>;

export const roleSchema = z.object({ role: z.enum(groupRoles, { error: "Choisissez un rôle." }) });

export const proposalSchema = z.object({
  title: z.string({ error: "Donnez un titre à la proposition." }).trim().min(3, "Donnez un titre à la proposition (3 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  text: z.string().trim().max(5000, "Le texte ne doit pas dépasser 5 000 caractères.").default(""),
});

export const commentSchema = z.object({
  text: z.string({ error: "Écrivez votre commentaire." }).trim().min(2, "Écrivez votre commentaire.").max(3000, "Le commentaire ne doit pas dépasser 3 000 caractères."),
});

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))]);

export const watchItemSchema = z.object({
  url: z
    .string({ error: "Collez l'adresse du lien." })
    .trim()
    .max(2000, "L'adresse ne doit pas dépasser 2 000 caractères.")
    .refine((u) => {
      try {
        const parsed = new URL(u);
        return parsed.protocol === "https:" || parsed.protocol === "http:";
      } catch {
        return false;
      }
    }, "Collez une adresse web complète, commençant par https://"),
  title: z.string({ error: "Donnez un titre." }).trim().min(3, "Donnez un titre (3 caractères au moins).").max(200, "Le titre ne doit pas dépasser 200 caractères."),
  summary: z.string().trim().max(2000, "Le résumé ne doit pas dépasser 2 000 caractères.").default(""),
  themes: list.refine((t) => t.every((id) => (themeIds as readonly string[]).includes(id)), "Choisissez les thèmes dans la liste."),
  groupId: optionalUuid,
});
export type WatchItemInput = z.infer<typeof watchItemSchema>;

export const watchFiltersSchema = z.object({
  theme: z.string().max(50).optional().catch(undefined),
  group: z.string().uuid().optional().catch(undefined),
});
export type WatchFilters = z.infer<typeof watchFiltersSchema>;

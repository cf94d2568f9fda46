export const roles = ["coordinator", "partner", "contributor", "observer"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  coordinator: "Coordination",
  partner: "Partenaire",
  contributor: "Contribution",
  observer: "Observation",
};

export const roleDescriptions: Record<Role, string> = {
  coordinator: "ouvre et anime le territoire, invite les partenaires, lit le journal des modifications",
  partner: "décrit sa structure et ses lieux, participe aux travaux et s'engage",
  contributor: "contribue aux contenus (questionnaires, constats, actions) sans administrer le territoire",
  observer: "consulte les travaux du territoire sans les modifier",
};

/** What a role lets the invited person do, addressed to them (the invitation page). */
export const roleSentencesForInvitee: Record<Role, string> = {
  coordinator: "Avec ce rôle, vous ouvrez et animez le territoire, vous invitez les partenaires et vous lisez le journal des modifications.",
  partner: "Avec ce rôle, vous décrivez votre structure et ses lieux, vous participez aux travaux et vous vous engagez.",
  contributor: "Avec ce rôle, vous contribuez aux contenus (questionnaires, constats, actions) sans administrer le territoire.",
  observer: "Avec ce rôle, vous consultez les travaux du territoire sans les modifier.",
};

/** Whoever is acting: a signed-in person (with their roles per territory), a visitor, or the system itself. */
export type Principal =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      name: string;
      email: string;
      isPlatformAdmin: boolean;
      /** Role per territory id. */
      roles: Readonly<Record<string, Role>>;
    }
  | { kind: "system"; label: string };

export type UserPrincipal = Extract<Principal, { kind: "user" }>;

export const anonymous: Principal = { kind: "anonymous" };

/**
 * "Who did it", written once. By default the audit's label ("Name <email>"); a row's own "by" column
 * (modified_by, decided_by, submitted_by…) keeps a shorter form: `show` picks the person's e-mail, name,
 * or name falling back to the e-mail, and `anonymous` what a visitor is called there. The system is
 * always named by its label.
 */
export function principalLabel(principal: Principal, options: { show?: "email" | "name" | "nameOrEmail"; anonymous?: string } = {}): string {
  if (principal.kind === "system") return principal.label;
  if (principal.kind === "anonymous") return options.anonymous ?? (options.show ? "anonyme" : "visiteur anonyme");
  switch (options.show) {
    case "email":
      return principal.email;
    case "name":
      return principal.name;
    case "nameOrEmail":
      return principal.name || principal.email;
    default:
      return `${principal.name} <${principal.email}>`;
  }
}

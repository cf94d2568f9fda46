import type { Principal } from "@/platform/auth/principal";
import { AppError, type FieldErrors } from "@/platform/errors";
import { type TerritoryRef } from "@/modules/territories";

/** A territory as the questionnaire commands need it (the slug for links, when there is one). */
export type Territory = TerritoryRef & { slug?: string };

/** Who created or typed in something, when it is a person. */
export const userId = (principal: Principal) => (principal.kind === "user" ? principal.userId : null);
export const invalid = (fieldErrors: FieldErrors, message?: string) => new AppError("validation", { fieldErrors, ...(message ? { message } : {}) });

import { hit, rateKey, type Limit } from "@/platform/auth/rate-limit";
import type { Executor } from "@/platform/db/client";
import { AppError } from "@/platform/errors";

/**
 * Checks of a PDF on the public page /verifier-une-signature per client address (the address the server stamped
 * from its socket, or from a configured reverse proxy only: src/platform/auth/client-address.ts), shared by all
 * processes through rate_limits, like the sign-in limits. Each check reads an upload of up to 10 Mo and hashes
 * it: 30 in a quarter of an hour is far more than a person checking the charters they received.
 */
export const verifyLimit = { limit: 30, windowSeconds: 15 * 60 } satisfies Limit;

export const verifyLimitMessage =
  "Trop de vérifications depuis votre connexion : 30 fichiers ont été vérifiés en moins d'un quart d'heure. Votre fichier n'a pas été lu. Patientez un quart d'heure, puis déposez-le à nouveau.";

/** Counts one check from this address; past the limit, refused (429, in French) before the file is read. */
export async function claimVerification(db: Executor, address: string): Promise<void> {
  if (!(await hit(db, rateKey("verify-signed-pdf", address), verifyLimit))) throw new AppError("rate_limited", { message: verifyLimitMessage });
}

import { and, eq } from "drizzle-orm";
import type { Executor } from "@/platform/db/client";
import { charterVersions } from "./schema";

/**
 * The one status change signatures asks of the charter (inside its own transaction): a submitted version
 * whose last named signatory just signed becomes `signee`. Nothing else changes; any other status is left
 * as it is (the caller checked it in the same transaction).
 */
export async function markSignedIn(tx: Executor, versionId: string): Promise<void> {
  await tx
    .update(charterVersions)
    .set({ status: "signee", updatedAt: new Date() })
    .where(and(eq(charterVersions.id, versionId), eq(charterVersions.status, "soumise")));
}

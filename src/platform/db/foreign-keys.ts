/**
 * A write refused by a foreign key: 23001 (restrict_violation, an ON DELETE RESTRICT key) or 23503
 * (foreign_key_violation, NO ACTION), wherever the driver put the code in the error chain (PGlite and
 * PostgreSQL alike). Commands turn it into the typed `still_used` refusal.
 */
export function isForeignKeyViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (code === "23001" || code === "23503") return true;
  }
  return false;
}

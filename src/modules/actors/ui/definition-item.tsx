import type { ReactNode } from "react";

/** One term of an actor's record and its value (a dash when empty). */
export function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="fr-text--bold fr-mt-2w">{term}</dt>
      <dd className="fr-ml-0">{children || "—"}</dd>
    </>
  );
}

import type { PlaceBrief } from "../duplicates";
import { formatDate } from "@/platform/text";

/** A place in a pair of possible duplicates: name, address, last update and source. */
export function Brief({ p }: { p: PlaceBrief }) {
  return (
    <>
      <strong>{p.name}</strong>
      <br />
      {p.address}, {p.commune}
      <br />
      <span className="fr-text--xs">
        Mis à jour le {formatDate(p.updatedOn)} · source {p.source}
      </span>
    </>
  );
}

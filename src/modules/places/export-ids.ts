import { slugify } from "@/platform/text";

/**
 * The `id` each place gets in an exported file. The standard requires ids unique in the file, but a
 * producer's ids are only unique within its source: after importing several datasets, "1", "2", "3"
 * belong to a bus in Charente and to places in New Caledonia alike (143 duplicates out of 1,769 rows
 * were observed). So:
 * - an id that no other source uses anywhere in the registry is kept as it is (a re-import into the
 *   producer's own tools, or here, finds its places again);
 * - an id that several sources use becomes « source-id » (the source's slug, then the id), for every
 *   place carrying it, whichever territory is exported: the same id in every export, from one export
 *   to the next, as long as the registry does not change;
 * - should that still collide (a producer whose own id happens to read « source-id »), the later
 *   place in the file's order (source, then id) gets « -2 », « -3 »….
 */
export function exportIds(rows: readonly { source: string; sourceId: string }[], sharedIds: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  const wanted = rows.map((r) => (sharedIds.has(r.sourceId) ? `${slugify(r.source) || "source"}-${r.sourceId}` : r.sourceId));
  // Ids kept as they are come first: a derived id never takes a producer's own id.
  const plain = new Set(wanted.filter((id, i) => id === rows[i]?.sourceId));
  return wanted.map((id, i) => {
    const derived = id !== rows[i]?.sourceId;
    let unique = id;
    for (let n = 2; used.has(unique) || (derived && plain.has(unique)); n++) unique = `${id}-${n}`;
    used.add(unique);
    return unique;
  });
}

/**
 * REPLACED AT MERGE by CHARTER's rendering of the charter document (src/composition/charter/document.ts).
 * The frozen canonical content of a version, as stored, so that the signer reads exactly what they sign:
 * strings as paragraphs, lists as lists, named parts under their name.
 */
export function VersionText({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return <p className="fr-mb-1w">{String(value)}</p>;
  if (Array.isArray(value))
    return (
      <ul>
        {value.map((v, i) => (
          <li key={i}>
            <VersionText value={v} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  return (
    <>
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k} className="fr-mb-1w">
          <p className="fr-text--bold fr-mb-0">{k}</p>
          <VersionText value={v} depth={depth + 1} />
        </div>
      ))}
    </>
  );
}

import type { CharterDiff } from "./diff";

/** The diff between two versions, for people: removed lines struck through, added ones marked, commitments by partner. */
export function DiffView({ diff }: { diff: CharterDiff }) {
  if (diff.unchanged) return <p>Aucun changement dans le texte ni dans les engagements.</p>;
  return (
    <>
      {diff.sections.map((s) => (
        <div key={s.kind} className="fr-mb-3w">
          <h4>{s.titleBefore ? `${s.titleBefore} → ${s.title}` : s.title}</h4>
          <ul className="fr-raw-list">
            {s.lines
              .filter((l) => l.op !== "same" || l.text.trim() !== "")
              .map((l, i) => (
                <li key={i} className="fr-text--sm fr-mb-0">
                  {l.op === "added" ? (
                    <ins style={{ background: "var(--background-contrast-success)" }}>
                      <span className="fr-sr-only">Ajouté : </span>+ {l.text}
                    </ins>
                  ) : l.op === "removed" ? (
                    <del style={{ background: "var(--background-contrast-error)" }}>
                      <span className="fr-sr-only">Retiré : </span>− {l.text}
                    </del>
                  ) : (
                    <span>  {l.text}</span>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
      {diff.partnersAdded.length ? <p>Structures ajoutées : {diff.partnersAdded.join(", ")}.</p> : null}
      {diff.partnersRemoved.length ? <p>Structures retirées : {diff.partnersRemoved.join(", ")}.</p> : null}
      {diff.commitments.length ? (
        <>
          <h4>Engagements</h4>
          <ul>
            {diff.commitments.map((c) => (
              <li key={`${c.op}-${c.lineageId}`}>
                <strong>{c.partner}</strong> — {c.op === "added" ? "ajouté" : c.op === "removed" ? "retiré" : "modifié"} : « {c.text} »
                {c.op === "changed" ? (
                  <ul>
                    {c.fields.map((f) => (
                      <li key={f.label}>
                        {f.label} : <del>{f.before}</del> → <ins>{f.after}</ins>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** One key figure of the portrait, as a DSFR tile. */
export function Figure({ label, value, detail }: { label: string; value: string; detail?: string | undefined }) {
  return (
    <li className="fr-col-12 fr-col-sm-6 fr-col-lg-4">
      <div className="fr-tile fr-tile--sm" style={{ alignItems: "flex-start" }}>
        <div className="fr-tile__body">
          <p className="fr-h3 fr-mb-0">{value}</p>
          <p className="fr-mb-0">{label}</p>
          {detail ? <p className="fr-text--sm fr-mb-0">{detail}</p> : null}
        </div>
      </div>
    </li>
  );
}

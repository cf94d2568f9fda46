import { formatDate } from "@/platform/text";
import { legalTypeLabels, type LegalType } from "@/modules/actors";
import { themeLabel } from "@/modules/themes";
import { aidKindLabels, scopeLabels } from "../validation";
import type { Source } from "../queries";

const euros = (n: number) => `${n.toLocaleString("fr-FR")} €`;

/** "De 20 à 80 %" / "Jusqu'à 80 %" / null: bounds in words, marked indicative (calls change every year). */
export function rateWords(s: Pick<Source, "rateMin" | "rateMax">): string | null {
  if (s.rateMin !== null && s.rateMax !== null) return `De ${s.rateMin} à ${s.rateMax} % (taux indicatif)`;
  if (s.rateMax !== null) return `Jusqu'à ${s.rateMax} % (taux indicatif)`;
  if (s.rateMin !== null) return `Au moins ${s.rateMin} % (taux indicatif)`;
  return null;
}

export function amountWords(s: Pick<Source, "amountMin" | "amountMax">): string | null {
  if (s.amountMin !== null && s.amountMax !== null) return `De ${euros(s.amountMin)} à ${euros(s.amountMax)}`;
  if (s.amountMax !== null) return `Jusqu'à ${euros(s.amountMax)}`;
  if (s.amountMin !== null) return `À partir de ${euros(s.amountMin)}`;
  return null;
}

export function scopeWords(s: Pick<Source, "scopeKind" | "scopeCodes">, place: (code: string) => string = (c) => c): string {
  if (s.scopeKind === "national") return scopeLabels.national;
  if (s.scopeCodes.length === 0) return `${scopeLabels[s.scopeKind]} : dispositif propre à chacune`;
  const shown = s.scopeCodes.slice(0, 8).map(place).join(", ");
  return `${scopeLabels[s.scopeKind]} : ${shown}${s.scopeCodes.length > 8 ? ` et ${s.scopeCodes.length - 8} autres` : ""}`;
}

/** A source's facts as a DSFR-styled description list (catalogue and source page). */
export function SourceFacts({ source, place }: { source: Source; place?: (code: string) => string }) {
  const rows: [string, string][] = [
    ["Financeur", source.funder],
    ["Type d'aide", aidKindLabels[source.aidKind]],
    ["Ce qu'elle finance", source.finances],
    ["Porteurs éligibles", source.bearers.length ? source.bearers.map((b) => legalTypeLabels[b as LegalType] ?? b).join(", ") : "Tout porteur"],
    ["Publics", source.publics.join(", ")],
    ["Thèmes", source.themes.map(themeLabel).join(", ")],
    ["Périmètre", scopeWords(source, place)],
    ["Taux", rateWords(source) ?? ""],
    ["Montants", amountWords(source) ?? ""],
    ["Rythme", source.rhythm],
    ["Notes", source.notes],
  ];
  return (
    <>
    <dl className="fr-mb-2w">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="fr-mb-1w">
            <dt className="fr-text--bold fr-mb-0">{k}</dt>
            <dd className="fr-ml-0">{v}</dd>
          </div>
        ))}
    </dl>
      {source.territoryId ? <p className="fr-text--xs">Mise à jour le {formatDate(source.updatedAt)}</p> : null}
    </>
  );
}

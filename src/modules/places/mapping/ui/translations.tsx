import { countOf } from "@/platform/text";
import { Table } from "@/ui/table";
import type { TranslationSource } from "../translate";
import { EXCLUDE_CHOICE, translationInput, translationTermInput, type TranslationView } from "../translation-view";

const sources: Record<TranslationSource, string> = {
  rule: "règle de la correspondance",
  excluded: "exclue par la correspondance",
  standard: "valeur du standard",
  "v0.1": "table de la version 0.1",
  moved: "table de la version 0.1 : valeur d'un autre champ, déplacée",
  close: "rapprochement de mots : à vérifier",
  unknown: "non reconnue : ignorée",
};

/**
 * Value translation, inside the mapping form: for each enumerated field fed by a column, every
 * distinct value of the file with its count, what it becomes, and a choice to change it. Nothing is
 * silently dropped: an unrecognised value is shown first, and the report names it once with its count.
 */
export function Translations({ views }: { views: TranslationView[] }) {
  if (views.length === 0) return null;
  return (
    <section aria-labelledby="traductions-titre" className="fr-my-4w" data-testid="translations">
      <h3 id="traductions-titre">Traduction des valeurs</h3>
      <p>
        Pour les champs à liste de valeurs, chaque valeur distincte de votre fichier est traduite en valeur du standard : par le vocabulaire
        du standard, la table de la version 0.1 (par exemple « CNFS » devient « Conseillers numériques ») ou une règle que vous choisissez
        ici. Les valeurs non reconnues sont listées en premier ; sans choix de votre part, elles sont ignorées et signalées une fois dans le
        rapport. Vos choix sont enregistrés avec la correspondance ; cliquez sur « Prévisualiser » pour les appliquer.
      </p>
      {views.map((v) => (
        <div key={v.field} className="fr-table fr-table--sm fr-table--no-caption-top">
          <Table>
            <caption>
              {v.title} (champ « {v.field} », {v.columns.length > 1 ? "colonnes" : "colonne"} {v.columns.map((c) => `« ${c} »`).join(", ")}) :{" "}
              {countOf(v.totalTerms, "valeur distincte", "valeurs distinctes")}
              {v.totalTerms > v.terms.length ? `, ${v.terms.length} plus fréquentes affichées` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Valeur du fichier</th>
                <th scope="col">Occurrences</th>
                <th scope="col">Devient</th>
                <th scope="col">Traduction choisie</th>
              </tr>
            </thead>
            <tbody>
              {v.terms.map((t, i) => {
                const id = translationInput(v.field, i);
                return (
                  <tr key={t.term} data-source={t.source}>
                    <th scope="row">{t.term}</th>
                    <td>{t.count}</td>
                    <td>
                      {t.moved ? (
                        t.moved.map((m) => `${m.value} (champ ${m.field})`).join(", ")
                      ) : t.values.length > 0 ? (
                        t.values.join(", ")
                      ) : (
                        <span className="fr-badge fr-badge--sm fr-badge--warning fr-badge--no-icon">aucune valeur</span>
                      )}
                      <span className="fr-hint-text">{sources[t.source]}</span>
                    </td>
                    <td>
                      <input type="hidden" name={translationTermInput(v.field, i)} value={t.term} />
                      <label className="fr-label fr-sr-only" htmlFor={id}>
                        Traduction de « {t.term} » pour {v.title}
                      </label>
                      <select key={`${t.term}-${t.choice}`} className="fr-select" id={id} name={id} defaultValue={t.choice}>
                        <option value="">Automatique</option>
                        <option value={EXCLUDE_CHOICE}>Exclure (aucune valeur)</option>
                        {v.options.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </div>
      ))}
    </section>
  );
}

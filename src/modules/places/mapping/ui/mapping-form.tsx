"use client";

import { countOf, plural } from "@/platform/text";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { placeMappingAction } from "@/modules/places/actions";
import {
  CONCAT_COLUMNS,
  addConcatIntent,
  columnInput,
  composeSectionInput,
  concatColumnInput,
  concatColumnsInput,
  concatFieldInput,
  concatRowsInput,
  concatSeparatorInput,
  concatShownInput,
  constantInput,
  dayInput,
  projectionInput,
} from "../form-names";
import type { FieldView, MappingView, Preview, ReportView } from "../wizard";
import { IssuesTable, Outcome, ReportSummary } from "./report";
import { Translations } from "./translations";
import type { TranslationView } from "../translation-view";
import { Table } from "@/ui/table";

/**
 * Step 2 and 3 of the import in the producer's own format: one select per standard field, a fixed
 * value where useful, then preview, save, check and import. Every form here posts to the same
 * server action with one state, so that the page works without JavaScript: whichever form is
 * sent, the page comes back with its result (the uploaded file travels as a hidden token).
 */
export function MappingForm({ territory, token, view }: { territory: string; token: string; view: MappingView }) {
  const [state, dispatch] = useActionState(placeMappingAction, { status: "idle" });
  const value = (name: string) => state.values?.[name] ?? view.defaults[name] ?? "";
  const errors = state.fieldErrors ?? {};
  const errorCount = Object.keys(errors).length;
  const kind = state.status === "success" ? state.result?.kind : undefined;
  const examplesOf = new Map(view.columns.map((c) => [c.name, c.examples]));
  const translations = state.result?.translations ? (JSON.parse(state.result.translations) as TranslationView[]) : view.translations;
  const complements = state.result?.complements ?? view.complements;
  const projection = state.result?.projection ?? view.projection;
  const row = (f: FieldView) => (
    <FieldRow key={f.name} field={f} view={view} value={value} errors={errors} examplesOf={examplesOf}>
      {f.name === "latitude" ? <ProjectionSelect view={view} note={projection} value={value} errors={errors} /> : null}
    </FieldRow>
  );
  return (
    <>
      <form action={dispatch} noValidate aria-labelledby="correspondance-titre">
        <h3 id="correspondance-titre">2. Associer les colonnes aux champs du standard</h3>
        <div aria-live="polite" role="status">
          {state.status === "error" ? (
            <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
              <p>
                {state.message}
                {errorCount > 1 ? ` (${errorCount} champs à corriger)` : ""}
              </p>
            </div>
          ) : null}
        </div>
        <input type="hidden" name="territory" value={territory} />
        <input type="hidden" name="fichier" value={token} />
        <input type="hidden" name="complements" value={complements} />
        <p>
          Pour chaque champ du standard national, choisissez la colonne de votre fichier qui le contient. Les choix proposés sont des
          suggestions, tirées du nom des colonnes et de leur contenu : vérifiez-les. Une <strong>valeur fixe</strong> s&apos;applique à
          toutes les lignes (quand aucune colonne n&apos;est choisie ou que la cellule est vide). Les champs marqués d&apos;un astérisque
          (*) sont obligatoires.
        </p>
        <fieldset className="fr-fieldset" aria-labelledby="champs-obligatoires">
          <legend className="fr-fieldset__legend" id="champs-obligatoires">
            Champs obligatoires
          </legend>
          {view.fields.filter((f) => f.required).map(row)}
        </fieldset>
        <fieldset className="fr-fieldset" aria-labelledby="champs-facultatifs">
          <legend className="fr-fieldset__legend" id="champs-facultatifs">
            Autres champs (facultatifs)
          </legend>
          {view.fields.filter((f) => !f.required).map(row)}
        </fieldset>
        <Compositions view={view} value={value} errors={errors} />
        <Translations views={translations} />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <Submit intent="apercu" label="Prévisualiser" />
          </li>
          <li>
            <Submit intent="verifier" label="Vérifier sans importer" secondary />
          </li>
        </ul>
        <div className={`fr-input-group${errors.name ? " fr-input-group--error" : ""}`}>
          <label className="fr-label" htmlFor="nom-correspondance">
            Nom de la correspondance (pour la réutiliser au prochain fichier)
            <span className="fr-hint-text" id="nom-correspondance-aide">
              Par exemple : « Export du réseau départemental ». Un nom déjà utilisé remplace la correspondance enregistrée sous ce nom.
            </span>
          </label>
          <input
            key={value("name")}
            className={`fr-input${errors.name ? " fr-input--error" : ""}`}
            id="nom-correspondance"
            name="name"
            maxLength={100}
            defaultValue={value("name")}
            aria-describedby={`nom-correspondance-aide${errors.name ? " nom-correspondance-erreur" : ""}`}
            aria-invalid={errors.name ? true : undefined}
          />
          {errors.name ? (
            <p className="fr-message fr-message--error" id="nom-correspondance-erreur">
              {errors.name[0]}
            </p>
          ) : null}
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Submit intent="enregistrer" label="Enregistrer la correspondance" secondary />
          </li>
        </ul>
        {/* Beside the button that saves: at the top of this long form the confirmation went unseen. */}
        <div aria-live="polite" role="status" data-testid="mapping-saved">
          {kind === "saved" && state.message ? (
            <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
              <p>{state.message}</p>
            </div>
          ) : null}
        </div>
      </form>
      <div aria-live="polite">
        {kind === "preview" && state.result?.preview ? <PreviewTable preview={JSON.parse(state.result.preview) as Preview} /> : null}
        {kind === "report" && state.result?.report ? (
          <Checked report={JSON.parse(state.result.report) as ReportView} territory={territory} token={token} mapping={state.result.mapping ?? ""} today={state.result.today ?? ""} filename={view.filename} dispatch={dispatch} />
        ) : null}
        {kind === "done" && state.result?.report ? <Done report={JSON.parse(state.result.report) as ReportView} territory={territory} /> : null}
      </div>
    </>
  );
}

function Submit({ intent, label, secondary }: { intent: string; label: string; secondary?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value={intent} className={`fr-btn${secondary ? " fr-btn--secondary" : ""}`} aria-disabled={pending}>
      {label}
    </button>
  );
}

function FieldRow(props: {
  field: FieldView;
  view: MappingView;
  value: (name: string) => string;
  errors: Record<string, string[]>;
  examplesOf: Map<string, string[]>;
  children?: React.ReactNode;
}) {
  const { field: f, view, value, errors } = props;
  const select = columnInput(f.name);
  const fixed = constantInput(f.name);
  const chosen = value(select);
  const shown = chosen ? (props.examplesOf.get(chosen) ?? []) : [];
  const selectErrors = errors[select];
  const fixedErrors = errors[fixed];
  const id = `champ-${f.name}`;
  return (
    <div className="fr-fieldset__element fr-mb-2w">
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <div className={`fr-select-group${selectErrors ? " fr-select-group--error" : ""}`}>
            <label className="fr-label" htmlFor={id}>
              {f.title}
              {f.required ? <span aria-hidden="true"> *</span> : null}
              <span className="fr-hint-text" id={`${id}-aide`}>
                Champ « {f.name} » du standard. {f.hint}
                {shown.length > 0 ? ` Exemples dans le fichier : ${shown.join(" ; ")}.` : ""}
              </span>
            </label>
            <select
              key={chosen}
              className="fr-select"
              id={id}
              name={select}
              defaultValue={chosen}
              aria-describedby={`${id}-aide${selectErrors ? ` ${id}-erreur` : ""}`}
              aria-invalid={selectErrors ? true : undefined}
            >
              <option value="">{f.noneLabel}</option>
              {view.columns.map((c) => (
                <option key={c.name} value={c.name}>
                  {optionLabel(c.name, c.examples)}
                </option>
              ))}
            </select>
            {selectErrors ? (
              <p className="fr-message fr-message--error" id={`${id}-erreur`}>
                {selectErrors[0]}
              </p>
            ) : null}
          </div>
        </div>
        {f.constant ? (
          <div className="fr-col-12 fr-col-md-5">
            <div className={`fr-input-group${fixedErrors ? " fr-input-group--error" : ""}`}>
              <label className="fr-label" htmlFor={`${id}-fixe`}>
                Valeur fixe pour « {f.title} »
                <span className="fr-hint-text" id={`${id}-fixe-aide`}>
                  {f.constant.hint}
                </span>
              </label>
              <input
                key={value(fixed)}
                className={`fr-input${fixedErrors ? " fr-input--error" : ""}`}
                id={`${id}-fixe`}
                name={fixed}
                defaultValue={value(fixed)}
                aria-describedby={`${id}-fixe-aide${fixedErrors ? ` ${id}-fixe-erreur` : ""}`}
                aria-invalid={fixedErrors ? true : undefined}
              />
              {fixedErrors ? (
                <p className="fr-message fr-message--error" id={`${id}-fixe-erreur`}>
                  {fixedErrors[0]}
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
      {props.children}
    </div>
  );
}

type Inputs = { view: MappingView; value: (name: string) => string; errors: Record<string, string[]> };

/** A plain select of the file's columns (« Aucune colonne » first), with its error. */
function ColumnSelect({ id, name, label, hint, view, value, errors }: Inputs & { id: string; name: string; label: string; hint?: string }) {
  const chosen = value(name);
  const error = errors[name];
  const described = [hint ? `${id}-aide` : "", error ? `${id}-erreur` : ""].filter(Boolean).join(" ");
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? (
          <span className="fr-hint-text" id={`${id}-aide`}>
            {hint}
          </span>
        ) : null}
      </label>
      <select key={chosen} className="fr-select" id={id} name={name} defaultValue={chosen} aria-describedby={described || undefined} aria-invalid={error ? true : undefined}>
        <option value="">Aucune colonne</option>
        {view.columns.map((c) => (
          <option key={c.name} value={c.name}>
            {optionLabel(c.name, c.examples)}
          </option>
        ))}
      </select>
      {error ? (
        <p className="fr-message fr-message--error" id={`${id}-erreur`}>
          {error[0]}
        </p>
      ) : null}
    </div>
  );
}

/** Under the latitude: what the coordinates are read as, and a select to say otherwise (saved with the mapping). */
function ProjectionSelect({ view, note, value, errors }: Inputs & { note: string }) {
  const chosen = value(projectionInput);
  const error = errors[projectionInput];
  return (
    <div className={`fr-select-group fr-mt-1w${error ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor="champ-projection">
        Projection des coordonnées
        <span className="fr-hint-text" id="champ-projection-aide" data-testid="projection-note">
          {note || "Choisissez les colonnes de longitude et de latitude : leur projection est reconnue d'après leurs valeurs."}
        </span>
      </label>
      <select
        key={chosen}
        className="fr-select"
        id="champ-projection"
        name={projectionInput}
        defaultValue={chosen}
        aria-describedby={`champ-projection-aide${error ? " champ-projection-erreur" : ""}`}
        aria-invalid={error ? true : undefined}
      >
        <option value="">Automatique (reconnue d&apos;après les valeurs)</option>
        {view.projections.map((p) => (
          <option key={p.code} value={p.code}>
            {p.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="fr-message fr-message--error" id="champ-projection-erreur">
          {error[0]}
        </p>
      ) : null}
    </div>
  );
}

const DAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"] as const;

/** One concatenation: the field, its columns (one spare select), the separator; `k` numbers its inputs. */
function ConcatRow({ k, view, value, errors }: Inputs & { k: number }) {
  const field = value(concatFieldInput(k));
  const fieldError = errors[concatFieldInput(k)];
  const separatorError = errors[concatSeparatorInput(k)];
  const selects = Math.max(CONCAT_COLUMNS, Number.parseInt(value(concatColumnsInput(k)), 10) || 0);
  const id = (name: string) => `compose-${k}-${name}`;
  return (
    <div className="fr-fieldset__element" role="group" aria-labelledby={id("titre")}>
      <p className="fr-text--bold fr-mb-1w" id={id("titre")}>
        Colonnes mises bout à bout{k === 1 ? " (par exemple : adresse = numéro + voie)" : ""} — composition {k}
      </p>
      <input type="hidden" name={concatShownInput(k)} value={value(concatShownInput(k))} />
      <input type="hidden" name={concatColumnsInput(k)} value={String(selects)} />
      <div className={`fr-select-group${fieldError ? " fr-select-group--error" : ""}`}>
        <label className="fr-label" htmlFor={id("champ")}>
          Champ composé {k}
        </label>
        <select key={field} className="fr-select" id={id("champ")} name={concatFieldInput(k)} defaultValue={field} aria-describedby={fieldError ? id("champ-erreur") : undefined} aria-invalid={fieldError ? true : undefined}>
          <option value="">Aucun</option>
          {view.concatFields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.title}
            </option>
          ))}
        </select>
        {fieldError ? (
          <p className="fr-message fr-message--error" id={id("champ-erreur")}>
            {fieldError[0]}
          </p>
        ) : null}
      </div>
      {Array.from({ length: selects }, (_, i) => (
        <ColumnSelect key={i} id={id(`colonne-${i + 1}`)} name={concatColumnInput(k, i + 1)} label={`Composition ${k}, colonne ${i + 1}`} view={view} value={value} errors={errors} />
      ))}
      <div className={`fr-input-group${separatorError ? " fr-input-group--error" : ""}`}>
        <label className="fr-label" htmlFor={id("separateur")}>
          Séparateur de la composition {k}
          <span className="fr-hint-text" id={id("separateur-aide")}>
            Placé entre les cellules non vides (une espace par défaut).
          </span>
        </label>
        <input
          key={value(concatSeparatorInput(k))}
          className={`fr-input${separatorError ? " fr-input--error" : ""}`}
          id={id("separateur")}
          name={concatSeparatorInput(k)}
          maxLength={10}
          defaultValue={value(concatSeparatorInput(k))}
          aria-describedby={`${id("separateur-aide")}${separatorError ? ` ${id("separateur-erreur")}` : ""}`}
          aria-invalid={separatorError ? true : undefined}
        />
        {separatorError ? (
          <p className="fr-message fr-message--error" id={id("separateur-erreur")}>
            {separatorError[0]}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * « Champs composés »: every concatenation of the mapping, one row each (a row emptied with « Aucun » is
 * removed), a submit button that adds an empty row, and the hours by day, as plain selects posted with
 * the form: no JavaScript needed, and what the page shows is what it posts back.
 */
function Compositions({ view, value, errors }: Inputs) {
  const rows = Math.max(1, Number.parseInt(value(concatRowsInput), 10) || 1);
  return (
    <fieldset className="fr-fieldset" aria-labelledby="champs-composes">
      <legend className="fr-fieldset__legend" id="champs-composes">
        Champs composés
        <span className="fr-hint-text">Une valeur faite de plusieurs colonnes, utilisée à la place de la colonne choisie plus haut pour ce champ.</span>
      </legend>
      <input type="hidden" name={composeSectionInput} value="1" />
      <input type="hidden" name={concatRowsInput} value={String(rows)} />
      {Array.from({ length: rows }, (_, i) => (
        <ConcatRow key={i} k={i + 1} view={view} value={value} errors={errors} />
      ))}
      <div className="fr-fieldset__element">
        <p className="fr-text--sm fr-mb-1w">Pour retirer un champ composé, choisissez « Aucun » comme champ, puis prévisualisez.</p>
        <button type="submit" name="intent" value={addConcatIntent} className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-add-line fr-btn--icon-left">
          Ajouter un champ composé
        </button>
      </div>
      <div className="fr-fieldset__element">
        <p className="fr-text--bold fr-mb-1w">Horaires répartis en une colonne par jour</p>
        <p className="fr-text--sm">Les sept colonnes sont réunies en une seule valeur d&apos;horaires ; une cellule vide veut dire fermé ce jour-là.</p>
        {DAYS.map((d, i) => (
          <ColumnSelect key={d} id={`horaires-jour-${i + 1}`} name={dayInput(i)} label={d} view={view} value={value} errors={errors} />
        ))}
      </div>
    </fieldset>
  );
}

const short = (text: string, n: number) => (Array.from(text).length > n ? `${Array.from(text).slice(0, n - 1).join("")}…` : text);

function optionLabel(column: string, examples: string[]): string {
  const sample = examples.slice(0, 2).map((e) => short(e, 30));
  return sample.length > 0 ? `${column} (ex. : ${sample.join(" ; ")})` : `${column} (colonne vide)`;
}

const mainFields = ["id", "nom", "adresse", "code_postal", "commune"] as const;

function PreviewTable({ preview }: { preview: Preview }) {
  const titles = new Map(preview.fields.map((f) => [f.name, f.title]));
  const others = preview.fields.filter((f) => !(mainFields as readonly string[]).includes(f.name));
  return (
    <section aria-labelledby="apercu-titre" className="fr-my-4w">
      <h3 id="apercu-titre">Aperçu</h3>
      <p>
        {countOf(preview.rows, "ligne", "lignes")} de lieux dans le fichier. Voici {plural(preview.records.length, "la", "les")} {preview.records.length} {plural(preview.records.length, "première", "premières")} telles qu&apos;elles seront vérifiées
        (avant les corrections du standard : téléphones, dates…).
      </p>
      <div className="fr-table fr-table--sm">
        <Table>
          <caption>Les {preview.records.length} premiers lieux, champs du standard</caption>
          <thead>
            <tr>
              <th scope="col">Ligne du fichier</th>
              {mainFields.map((f) => (
                <th key={f} scope="col">
                  {titles.get(f) ?? f}
                </th>
              ))}
              <th scope="col">Autres champs</th>
            </tr>
          </thead>
          <tbody>
            {preview.records.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                {mainFields.map((f) => (
                  <td key={f}>{r.values[f] ?? <span className="fr-hint-text">vide</span>}</td>
                ))}
                <td>
                  {r.errors.map((e) => (
                    <p key={e} className="fr-message fr-message--error fr-text--xs">
                      {e}
                    </p>
                  ))}
                  <ul className="fr-text--xs fr-mb-0">
                    {others
                      .filter((f) => r.values[f.name] !== undefined)
                      .map((f) => (
                        <li key={f.name}>
                          {f.title} : {short(r.values[f.name] ?? "", 80)}
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}

function Checked(props: { report: ReportView; territory: string; token: string; mapping: string; today: string; filename: string; dispatch: (form: FormData) => void }) {
  const { report } = props;
  return (
    <section aria-labelledby="verification-titre" className="fr-my-4w">
      <h3 id="verification-titre">3. Vérification de « {props.filename} »</h3>
      <p>Les numéros de ligne sont ceux de votre fichier (ligne du tableur ou du CSV, position dans la liste JSON).</p>
      <ReportSummary report={report} />
      <IssuesTable report={report} />
      {report.toImport > 0 ? (
        <form action={props.dispatch}>
          <input type="hidden" name="territory" value={props.territory} />
          <input type="hidden" name="fichier" value={props.token} />
          <input type="hidden" name="mapping_json" value={props.mapping} />
          <input type="hidden" name="today" value={props.today} />
          <p>L&apos;import s&apos;enregistre en une seule fois : tout ou rien. Réimporter le même fichier avec la même correspondance ne crée pas de doublon.</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Submit intent="importer" label={`Importer ${countOf(report.toImport, "lieu", "lieux")}`} />
            </li>
          </ul>
        </form>
      ) : (
        <p>Aucun lieu à importer : corrigez la correspondance ou le fichier, puis vérifiez à nouveau.</p>
      )}
    </section>
  );
}

function Done({ report, territory }: { report: ReportView; territory: string }) {
  return (
    <>
      <div className="fr-alert fr-alert--success fr-my-4w">
        <h3 className="fr-alert__title">Import terminé</h3>
        <Outcome report={report} territory={territory} />
      </div>
      <ReportSummary report={report} />
      <IssuesTable report={report} />
    </>
  );
}

import type { Metadata } from "next";
import { getRuntime } from "@/platform/runtime";
import { requireUser } from "@/platform/web/guard";
import { countOf, formatNumber } from "@/platform/text";
import { ActionForm, CheckboxGroup, Field, Hidden, PendingChoice, RadioGroup } from "@/ui/form";
import { CommuneField } from "@/ui/commune-field";
import { searchPerimeters } from "@/modules/geo/queries";
import { perimeterKindLabels, perimeterKinds, perimeterSearchSchema } from "@/modules/territories/validation";
import { createTerritoryAction } from "@/modules/territories/actions";
import { readSingleSearchParams } from "@/platform/web/search-params";

export const metadata: Metadata = { title: "Ouvrir un territoire" };

export default async function NewTerritoryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireUser("/espace/nouveau");
  const { kind, q } = perimeterSearchSchema.parse(readSingleSearchParams(await searchParams));
  const { db } = await getRuntime();
  const results = q ? await searchPerimeters(db, kind === "custom" ? "commune" : kind, q, kind === "custom" ? 30 : 15) : [];
  const options = results.map((r) => ({ value: r.code, label: r.name, hint: `${r.detail} · ${formatNumber(r.population)} habitants` }));
  return (
    <div className="fr-col-lg-9">
      <h1>Ouvrir un territoire</h1>
      <p>Un territoire rassemble les acteurs d&apos;un périmètre réel. Vous en deviendrez la personne coordinatrice et pourrez inviter vos partenaires.</p>

      <h2 className="fr-h4">1. Choisir le périmètre</h2>
      <form method="get" action="/espace/nouveau" aria-label="Chercher un périmètre">
        <fieldset className="fr-fieldset" aria-labelledby="type-legend">
          <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id="type-legend">
            Type de périmètre
          </legend>
          {perimeterKinds.map((k) => (
            <div key={k} className="fr-fieldset__element">
              <div className="fr-radio-group">
                <input type="radio" id={`kind-${k}`} name="kind" value={k} defaultChecked={k === kind} />
                <label className="fr-label" htmlFor={`kind-${k}`}>
                  {perimeterKindLabels[k]}
                </label>
              </div>
            </div>
          ))}
        </fieldset>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="perimetre-q">
            Rechercher
            <span className="fr-hint-text">Nom (même partiel, accents facultatifs), code INSEE, numéro SIREN ou code postal. Exemple : cognac, 16015, 16100.</span>
          </label>
          <input className="fr-input" id="perimetre-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <button className="fr-btn fr-btn--secondary" type="submit">
          Chercher
        </button>
      </form>

      {q ? (
        <p className="fr-mt-2w" role="status">
          {results.length === 0 ? `Aucun résultat pour « ${q} ». Vérifiez l'orthographe ou essayez un code postal.` : `${countOf(results.length, "résultat", "résultats")} pour « ${q} ».`}
        </p>
      ) : null}

      <h2 className="fr-h4 fr-mt-4w">2. Nommer et créer le territoire</h2>
      <ActionForm action={createTerritoryAction} submitLabel="Créer le territoire">
        <Hidden name="kind" value={kind} />
        {kind !== "custom" ? (
          options.length > 0 ? (
            <RadioGroup name="code" legend={`${perimeterKindLabels[kind]} : choisissez dans les résultats`} options={options} />
          ) : (
            <PendingChoice name="code" label="Périmètre choisi">
              Cherchez d&apos;abord le périmètre à l&apos;étape 1 ci-dessus, puis choisissez-le dans les résultats.
            </PendingChoice>
          )
        ) : (
          <>
            {options.length > 0 ? <CheckboxGroup name="pick" legend="Communes trouvées à ajouter" options={options} /> : null}
            <CommuneField
              name="communes"
              label="Communes du bassin de vie"
              list
              hint="Noms, codes postaux ou codes INSEE, séparés par des virgules ou des retours à la ligne. Ex. : Ruffec, Verteuil-sur-Charente, Saint-Sulpice-de-Ruffec 16460. Un code postal seul ajoute toutes ses communes ; dans une liste de nombres, un code qui est aussi un code INSEE est lu comme code INSEE."
            />
          </>
        )}
        <Field name="name" label="Nom du territoire" hint={kind === "custom" ? "Exemple : Bassin de vie du Ruffécois" : "Facultatif : par défaut, le nom du périmètre choisi."} maxLength={120} />
        <Field name="slug" label="Adresse de la page publique" hint="Facultatif : lettres minuscules sans accent, chiffres et tirets ; par défaut tirée du nom. La page sera /territoires/<adresse>." maxLength={60} />
        <Field name="description" label="Présentation" hint="Facultatif : quelques lignes sur la démarche (2 000 caractères au plus)." textarea rows={3} />
      </ActionForm>
    </div>
  );
}

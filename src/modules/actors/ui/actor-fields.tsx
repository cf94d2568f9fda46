import { CommuneField, writtenCommune } from "@/ui/commune-field";
import { Field, RadioGroup } from "@/ui/form";
import type { ActorDetails } from "../queries";
import { actorStatuses, legalTypeLabels, statusLabels, worldLabels, type LegalType, type World } from "../validation";
import { legalTypes, worlds } from "../schema";
import { WorldsField } from "./worlds-field";

const legalTypeOptions = legalTypes.map((t: LegalType) => ({ value: t, label: legalTypeLabels[t] }));
const worldOptions = worlds.map((w: World) => ({ value: w, label: worldLabels[w] }));
export const statusOptions = actorStatuses.map((s) => ({
  value: s,
  label: statusLabels[s],
  hint: s === "engaged" ? "participe déjà à la démarche du territoire" : "à rencontrer et à associer à la démarche",
}));

/** The fields of the actor form, for creation (empty) and edition (the saved values). Inside an ActionForm. */
export function ActorFields({ actor }: { actor?: ActorDetails }) {
  return (
    <>
      <Field name="name" label="Nom de la structure" required maxLength={200} defaultValue={actor?.name} />
      {/* Radios, not SelectField: with JavaScript, React's reset of the form after an error would bring a select back to its first option. */}
      <RadioGroup name="legalType" legend="Forme juridique" options={legalTypeOptions} defaultValue={actor?.legalType} />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Field name="siret" label="SIRET (facultatif)" hint="14 chiffres, sur l'avis de situation SIRENE ou annuaire-entreprises.data.gouv.fr." inputMode="numeric" maxLength={20} defaultValue={actor?.siret ?? ""} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Field name="rna" label="Numéro RNA (associations, facultatif)" hint="W suivi de 9 chiffres ou lettres, ex. : W161000123." maxLength={12} defaultValue={actor?.rna ?? ""} />
        </div>
      </div>
      <WorldsField
        name="worlds"
        legend="Mondes auxquels la structure appartient"
        hint="Plusieurs choix possibles : le maillage croise le social, l'emploi, l'éducation, la culture… pas seulement le numérique."
        options={worldOptions}
        defaultValues={actor?.worlds ?? []}
      />
      {/* Communes as people write them, shown back by name (never a bare INSEE code). */}
      <CommuneField name="communeCode" label="Commune d'implantation" defaultValue={actor?.communeName ? writtenCommune(actor.communeName, actor.communePostcodes) : ""} />
      <CommuneField name="communes" label="Communes desservies (facultatif)" list defaultValue={actor?.served.map((c) => writtenCommune(c.name, c.postcodes)).join(", ") ?? ""} />
      <h3 className="fr-h6 fr-mt-3w">Contact public</h3>
      <p className="fr-text--sm">Ces informations sont visibles de toutes et tous et figurent dans les exports.</p>
      <Field name="publicEmail" label="Courriel public" type="email" maxLength={200} defaultValue={actor?.publicEmail ?? ""} />
      <Field name="publicPhone" label="Téléphone public" maxLength={25} defaultValue={actor?.publicPhone ?? ""} />
      <Field name="website" label="Site internet" hint="Ex. : https://www.exemple.fr" maxLength={300} defaultValue={actor?.website ?? ""} />
      <Field name="description" label="Présentation (facultatif)" textarea rows={4} maxLength={2000} defaultValue={actor?.description ?? ""} />
    </>
  );
}

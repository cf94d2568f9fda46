"use client";

import { uploadForMappingAction } from "@/modules/places/actions";
import { formatNumber } from "@/platform/text";
import { PRODUCER_FILE, TABLE_LIMITS, FILE_PENDING_NOTE } from "@/platform/files/limits";
import { MAPPING_FILE_MAX_BYTES } from "../validation";
import { ActionForm, FileField, Hidden, SelectField } from "@/ui/form";

/** Step 1: the producer's file, and optionally a mapping saved from a previous file. */
export function UploadForm({ territory, saved }: { territory: string; saved: { id: string; name: string }[] }) {
  return (
    <ActionForm action={uploadForMappingAction} submitLabel="Lire le fichier" pendingNote={FILE_PENDING_NOTE}>
      <Hidden name="territory" value={territory} />
      <FileField
        name="file"
        label="Fichier du producteur"
        hint={`Tableur XLSX (première feuille remplie, ligne d'en-tête en haut), CSV (virgule, point-virgule ou tabulation ; UTF-8 ou Windows-1252) ou JSON (liste d'objets). ${PRODUCER_FILE.limitLabel}, ${formatNumber(TABLE_LIMITS.rows)} lignes et ${TABLE_LIMITS.columns} colonnes au plus. Rien n'est importé à cette étape.`}
        maxBytes={PRODUCER_FILE.maxBytes}
        limitLabel={PRODUCER_FILE.limitLabel}
        accept={PRODUCER_FILE.accept}
      />
      <FileField
        name="correspondance_fichier"
        label="Fichier de correspondance (facultatif)"
        hint="Une correspondance au format JSON de Maillage, téléchargée depuis un autre territoire ou écrite à la main (format décrit dans le guide). Elle est enregistrée sous son nom dans ce territoire puis appliquée."
        maxBytes={MAPPING_FILE_MAX_BYTES}
        limitLabel="1 Mo"
        accept=".json,application/json"
      />
      {saved.length > 0 ? (
        <SelectField
          name="correspondance"
          label="Correspondance à utiliser"
          hint="Une correspondance enregistrée lors d'un import précédent, ou des suggestions tirées du fichier."
          options={[{ value: "", label: "Suggestions automatiques" }, ...saved.map((m) => ({ value: m.id, label: m.name }))]}
        />
      ) : null}
    </ActionForm>
  );
}

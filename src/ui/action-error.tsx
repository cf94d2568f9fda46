import { errorCatalog, type ErrorId } from "@/platform/errors";

const UNEXPECTED = "Une erreur inattendue s'est produite : rien n'a été modifié. Réessayez dans un instant.";

/** The message of a plain form's error (runPlainAction's `?erreur=<id>`), from the catalogue only. */
export function actionErrorMessage(code: string | string[] | undefined): string | undefined {
  const id = Array.isArray(code) ? code[0] : code;
  if (!id) return undefined;
  if (id === "inattendue") return UNEXPECTED;
  return Object.hasOwn(errorCatalog, id) ? errorCatalog[id as ErrorId].message : undefined;
}

/** Shown at the top of a page whose plain form failed (works without JavaScript). */
export function ActionErrorNotice({ code }: { code: string | string[] | undefined }) {
  const message = actionErrorMessage(code);
  if (!message) return null;
  return (
    <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
      <p>{message}</p>
    </div>
  );
}

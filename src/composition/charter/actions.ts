"use server";

import { formToObject } from "@/platform/validation";
import { territoryPlainAction } from "@/modules/territories";
import { submitVersion } from "@/modules/charter";
import { composeCharterContent } from "./canonical";

/**
 * « Soumettre à signature »: the charter module's command freezes the version with the canonical content composed
 * here from several modules (diagnostic, strategy, plan, governance), hence in the composition layer (decision 026).
 */
export async function submitCharterAction(form: FormData): Promise<void> {
  const slug = String(form.get("territory") ?? "");
  await territoryPlainAction(form, `/espace/${slug}/charte#soumettre`, async ({ db, principal, territory }) => {
    await submitVersion(db, principal, territory, String(form.get("version") ?? ""), formToObject(form), (tx, t, versionId) => composeCharterContent(tx, { ...t, name: territory.name }, versionId));
    return { redirect: `/espace/${territory.slug}/charte?soumise=1` };
  });
}

"use server";

import type { ActionState } from "@/platform/web/action";
import { territoryAction } from "@/modules/territories";
import { formToObject } from "@/platform/validation";
import { publishReport } from "./report";

/** Publishes a new version of the état des lieux (a document of many modules, hence here and not in one module). */
export async function publishReportAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    const { version } = await publishReport(db, principal, territory, formToObject(form));
    return { redirect: `/espace/${territory.slug}/diagnostic/etat-des-lieux?version=${version}&publie=${version}` };
  });
}

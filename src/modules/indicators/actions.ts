"use server";

import { AppError } from "@/platform/errors";
import { formToObject } from "@/platform/validation";
import type { ActionState } from "@/platform/web/action";
import { territoryAction, territoryPlainAction } from "@/modules/territories";
import * as indicators from "@/modules/indicators/commands";

// Thin: read the form, call the module's command (which applies the policy), say what happened.
// Creating and editing an indicator live in src/composition/evaluation/actions.ts: they check the computed catalogue.

const sheet = (slug: string, id: string) => `/espace/${slug}/evaluation/indicateurs/${id}`;
const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function addMeasurementAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await indicators.addMeasurement(db, principal, territory, field(form, "indicator"), formToObject(form));
    return { redirect: `${sheet(territory.slug, field(form, "indicator"))}?ajoute=mesure#mesures` };
  });
}

export async function setTargetAction(_: ActionState, form: FormData): Promise<ActionState> {
  return territoryAction(form, async ({ db, principal, territory }) => {
    await indicators.setTarget(db, principal, territory, field(form, "indicator"), formToObject(form));
    return { redirect: `${sheet(territory.slug, field(form, "indicator"))}?ajoute=cible#cibles` };
  });
}

/** One button per row (a measurement or a target), and the indicator itself: `op` says which. */
export async function deleteIndicatorRowAction(form: FormData): Promise<void> {
  const slug = field(form, "territory");
  const id = field(form, "indicator");
  return territoryPlainAction(form, sheet(slug, id), async ({ db, principal, territory }) => {
    const op = field(form, "op");
    if (op === "measurement") await indicators.deleteMeasurement(db, principal, territory, id, field(form, "row"));
    else if (op === "target") await indicators.deleteTarget(db, principal, territory, id, field(form, "row"));
    else if (op === "indicator") {
      await indicators.deleteIndicator(db, principal, territory, id);
      return { redirect: `/espace/${territory.slug}/evaluation?supprime=indicateur` };
    } else throw new AppError("not_found");
    return { redirect: `${sheet(territory.slug, id)}?supprime=${op === "target" ? "cible" : "mesure"}` };
  });
}

import type { Executor } from "@/platform/db/client";
import { territoryPortrait } from "@/modules/diagnostic";
import { listIndicators } from "@/modules/indicators";

export type PickerOption = { value: string; label: string };

/**
 * What the action sheet's picker offers: the diagnostic's indicators (built-in, then the territory's imported
 * ones: their keys are what the plan already stores) and the evaluation's indicators (`evaluation:<id>`),
 * those already linked to the action left out.
 */
export async function actionIndicatorChoices(db: Executor, territoryId: string, linkedKeys: readonly (string | null)[]): Promise<PickerOption[]> {
  const linked = new Set(linkedKeys.filter(Boolean));
  const portrait = await territoryPortrait(db, territoryId);
  const evaluation = await listIndicators(db, territoryId);
  return [
    ...evaluation.map((i) => ({ value: `evaluation:${i.id}`, label: `Évaluation : ${i.name}` })),
    ...portrait.indicators.map((i) => ({ value: i.id, label: `Diagnostic : ${i.label}` })),
  ].filter((o) => !linked.has(o.value));
}

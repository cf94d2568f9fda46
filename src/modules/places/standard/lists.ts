/**
 * List fields with an enumeration, in both versions: v1 values are matched (tolerantly, see
 * vocabulary.ts); v0.1 values are translated with the tables of legacy.ts, possibly into another
 * field; anything else is dropped with a warning that lists the possible values.
 */
import type { Context } from "./context";
import { legacyValueFields, type LegacyTarget } from "./legacy";
import { enumValues, legacyEnumValues, type EnumFieldName } from "./schema";
import { quote } from "./values";
import { matchCurrent, matchKey, matchLegacy, possibleValues, splitList, valueNouns } from "./vocabulary";

export type VersionSignals = { legacy: boolean; current: boolean };

/** Values collected for each list field, from v1 fields and from v0.1 fields that translate into them. */
export class Bag {
  private readonly values = new Map<string, string[]>();
  add(field: string, value: string): void {
    const list = this.values.get(field) ?? [];
    if (!list.includes(value)) list.push(value);
    this.values.set(field, list);
  }
  get(field: string): string[] | undefined {
    return this.values.get(field);
  }
}

function addTargets(ctx: Context, source: string, input: string, targets: LegacyTarget[], bag: Bag): void {
  for (const t of targets) {
    bag.add(t.field, t.value);
    if (t.note) ctx.warn(source, `La valeur ${quote(input)} de « ${source} » a été reportée en ${quote(t.value)} dans « ${t.field} » : ${t.note}.`);
  }
}

function refuse(ctx: Context, field: EnumFieldName | (typeof legacyValueFields)[number], input: string, values: readonly string[]): void {
  ctx.warn(field, `La valeur ${quote(input)} n'est pas ${valueNouns[field]} ; elle est ignorée. Valeurs possibles : ${possibleValues(values)}.`);
}

/** A v1 list field; services and modalites_accompagnement also accept their v0.1 vocabulary. */
export function readEnumList(ctx: Context, field: EnumFieldName, text: string, bag: Bag, signals: VersionSignals): void {
  for (const item of splitList(text)) {
    const current = matchCurrent(field, item);
    if (current) {
      signals.current = true;
      bag.add(field, current.value);
      if (!current.exact) ctx.warn(field, `La valeur ${quote(item)} a été lue comme ${quote(current.value)}.`);
      continue;
    }
    const legacy = field === "services" || field === "modalites_accompagnement" ? matchLegacy(field, item) : null;
    if (legacy) {
      signals.legacy = true;
      addTargets(ctx, field, item, legacy.targets, bag);
    } else refuse(ctx, field, item, enumValues(field));
  }
}

/** primary v1 field of each v0.1 list field: v1 values found in a v0.1 column are kept too (mixed files). */
export const legacyPrimary = {
  labels_nationaux: ["dispositif_programmes_nationaux", "formations_labels"],
  conditions_acces: ["frais_a_charge"],
  publics_accueillis: ["publics_specifiquement_adresses", "prise_en_charge_specifique"],
} as const satisfies Record<(typeof legacyValueFields)[number], readonly EnumFieldName[]>;

export function readLegacyList(ctx: Context, field: (typeof legacyValueFields)[number], text: string, bag: Bag): void {
  const items = splitList(text);
  const everyone = field === "publics_accueillis" && items.some((i) => matchKey(i) === matchKey("Adultes"));
  const notKept: string[] = [];
  for (const item of items) {
    const legacy = matchLegacy(field, item);
    if (legacy) {
      const kept = legacy.targets.filter((t) => !(everyone && "generalPublic" in t && t.generalPublic));
      if (kept.length < legacy.targets.length) notKept.push(item);
      addTargets(ctx, field, item, kept, bag);
      continue;
    }
    const current = legacyPrimary[field].map((f) => [f, matchCurrent(f, item)] as const).find(([, m]) => m !== null);
    if (current?.[1]) bag.add(current[0], current[1].value);
    else refuse(ctx, field, item, legacyEnumValues(field));
  }
  if (notKept.length > 0) {
    ctx.warn(
      field,
      `« Adultes » figure dans « publics_accueillis » : le lieu accueille tout public. ${notKept.length > 1 ? "Les valeurs" : "La valeur"} ` +
        `${notKept.map(quote).join(", ")} ${notKept.length > 1 ? "ne sont donc pas reportées" : "n'est donc pas reportée"} dans ` +
        `« publics_specifiquement_adresses », réservé en version 1.0.2 aux publics spécifiquement adressés.`,
    );
  }
}


import { Field } from "@/ui/form";

/**
 * Every commune field of the forms, written once: people write a commune by its name, its name and
 * postcode, its postcode or its INSEE code, and the server resolves it with one shared resolver
 * (resolveCommunesAsWritten in the territories module). The hint says so in the same words everywhere.
 */
export function CommuneField(props: { name: string; label: string; hint?: string; list?: boolean; defaultValue?: string; required?: boolean }) {
  const hint =
    props.hint ??
    (props.list
      ? "Noms, codes postaux ou codes INSEE, séparés par des virgules ou des retours à la ligne. Ex. : Angoulême, Soyaux 16800, 16015. Un code postal seul ajoute toutes ses communes."
      : "Son nom, avec son code postal si plusieurs communes portent ce nom. Ex. : Angoulême, Saint-Simon 16120 ou 16000.");
  return props.list ? (
    <Field name={props.name} label={props.label} hint={hint} textarea rows={3} defaultValue={props.defaultValue ?? ""} required={props.required} />
  ) : (
    <Field name={props.name} label={props.label} hint={hint} maxLength={120} autoComplete="off" defaultValue={props.defaultValue ?? ""} required={props.required} />
  );
}

/** A saved commune written back the way the field reads it without ambiguity: "Saint-Simon 16120". */
export function writtenCommune(name: string, postcodes: string | readonly string[] | null | undefined): string {
  const first = (typeof postcodes === "string" ? postcodes.split(" ") : (postcodes ?? []))[0];
  return first ? `${name} ${first}` : name;
}

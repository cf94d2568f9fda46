/** Plain-French wording of the results: distances, phone numbers, "près d'Angoulême". */

const NBSP = "\u00a0";
const oneDecimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "à 3,2 km"; under 100 m the decimal would read "0,0 km", which nobody says. */
export function formatDistance(km: number): string {
  return km < 0.1 ? `à moins de 100${NBSP}m` : `à ${oneDecimal.format(km)}${NBSP}km`;
}

// Phone wording is shared by every page that shows a number: it lives in the platform.
export { formatPhone, telHref } from "@/platform/text";

/** "près d'Angoulême", "près de Cognac", "près du Havre", "près des Mureaux". */
export function nearName(name: string): string {
  if (/^Le /.test(name)) return `près du ${name.slice(3)}`;
  if (/^Les /.test(name)) return `près des ${name.slice(4)}`;
  // Before an h, elision depends on the word (d'Hyères, de Honfleur): "de" is never wrong enough to mislead.
  if (/^[AEIOUYÂÀÉÈÊÎÏÔÛ]/i.test(name)) return `près d’${name}`;
  return `près de ${name}`;
}

/** The one wording for hours nobody can read to a person: missing, or written so that they cannot be understood. */
export const UNKNOWN_HOURS = "Horaires non renseignés";

/** The result's hours line: the place's status ("Ouvert jusqu’à 17 h 30"…) when its hours are understood, else UNKNOWN_HOURS. */
export function hoursLine(status: string | null, understood: boolean): string {
  return understood && status ? status : UNKNOWN_HOURS;
}

type Reach = { contact: { phone?: string; emails: readonly string[]; websites: readonly string[]; appointment?: string }; address: { street: string } };

/** "Go on site" is advice only when it is the sole way: no phone, no e-mail, no website, no online booking, but an address. */
export function onSiteOnly(p: Reach): boolean {
  const c = p.contact;
  return !c.phone && c.emails.length === 0 && c.websites.length === 0 && !c.appointment && p.address.street.trim() !== "";
}

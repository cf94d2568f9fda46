/**
 * Web addresses as producers write them: often without a scheme (`abracodabra.fr`,
 * `www.mairie.fr/numerique`). A bare text is taken for an address only when it has a domain's
 * shape — labels, then a top-level domain of letters — so that `www.aucun`, `non` or `-` are refused
 * rather than published as links.
 */
import { quote, type Checked } from "../../standard/values";

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const tld = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** A host name with a real top-level domain shape; `www.` alone in front does not make a domain. */
export function isDomain(host: string): boolean {
  const labels = host.toLowerCase().replace(/\.$/, "").split(".");
  const meaningful = labels[0] === "www" ? labels.slice(1) : labels;
  if (meaningful.length < 2) return false;
  const last = meaningful.at(-1) ?? "";
  return tld.test(last) && meaningful.every((l) => label.test(l));
}

const bareDomain = /^[a-z0-9][a-z0-9.-]*\.[a-z][a-z0-9-]*\.?(?::\d+)?(?:[/?#].*)?$/i;

/** The address with its scheme, a note when it was completed, or why it is refused. */
export function normalizeUrl(raw: string): Checked<string> {
  const text = raw.trim().replace(/^<(.*)>$/, "$1").replace(/[.,;]+$/, "");
  const refused = (why: string): Checked<string> => ({ ok: false, message: `L'adresse web ${quote(raw)} ${why} : elle est ignorée.` });
  if (text === "" || /\s/.test(text)) return refused("n'est pas valide (une adresse sans espace comme https://exemple.fr est attendue)");
  let value: string;
  if (/^https?:\/\//i.test(text)) value = text.replace(/^https?/i, (scheme) => scheme.toLowerCase());
  else if (/^\/\//.test(text)) value = `https:${text}`;
  else if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]*:\d/.test(text)) return refused("n'est pas une adresse http(s)");
  else if (text.includes("@")) return refused("ressemble à une adresse électronique, pas à une adresse web");
  else if (bareDomain.test(text)) value = `https://${text}`;
  else return refused("n'est pas valide (un nom de domaine comme exemple.fr est attendu)");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refused("n'est pas valide");
  }
  if (!isDomain(url.hostname)) return refused("n'est pas valide (un nom de domaine comme exemple.fr est attendu)");
  return value === raw.trim() ? { ok: true, value } : { ok: true, value, note: `L'adresse web ${quote(raw)} a été complétée en ${quote(value)}.` };
}

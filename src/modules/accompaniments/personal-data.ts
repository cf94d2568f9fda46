/**
 * The personal-data guard of accompaniment records (decision 028): a free-text field (a workshop's title)
 * must never carry who was accompanied. It recognises what a mediator would type about a person:
 *   - an e-mail address;
 *   - a French phone number (0X XX XX XX XX, +33 X…, 0033 X…, with spaces, dots or dashes);
 *   - a civility followed by a capitalised word (« M. Dupont », « Mme Martin », « Madame Leroy »);
 *   - a common first name followed by a capitalised word (« Jean Dupont », « Fatima Benali »).
 * Limits (written in the ADR): a rare first name (« Ysolde Martin ») passes; a title naming a place or
 * a programme after a person (« Atelier Victor Hugo ») is refused and must be rephrased. The guard is a
 * reminder that catches the usual slips, not a proof that the text is anonymous.
 */

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/u;
/** A French number: ten digits starting 0[1-9], or +33 / 0033 then nine digits, separators allowed. */
const PHONE = /(?:^|[^\d])(?:(?:\+|00)33[\s.-]?(?:\(0\))?[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)/;
const CAPITALISED = "[A-ZÀ-ÖØ-Þ][\\p{L}'’-]+";
const CIVILITY = new RegExp(`(?:^|[^\\p{L}])(?:M\\.|Mr\\.?|MM\\.|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle)\\s+${CAPITALISED}`, "u");

/**
 * Frequent first names in France (INSEE's most given names across generations, and names common among the
 * people mediators meet), lower-case without accents. Enough to catch the usual slip; never complete.
 */
const FIRST_NAMES = new Set(
  (
    "jean marie pierre michel andre philippe alain jacques bernard louis claude francois daniel patrick nicolas christophe " +
    "christian rene stephane david eric frederic laurent olivier pascal thierry julien sebastien gerard dominique joseph " +
    "paul marcel henri robert roger georges maurice raymond lucien guy yves serge didier franck bruno thomas alexandre " +
    "antoine maxime kevin romain guillaume anthony hugo lucas enzo mathis nathan leo jules gabriel raphael arthur adam " +
    "mohamed mohammed ahmed ali karim samir rachid mehdi youssef omar moussa mamadou ibrahim " +
    "jeanne francoise monique catherine nathalie isabelle sylvie anne martine christine jacqueline nicole sophie sandrine " +
    "valerie veronique celine stephanie christiane suzanne helene chantal brigitte josiane annie danielle simone colette " +
    "denise yvette madeleine odette paulette ginette germaine laura julie camille lea manon emma chloe ines sarah clara " +
    "lina jade louise alice lucie marion aurelie emilie elodie audrey melanie caroline virginie fatima aicha khadija " +
    "leila nadia samia yasmine amina malika"
  ).split(" "),
);

const WORD = /[\p{L}'’-]+/gu;
const IS_CAPITALISED = new RegExp(`^${CAPITALISED}$`, "u");

function plain(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A French explanation when `text` looks like it names or reaches a person; undefined otherwise. */
export function personalDataIn(text: string): string | undefined {
  if (EMAIL.test(text)) return "Ce texte contient une adresse électronique : n'écrivez aucune donnée personnelle (ni nom, ni contact). Décrivez le sujet de l'atelier.";
  if (PHONE.test(text)) return "Ce texte contient un numéro de téléphone : n'écrivez aucune donnée personnelle (ni nom, ni contact). Décrivez le sujet de l'atelier.";
  if (CIVILITY.test(text)) return "Ce texte semble nommer une personne (« M. », « Mme »…) : n'écrivez aucun nom. Décrivez le sujet de l'atelier.";
  // Consecutive words (overlapping pairs: « Atelier Jean Dupont » is checked as « Jean Dupont » too).
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], end: (m.index ?? 0) + m[0].length, start: m.index ?? 0 }));
  for (const [i, a] of words.entries()) {
    const b = words[i + 1];
    if (!b) break;
    if (!/^\s+$/.test(text.slice(a.end, b.start))) continue;
    if (!IS_CAPITALISED.test(a.word) || !IS_CAPITALISED.test(b.word)) continue;
    const first = plain(a.word).split(/[-'’]/)[0] ?? "";
    if (FIRST_NAMES.has(first)) return `Ce texte semble nommer une personne (« ${a.word} ${b.word} ») : n'écrivez aucun nom. Décrivez le sujet de l'atelier.`;
  }
  return undefined;
}

import { sha256Hex } from "./hash";

export type ConsentFacts = {
  signatoryName: string;
  signatoryTitle: string;
  partnerName: string;
  charterTitle: string;
  charterKind: "charte" | "contrat";
  versionNumber: number;
  contentSha256: string;
};

/**
 * The exact words the signatory consents to, shown on the consent screen and hashed into the journal. They
 * name the person, the partner, the version and its hash, so that the consent is tied to one text only.
 * Changing this wording changes the hash of later consents only: each entry keeps the words it was given.
 */
export function consentText(f: ConsentFacts): string {
  const doc = f.charterKind === "contrat" ? "du contrat territorial" : "de la charte";
  const who = f.signatoryTitle ? `${f.signatoryName}, ${f.signatoryTitle}` : f.signatoryName;
  return (
    `Je soussigné·e ${who}, agissant au nom de ${f.partnerName}, déclare avoir lu la version ${f.versionNumber} ${doc} « ${f.charterTitle} », ` +
    `dont l'empreinte SHA-256 est ${f.contentSha256}. En signant, j'approuve ce texte et j'engage ${f.partnerName} à tenir les engagements qui y figurent. ` +
    `Je sais que mon identité, la date et l'heure de ma signature et ces empreintes sont inscrites dans le journal des signatures de Maillage, qui ne peut plus être modifié.`
  );
}

export const consentSha256 = (f: ConsentFacts) => sha256Hex(consentText(f));

import { describe, expect, it } from "vitest";
import { normalizeRecord, validateFile, type RecordResult } from "./normalize";

const base = {
  id: "lieu-1",
  pivot: "43493312300029",
  nom: "Médiathèque",
  commune: "Reims",
  code_postal: "51100",
  adresse: "12 rue de Leclercq",
  date_maj: "2024-04-02",
};

function one(fields: Record<string, unknown>): RecordResult {
  return normalizeRecord({ line: 2, fields: new Map(Object.entries(fields)), extraCells: 0, notAnObject: false });
}
const messages = (r: RecordResult) => r.issues.map((i) => `${i.level} ${i.field}: ${i.message}`);

describe("required fields and status", () => {
  it("accepts a minimal valid place without any issue", () => {
    expect(one(base)).toMatchObject({ status: "accepted", issues: [], record: base, version: "1.0" });
  });

  it("rejects a place whose required field is missing or blank, naming the field", () => {
    const r = one({ ...base, nom: "   ", code_postal: undefined, commune: "Saint-Denis" }); // several Saint-Denis: no postcode to derive
    expect(r.status).toBe("rejected");
    expect(r.record).toBeUndefined();
    expect(messages(r)).toEqual([
      "error nom: Le champ obligatoire « nom » (Nom) est absent ou vide.",
      "error code_postal: Le champ obligatoire « code_postal » (Code postal) est absent ou vide.",
    ]);
  });

  it("rejects an invalid postcode, pivot or date, but repairs a postcode that lost its leading zero", () => {
    expect(one({ ...base, code_postal: "5110" })).toMatchObject({ status: "warned", record: { code_postal: "05110" } });
    expect(one({ ...base, code_postal: "51 100 Reims", commune: "Saint-Denis" }).status).toBe("rejected");
    // With a commune that has one postcode, the unreadable one is replaced, and said.
    expect(one({ ...base, code_postal: "51 100 Reims" })).toMatchObject({ status: "warned", record: { code_postal: "51100" } });
    expect(one({ ...base, code_postal: "51 100 Reims" }).issues[0]?.message).toBe("Le code postal « 51 100 Reims » n'est pas lisible : celui de la commune Reims (51454) a été retenu, « 51100 ».");
    expect(one({ ...base, pivot: "123" }).status).toBe("rejected");
    expect(one({ ...base, date_maj: "2024-02-30" }).status).toBe("rejected");
    expect(one({ ...base, date_maj: "02/04/2024" })).toMatchObject({ status: "warned", record: { date_maj: "2024-04-02" } });
  });

  it("tolerates the placeholder pivot 00000000000000: value dropped, flagged for the file's one summary line", () => {
    const r = one({ ...base, pivot: "00000000000000" });
    expect(r).toMatchObject({ status: "accepted", issues: [], placeholderPivot: true });
    expect(r.record?.pivot).toBeUndefined();
    const csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\na,00000000000000,A,Reims,51100,r,2024-01-01\nb,12345678901234,B,Reims,51100,r,2024-01-01\n";
    const report = validateFile(new TextEncoder().encode(csv), "a.csv");
    expect(report.issues).toEqual([
      {
        line: 0,
        id: "",
        field: "pivot",
        level: "warning",
        message:
          "Un lieu sur 2 a le pivot de remplacement « 00000000000000 » au lieu d'un SIRET ou d'un numéro RNA (ligne 2) : il est laissé vide. Renseignez le SIRET (14 chiffres) ou le numéro RNA, dans le fichier ou comme valeur fixe de la correspondance.",
      },
    ]);
  });

  it("rejects a second place with the same id in a file", () => {
    const csv = "id,pivot,nom,commune,code_postal,adresse,date_maj\na,12345678901234,A,X,51100,r,2024-01-01\na,12345678901234,B,X,51100,r,2024-01-01\n";
    const report = validateFile(new TextEncoder().encode(csv), "a.csv");
    expect(report).toMatchObject({ records: 2, accepted: 1, rejected: 1 });
    expect(report.results[1]?.issues[0]?.message).toBe("L'identifiant « a » est déjà utilisé par le lieu de la ligne 2 : il doit être unique.");
  });
});

describe("enumerations", () => {
  it("drops a value outside the enumeration with a precise French warning listing the possible values", () => {
    const r = one({ ...base, services: "Aide aux démarches administratives|XYZ" });
    expect(r.status).toBe("warned");
    expect(r.record?.services).toEqual(["Aide aux démarches administratives"]);
    expect(r.issues[0]?.message).toMatch(/^La valeur « XYZ » n'est pas un service reconnu ; elle est ignorée\. Valeurs possibles : « Aide aux démarches administratives », « Maîtrise des outils numériques du quotidien », .*« Acquisition de matériel informatique à prix solidaire »\.$/);
  });

  it("accepts ';' as well as '|' between values, and removes duplicates", () => {
    const r = one({ ...base, frais_a_charge: "Gratuit;Payant|Gratuit" });
    expect(r).toMatchObject({ status: "accepted", record: { frais_a_charge: ["Gratuit", "Payant"] } });
  });

  it("reads a value with other case or accents, and says so", () => {
    const r = one({ ...base, dispositif_programmes_nationaux: "france services|CONSEILLERS NUMERIQUES" });
    expect(r.record?.dispositif_programmes_nationaux).toEqual(["France Services", "Conseillers numériques"]);
    expect(messages(r)).toContain("warning dispositif_programmes_nationaux: La valeur « france services » a été lue comme « France Services ».");
  });

  it("accepts « Étapes numériques » with and without the space, and keeps the regex's spelling, silently", () => {
    for (const written of ["Étapes numériques (La Poste)", "Étapes numériques(La Poste)"]) {
      expect(one({ ...base, formations_labels: written })).toMatchObject({
        status: "accepted",
        record: { formations_labels: ["Étapes numériques(La Poste)"] },
      });
    }
  });
});

describe("v0.1 data", () => {
  it("renames v0.1 fields and translates their values (official v0.1 example values)", () => {
    const r = one({
      ...base,
      courriel: "contact@laquincaillerie.tl",
      accessibilite: "https://acceslibre.beta.gouv.fr/app/x/",
      labels_nationaux: "France Services;CNFS;Point relais CAF",
      conditions_acces: "Gratuit : Je peux accéder gratuitement au lieu et à ses services",
      services: "Prendre en main un ordinateur;Accéder à du matériel",
      modalites_accompagnement: "Seul : j'ai accès à du matériel et une connexion;Avec de l'aide",
    });
    expect(r).toMatchObject({ status: "accepted", version: "0.1" });
    expect(r.record).toMatchObject({
      courriels: ["contact@laquincaillerie.tl"],
      fiche_acces_libre: "https://acceslibre.beta.gouv.fr/app/x/",
      dispositif_programmes_nationaux: ["France Services", "Conseillers numériques", "Point d'accès numérique CAF"],
      frais_a_charge: ["Gratuit"],
      services: ["Maîtrise des outils numériques du quotidien", "Accès internet et matériel informatique"],
      modalites_accompagnement: ["En autonomie", "Accompagnement individuel"],
    });
  });

  it("keeps v0.1 labels without a v1 value in autres_formations_labels, with a warning", () => {
    const r = one({ ...base, labels_nationaux: "APTIC;Fabriques de Territoire", labels_autres: "SudLabs;Nièvre médiation numérique" });
    expect(r.record).toMatchObject({ formations_labels: ["Fabriques de Territoire"], autres_formations_labels: "SudLabs|Nièvre médiation numérique|APTIC" });
    expect(messages(r)).toEqual([
      "warning labels_nationaux: La valeur « APTIC » de « labels_nationaux » a été reportée en « APTIC » dans « autres_formations_labels » : APTIC n'est plus un dispositif national de la version 1.0.2.",
    ]);
  });

  it("reads « Adultes » in publics_accueillis as « tout public »: general publics are not *specifically* addressed", () => {
    const everyone = one({ ...base, publics_accueillis: "Adultes;Jeunes (16-26 ans);Surdité" });
    expect(everyone.record?.publics_specifiquement_adresses).toBeUndefined();
    expect(everyone.record?.prise_en_charge_specifique).toEqual(["Surdité"]);
    expect(everyone.issues[0]?.message).toContain("La valeur « Jeunes (16-26 ans) » n'est donc pas reportée");
    const youth = one({ ...base, publics_accueillis: "Jeunes (16-26 ans);Uniquement femmes" });
    expect(youth).toMatchObject({ status: "accepted", record: { publics_specifiquement_adresses: ["Jeunes", "Femmes"] } });
  });

  it("drops cle_ban with a warning, and detects a record mixing both versions", () => {
    const r = one({ ...base, cle_ban: "13001_3079_00001", frais_a_charge: "Gratuit" });
    expect(r.version).toBe("mixte");
    expect(messages(r)).toEqual(["warning cle_ban: Le champ « cle_ban » (version 0.1) n'existe plus en version 1.0.2 : sa valeur « 13001_3079_00001 » est ignorée."]);
  });

  it("moves an over-long v0.1 résumé (500 characters then, 280 now) to the detail", () => {
    const long = `${"Un lieu accueillant et ouvert à tous. ".repeat(12)}Fin.`;
    const r = one({ ...base, presentation_resume: long });
    expect(Array.from(r.record?.presentation_resume ?? "").length).toBeLessThanOrEqual(280);
    expect(r.record?.presentation_resume).toMatch(/…$/);
    expect(r.record?.presentation_detail).toBe(long.trim());
  });
});

describe("formats", () => {
  it("writes French phone numbers in the international form of the schema", () => {
    expect(one({ ...base, telephone: "03 26 12 34 56" }).record?.telephone).toBe("+33326123456");
    expect(one({ ...base, telephone: "0590 12 34 56" }).record?.telephone).toBe("+590590123456");
    expect(one({ ...base, code_postal: "98800", telephone: "44 57 28" }).record?.telephone).toBe("+687445728");
    const bad = one({ ...base, telephone: "appeler la mairie" });
    expect(bad).toMatchObject({ status: "warned" });
    expect(bad.record?.telephone).toBeUndefined();
  });

  it("keeps valid emails and http(s) links, drops the others with a warning", () => {
    const r = one({ ...base, courriels: "a@b.fr; pas-un-courriel ;=cmd@x.fr", site_web: "www.exemple.fr|javascript:alert(1)", prise_rdv: "https://rdv.fr/x" });
    expect(r.record).toMatchObject({ courriels: ["a@b.fr"], site_web: ["https://www.exemple.fr"], prise_rdv: "https://rdv.fr/x" });
    // One warning for the e-mail cell, whatever the number of words refused in it.
    expect(r.issues.map((i) => i.field)).toEqual(["courriels", "site_web", "site_web"]);
    expect(r.issues[0]?.message).toBe("Dans la cellule « a@b.fr; pas-un-courriel ;=cmd@x.fr » du champ « courriels », 2 éléments ne sont pas valides (« pas-un-courriel =cmd@x.fr ») : seul « a@b.fr » est gardé.");
  });

  it("splits v0.1.0's comma-separated URLs but not a comma inside a URL", () => {
    expect(one({ ...base, site_web: "https://a.fr/,https://b.fr/x,y" }).record?.site_web).toEqual(["https://a.fr/", "https://b.fr/x,y"]);
  });

  it("reads coordinates as numbers, with a decimal comma, and refuses out-of-range ones", () => {
    expect(one({ ...base, latitude: "45,68", longitude: -0.33 }).record).toMatchObject({ latitude: 45.68, longitude: -0.33 });
    const r = one({ ...base, latitude: 145, longitude: "abc" });
    expect(r.record?.latitude).toBeUndefined();
    expect(r.issues.map((i) => i.field)).toEqual(["latitude", "longitude"]);
  });

  it("rewrites near-OSM opening hours in OSM syntax, keeps unreadable ones as written, warning both times", () => {
    expect(one({ ...base, horaires: "Mo-Fr 09:00-12:00; PH off" })).toMatchObject({ status: "accepted" });
    expect(one({ ...base, horaires: "Lundi 9h-12h" })).toMatchObject({ status: "warned", record: { horaires: "Mo 09:00-12:00" } });
    expect(one({ ...base, horaires: "Sa 17:00" })).toMatchObject({ status: "warned", record: { horaires: "Sa 17:00" } });
  });

  it("warns about the Unix epoch as an update date", () => {
    expect(one({ ...base, date_maj: "1970-01-01" }).issues[0]?.message).toContain("date zéro");
  });
});

describe("whole files", () => {
  it("reads column names written by people (case, accents, spaces) and reports unknown columns once", () => {
    const csv = "ID;Pivot;Nom;Commune;Code postal;Adresse;Date MAJ;Couleur\na;12345678901234;A;X;51100;r;2024-01-01;bleu\nb;12345678901234;B;X;51100;r;2024-01-01;vert\n";
    const report = validateFile(new TextEncoder().encode(csv), "a.csv");
    expect(report).toMatchObject({ records: 2, accepted: 2, warned: 0, rejected: 0 });
    expect(report.issues).toEqual([
      { line: 0, id: "", field: "", level: "warning", message: "Le champ « Couleur » ne fait pas partie du standard (ni v1.0.2, ni v0.1) : il est ignoré." },
    ]);
  });

  it("undoes the export's formula neutralisation on free text only", () => {
    expect(one({ ...base, nom: "'=Salle 1" }).record?.nom).toBe("=Salle 1");
    expect(one({ ...base, nom: "'Salle' 1" }).record?.nom).toBe("'Salle' 1");
  });
});

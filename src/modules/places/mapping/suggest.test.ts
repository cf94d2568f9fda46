import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { FieldName } from "../standard/schema";
import { readProducerFile, type ProducerTable } from "./read";
import { examples, suggestMapping, type Suggestions } from "./suggest";

const RAW = "../shared/data/standard-mediation-numerique/raw-sources-mednum-cli";

async function rawTable(name: string): Promise<ProducerTable> {
  const result = await readProducerFile(new Uint8Array(fs.readFileSync(`${RAW}/${name}`)), name);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

function tableOf(columns: string[], rows: string[][]): ProducerTable {
  return { format: "csv", columns, rows: rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ""]))), lines: rows.map((_, i) => i + 2), skipped: 0 };
}

const columnsOf = (s: Suggestions) => Object.fromEntries(Object.entries(s).map(([f, v]) => [f, v.column])) as Partial<Record<FieldName, string>>;

describe("suggestions on the three raw exports (checked by reading the files)", () => {
  it("Angers: USER_NOM, USER_ADRES, LAT/LNG, HORAIRE, MAIL, TELEPHONE, SITE_INTER, DATE_MAJ, TYPO_UID", async () => {
    const s = suggestMapping(await rawTable("angers.json"));
    expect(columnsOf(s)).toMatchObject({
      id: "TYPO_UID",
      nom: "USER_NOM",
      adresse: "USER_ADRES",
      code_postal: "code_postal",
      commune: "commune",
      latitude: "LAT",
      longitude: "LNG",
      horaires: "HORAIRE",
      courriels: "MAIL",
      telephone: "TELEPHONE",
      site_web: "SITE_INTER",
      date_maj: "DATE_MAJ",
    });
    // USER_TYPE is empty in every row: never suggested. LIEN (the city's page about the place) is not the place's site.
    expect(Object.values(columnsOf(s))).not.toContain("USER_TYPE");
    expect(Object.values(columnsOf(s))).not.toContain("LIEN");
    expect(s.id?.reason).toContain("une valeur différente sur chaque ligne");
    expect(s.code_postal?.reason).toContain("codes postaux");
  });

  it("Gironde: « Coord. X » holds latitudes (44.8…) and « Coord. Y » longitudes (-0.5…): the values win over the names", async () => {
    const s = suggestMapping(await rawTable("gironde.json"));
    expect(columnsOf(s)).toMatchObject({
      nom: "Lieu",
      adresse: "Adresse postale",
      commune: "Commune",
      latitude: "Coord. X",
      longitude: "Coord. Y",
      courriels: "Email",
      telephone: "Téléphone",
      site_web: "Site internet",
      date_maj: "Dernière MAJ",
      presentation_detail: "Description",
      typologie: "Type Structure",
    });
    expect(s.latitude?.reason).toBe("les valeurs sont des latitudes en France (malgré le nom de la colonne)");
    // No postcode column: it is read inside the full address « 8 rue de la Boétie - 33000 Bordeaux ».
    expect(s.code_postal?.column).toBe("Adresse postale");
    expect(s.code_postal?.reason).toContain("« 33000 » dans « 8 rue de la Boétie - 33000 Bordeaux »");
    // No identifier column: the id is computed.
    expect(s.id).toBeUndefined();
    // « Intercommunalité » is not the commune, « Libellé 1 » (a copy of « Lieu ») is left alone.
    expect(Object.values(columnsOf(s))).not.toContain("Intercommunalité");
    expect(Object.values(columnsOf(s))).not.toContain("Libellé 1");
  });

  it("La Creuse: the standard's own names, « téléphone » with its accent, « description » as the detailed presentation", async () => {
    const s = suggestMapping(await rawTable("la-creuse.json"));
    expect(columnsOf(s)).toEqual({
      id: "id",
      nom: "nom",
      commune: "commune",
      code_postal: "code_postal",
      adresse: "adresse",
      latitude: "latitude",
      longitude: "longitude",
      telephone: "téléphone",
      horaires: "horaires",
      presentation_detail: "description",
      services: "services",
      modalites_accompagnement: "modalites_accompagnement",
    });
    expect(s.nom?.reason).toBe("même nom que le champ du standard");
    expect(s.date_maj).toBeUndefined();
  });
});

describe("producer vocabulary and value shapes", () => {
  it("reads « Nom de la structure », « CP », « Ville », « Tél », « Mail », « Site web », « lat »/« lon »", () => {
    const t = tableOf(
      ["Nom de la structure", "Adresse", "CP", "Ville", "Tél", "Mail", "Site web", "lat", "lon", "Horaires"],
      [
        ["Médiathèque", "1 rue de la Paix", "16000", "Angoulême", "05 45 00 00 00", "a@b.fr", "https://a.fr", "45.65", "0.16", "Lundi 9h-12h"],
        ["Centre social", "2 place du Marché", "16100", "Cognac", "05 45 00 00 01", "c@d.fr", "https://c.fr", "45.69", "-0.33", "Mardi 14h-17h"],
      ],
    );
    expect(columnsOf(suggestMapping(t))).toEqual({
      nom: "Nom de la structure",
      adresse: "Adresse",
      code_postal: "CP",
      commune: "Ville",
      telephone: "Tél",
      courriels: "Mail",
      site_web: "Site web",
      latitude: "lat",
      longitude: "lon",
      horaires: "Horaires",
    });
  });

  it("recognises columns by their values alone, with the reason", () => {
    const t = tableOf(
      ["A", "B", "C", "D", "E", "F"],
      [
        ["Espace numérique", "16000", "contact@espace.fr", "0545000000", "44306184100015", "47.47"],
        ["Maison France services", "16100", "accueil@mfs.fr", "05 45 11 22 33", "W162000123", "47.48"],
        ["Bibliothèque", "16200", "biblio@ville.fr", "+33545998877", "21160015200014", "47.49"],
      ],
    );
    const s = suggestMapping(t);
    expect(columnsOf(s)).toMatchObject({ code_postal: "B", courriels: "C", telephone: "D", pivot: "E" });
    expect(s.code_postal?.reason).toBe("les valeurs ressemblent à des codes postaux");
    expect(s.pivot?.reason).toBe("les valeurs ressemblent à des SIRET ou des numéros RNA");
    // A single column of numbers is not a coordinate without its pair.
    expect(s.latitude).toBeUndefined();
  });

  it("nine digits alone (a SIREN, or a phone that lost its 0) do not make a phone column; a « Téléphone » of them stays one", () => {
    const sirens = tableOf(["Nom", "Numéro"], [["A", "443061841"], ["B", "211600150"]]);
    expect(suggestMapping(sirens).telephone).toBeUndefined();
    const phones = tableOf(["Nom", "Téléphone"], [["A", "545000000"], ["B", "0545112233"]]);
    expect(suggestMapping(phones).telephone?.column).toBe("Téléphone");
  });

  it("a name is not enough when the values say otherwise", () => {
    const t = tableOf(["id", "CP", "nom"], [["1", "Angoulême", "A"], ["1", "Cognac", "B"]]);
    const s = suggestMapping(t);
    // "id" repeats: not an identifier (the import will compute one); "CP" holds words: not a postcode.
    expect(s.id).toBeUndefined();
    expect(s.code_postal).toBeUndefined();
    expect(s.nom?.column).toBe("nom");
  });

  it("never the same column for two fields, except the postcode and commune inside a full address", () => {
    const t = tableOf(["Nom", "Adresse complète"], [["A", "1 rue X, 16000 Angoulême"], ["B", "2 rue Y - 16100 Cognac"]]);
    const s = suggestMapping(t);
    expect(columnsOf(s)).toEqual({ nom: "Nom", adresse: "Adresse complète", code_postal: "Adresse complète", commune: "Adresse complète" });
    expect(s.commune?.reason).toBe("la commune est lue après le code postal");
    const counts = new Map<string, number>();
    for (const t2 of [tableOf(["Nom", "Nom 2", "Commune", "Ville"], [["A", "A", "X", "X"]])]) {
      for (const v of Object.values(suggestMapping(t2))) counts.set(v.column, (counts.get(v.column) ?? 0) + 1);
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("a geocoder's output columns are not taken for the standard's fields by their names (result_label, result_type)", () => {
    const t = tableOf(
      ["Nom", "Adresse", "result_label", "result_type", "result_score", "result_postcode", "CP"],
      [
        ["Médiathèque", "1 rue de la Paix", "1 Rue de la Paix 16000 Angoulême", "housenumber", "0.97", "16000", "16000"],
        ["Centre social", "2 place du Marché", "2 Place du Marché 16100 Cognac", "housenumber", "0.95", "16100", "16100"],
        ["Mairie", "Le Bourg", "Le Bourg 16200 Jarnac", "street", "0.61", "16200", "16200"],
      ],
    );
    const s = suggestMapping(t);
    expect(s.formations_labels).toBeUndefined();
    expect(s.typologie).toBeUndefined();
    // The producer's own postcode, named and shaped, before the geocoder's.
    expect(s.code_postal?.column).toBe("CP");
  });

  it("« Mobile » full of phone numbers is no itinerance, and the fuller landline column is the phone", () => {
    const t = tableOf(
      ["Nom", "Téléphone mobile", "Téléphone fixe"],
      [
        ["A", "06 12 34 56 78", "05 45 00 00 01"],
        ["B", "", "05 45 00 00 02"],
        ["C", "", "05 45 00 00 03"],
        ["D", "07 11 22 33 44", "05 45 00 00 04"],
      ],
    );
    const s = suggestMapping(t);
    expect(s.telephone?.column).toBe("Téléphone fixe");
    expect(s.itinerance).toBeUndefined();
    const mobile = suggestMapping(tableOf(["Nom", "Mobile"], [["A", "06 12 34 56 78"], ["B", "07 11 22 33 44"]]));
    expect(mobile.itinerance).toBeUndefined();
    expect(mobile.telephone?.column).toBe("Mobile");
  });

  it("yes/no columns are not an enumerated field, except « Itinérant » whose ticks say it", () => {
    const t = tableOf(
      ["Nom", "Accompagnement", "Itinérant", "Services"],
      [
        ["A", "Oui", "Non", "Oui"],
        ["B", "Non", "Oui", "Non"],
      ],
    );
    const s = suggestMapping(t);
    expect(s.modalites_accompagnement).toBeUndefined();
    expect(s.services).toBeUndefined();
    expect(s.itinerance?.column).toBe("Itinérant");
  });

  it("one day of per-day hours (« horaires_lundi ») is not the place's hours; a whole « horaires » column is", () => {
    const days = tableOf(["nom", "horaires_lundi", "horaires_mardi"], [["A", "9h-12h", "14h-17h"], ["B", "10h-12h", "9h-12h"]]);
    expect(suggestMapping(days).horaires).toBeUndefined();
    const whole = tableOf(["nom", "horaires_lundi", "horaires"], [["A", "9h-12h", "Mo 09:00-12:00"], ["B", "10h-12h", "Tu 09:00-12:00"]]);
    expect(suggestMapping(whole).horaires?.column).toBe("horaires");
    const range = tableOf(["nom", "Horaires lun-ven"], [["A", "9h-12h et 14h-17h"], ["B", "10h-12h"]]);
    expect(suggestMapping(range).horaires?.column).toBe("Horaires lun-ven");
  });

  it("enumerated fields: a name is followed only when enough values fit; values alone need most of them to fit", () => {
    const t = tableOf(
      ["Nom", "Offre", "Publics", "Col7"],
      [
        ["A", "Etre accompagné dans ses démarches administratives / Accès à Internet en autonomie", "Jeunes, Demandeurs d'emploi", "Gratuit"],
        ["B", "Etre initié aux outils numériques", "Seniors", "Payant"],
        ["C", "Pratiquer des activités récréatives numériques", "Réfugiés", "Gratuit sous condition"],
      ],
    );
    const s = suggestMapping(t);
    expect(s.services?.column).toBe("Offre");
    expect(s.services?.reason).toContain("% des valeurs correspondent au vocabulaire du standard");
    // Jeunes and Seniors fit, the rest will be translated or reported: the name leads.
    expect(s.publics_specifiquement_adresses?.column).toBe("Publics");
    // No name, but every value is one of the standard's.
    expect(s.frais_a_charge).toEqual({ column: "Col7", reason: "100 % des valeurs correspondent au vocabulaire du standard", score: 0.8 });
    const words = suggestMapping(tableOf(["Nom", "Public"], [["A", "Usager de l'équipement"], ["B", "Professionnel"], ["C", "Entrepreneur"]]));
    expect(words.publics_specifiquement_adresses).toBeUndefined();
  });

  it("name and values together outrank values alone", () => {
    // « Numéro » holds phones on every row (values alone); « Tél. accueil » says it and holds phones.
    const t = tableOf(["Nom", "Numéro", "Tél. accueil"], [["A", "05 45 00 00 00", "05 45 11 11 11"], ["B", "05 45 00 00 01", "05 45 11 11 12"]]);
    expect(suggestMapping(t).telephone?.column).toBe("Tél. accueil");
  });

  it("a column with a distinct code on every row is the identifier even when not called so; names, coordinates and URLs are not", () => {
    const t = tableOf(
      ["Nom", "Clé", "lat", "lon", "Page"],
      [
        ["Médiathèque", "MED-016-001", "45.65", "0.16", "https://a.fr/1"],
        ["Centre social", "MED-016-002", "45.69", "-0.33", "https://a.fr/2"],
        ["Mairie", "MED-016-003", "45.70", "-0.30", "https://a.fr/3"],
      ],
    );
    const s = suggestMapping(t);
    expect(s.id).toEqual({ column: "Clé", reason: "une valeur différente sur chaque ligne", score: 0.7 });
    // A repeated code is not an identifier; neither is a distinct name.
    const repeated = suggestMapping(tableOf(["Nom", "Code"], [["A", "X1"], ["B", "X1"]]));
    expect(repeated.id).toBeUndefined();
    const names = suggestMapping(tableOf(["Nom"], [["Médiathèque"], ["Mairie"]]));
    expect(names.id).toBeUndefined();
  });

  it("is deterministic", async () => {
    const t = await rawTable("gironde.json");
    expect(suggestMapping(t)).toEqual(suggestMapping(t));
  });

  it("shows up to three distinct examples, shortened", () => {
    const long = "x".repeat(100);
    const t = tableOf(["c"], [["a"], ["a"], [""], ["b"], [long], ["d"]]);
    expect(examples(t, "c")).toEqual(["a", "b", `${"x".repeat(57)}…`]);
  });
});

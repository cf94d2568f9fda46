import { describe, expect, it } from "vitest";
import { applyMapping } from "./apply";
import { readProducerFile, type ProducerTable } from "./read";
import type { ColumnMapping } from "./schema";
import { columnMappingSchema, mappingFileText, mappingFromForm, readMappingFile } from "./validation";
import { formValues, projectionNote } from "./wizard";

// The mapping form's parts added to the page: the projection of the coordinates and the composed fields.

const TODAY = "2026-11-20";

async function csvTable(csv: string): Promise<ProducerTable> {
  const result = await readProducerFile(new TextEncoder().encode(csv), "lieux.csv");
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

// Lambert-93's own origin (x0 = 700 000, y0 = 6 600 000) is 3° E, 46.5° N by definition of the projection.
const LAMBERT = "nom;num;voie;cp;ville;x;y;lun;mar\nMédiathèque;8;rue de la Paix;23000;Guéret;700000;6600000;9:00-12:00;\n";
const base: ColumnMapping = { fields: { nom: "nom", code_postal: "cp", commune: "ville", longitude: "x", latitude: "y" } };

describe("projection of the coordinates", () => {
  it("says what the columns are read as: detected, then the one chosen", async () => {
    const table = await csvTable(LAMBERT);
    expect(projectionNote(table, base)).toBe("Coordonnées lues en Lambert-93 (EPSG:2154), converties en degrés (WGS84).");
    expect(projectionNote(table, { ...base, projection: "3857" })).toBe("Coordonnées lues en Web Mercator (EPSG:3857) (projection choisie), converties en degrés (WGS84).");
    expect(projectionNote(table, { fields: { nom: "nom" } })).toBe("");
  });

  it("the chosen projection is used instead of the detection", async () => {
    const table = await csvTable(LAMBERT);
    const detected = applyMapping(table, base, { today: TODAY }).records[0];
    expect([detected?.longitude, detected?.latitude]).toEqual(["3", "46.5"]);
    const chosen = applyMapping(table, { ...base, projection: "2154" }, { today: TODAY }).records[0];
    expect([chosen?.longitude, chosen?.latitude]).toEqual(["3", "46.5"]);
    // Said to be degrees: left as written (the standard's check then refuses them on their line).
    const degrees = applyMapping(table, { ...base, projection: "4326" }, { today: TODAY }).records[0];
    expect([degrees?.longitude, degrees?.latitude]).toEqual(["700000", "6600000"]);
  });

  it("is read from the form (empty = automatic), refused when unknown, and kept in the mapping file", () => {
    const columns = ["nom", "x", "y"];
    const form = { colonne_nom: "nom", colonne_longitude: "x", colonne_latitude: "y" };
    expect(mappingFromForm({ ...form, projection: "" }, columns).mapping).toEqual({ fields: { nom: "nom", longitude: "x", latitude: "y" } });
    expect(mappingFromForm({ ...form, projection: "2154" }, columns).mapping.projection).toBe("2154");
    expect(mappingFromForm({ ...form, projection: "EPSG:27572" }, columns).fieldErrors).toEqual({ projection: ["Projection inconnue : choisissez-en une dans la liste."] });
    const mapping: ColumnMapping = { fields: { nom: "nom" }, projection: "2975" };
    const read = readMappingFile(mappingFileText(mapping, "SIG"));
    expect(read).toEqual({ ok: true, mapping, name: "SIG" });
    expect(formValues(mapping).projection).toBe("2975");
  });

  it("a mapping saved without projection still reads; an unknown one is refused in French", () => {
    expect(columnMappingSchema.parse({ fields: { nom: "nom" } })).toEqual({ fields: { nom: "nom" } });
    const bad = columnMappingSchema.safeParse({ fields: {}, projection: "27572" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^Projection inconnue\. Projections possibles : 4326 ; 4326-inverse ; 2154 ;/);
  });
});

describe("composed fields from the form", () => {
  const columns = ["nom", "num", "voie", "lun", "mar", "mer", "a", "b", "c", "d", "e"];
  const section = { compose_section: "1", compose_lignes: "1", compose_1_affiche: "", compose_1_colonnes: "4" };

  it("a concatenation and the hours by day, from plain selects", () => {
    const form = {
      ...section,
      colonne_nom: "nom",
      compose_1_champ: "adresse",
      compose_1_colonne_1: "num",
      compose_1_colonne_2: "",
      compose_1_colonne_3: "voie",
      compose_1_colonne_4: "",
      compose_1_separateur: " ",
      horaires_jour_1: "lun",
      horaires_jour_2: "mar",
      horaires_jour_3: "",
      horaires_jour_4: "",
      horaires_jour_5: "",
      horaires_jour_6: "",
      horaires_jour_7: "",
    };
    const { mapping, fieldErrors } = mappingFromForm(form, columns);
    expect(fieldErrors).toEqual({});
    expect(mapping).toEqual({
      fields: { nom: "nom" },
      compose: {
        adresse: { kind: "concat", columns: ["num", "voie"], separator: " " },
        horaires: { kind: "hours_by_day", days: ["lun", "mar", "", "", "", "", ""] },
      },
    });
  });

  it("the composed values reach the records", async () => {
    const table = await csvTable(LAMBERT);
    const { mapping } = mappingFromForm({ ...section, colonne_nom: "nom", compose_1_champ: "adresse", compose_1_colonne_1: "num", compose_1_colonne_2: "voie", compose_1_separateur: " ", horaires_jour_1: "lun", horaires_jour_2: "mar" }, table.columns);
    const record = applyMapping(table, mapping, { today: TODAY }).records[0];
    expect(record?.adresse).toBe("8 rue de la Paix");
    expect(record?.horaires).toBe("Mo 09:00-12:00");
  });

  it("says what is wrong, on the input at fault", () => {
    expect(mappingFromForm({ ...section, compose_1_champ: "adresse", compose_1_colonne_1: "num" }, columns).fieldErrors).toEqual({ compose_1_colonne_1: ["Choisissez au moins deux colonnes à mettre bout à bout."] });
    expect(mappingFromForm({ ...section, compose_1_colonne_1: "num", compose_1_colonne_2: "voie" }, columns).fieldErrors).toEqual({ compose_1_champ: ["Choisissez le champ que ces colonnes composent."] });
    expect(mappingFromForm({ ...section, compose_1_champ: "id", compose_1_colonne_1: "num", compose_1_colonne_2: "voie" }, columns).fieldErrors).toEqual({ compose_1_champ: ["Ce champ ne peut pas être composé de plusieurs colonnes."] });
    expect(mappingFromForm({ ...section, horaires_jour_3: "mercredi" }, columns).fieldErrors).toEqual({ horaires_jour_3: ["La colonne « mercredi » n'existe pas dans ce fichier."] });
  });

  it("several concatenations at once, each in its row; the same field twice is said on the second", () => {
    const two = {
      compose_section: "1",
      compose_lignes: "2",
      compose_1_champ: "adresse",
      compose_1_colonnes: "4",
      compose_1_colonne_1: "num",
      compose_1_colonne_2: "voie",
      compose_1_separateur: " ",
      compose_2_champ: "nom",
      compose_2_colonnes: "6",
      compose_2_colonne_1: "a",
      compose_2_colonne_2: "b",
      compose_2_colonne_3: "c",
      compose_2_colonne_4: "d",
      compose_2_colonne_5: "e",
      compose_2_separateur: "-",
    };
    expect(mappingFromForm(two, columns)).toEqual({
      mapping: {
        fields: {},
        compose: {
          adresse: { kind: "concat", columns: ["num", "voie"], separator: " " },
          nom: { kind: "concat", columns: ["a", "b", "c", "d", "e"], separator: "-" },
        },
      },
      fieldErrors: {},
    });
    expect(mappingFromForm({ ...two, compose_2_champ: "adresse" }, columns).fieldErrors).toEqual({ compose_2_champ: ["Ce champ est déjà composé plus haut : un champ n'a qu'une composition."] });
  });

  it("every concatenation is shown, longer ones too (one spare select each), and posted back unchanged (replay)", () => {
    const carried: ColumnMapping["compose"] = {
      adresse: { kind: "concat", columns: ["num", "voie"], separator: " " },
      nom: { kind: "concat", columns: ["a", "b", "c", "d", "e"], separator: "-" },
      horaires: { kind: "hours_by_day", days: ["lun", "", "", "", "", "", ""] },
    };
    const values = formValues({ fields: {}, compose: carried });
    // The mapping's own order: adresse, then nom (a row keeps its place from post to post).
    expect([values.compose_lignes, values.compose_2_champ, values.compose_2_affiche, values.compose_2_colonnes, values.compose_2_colonne_5, values.compose_2_colonne_6, values.compose_2_separateur]).toEqual(["2", "nom", "nom", "6", "e", "", "-"]);
    expect([values.compose_1_champ, values.compose_1_colonnes, values.compose_1_colonne_1, values.compose_1_colonne_2, values.compose_1_colonne_3]).toEqual(["adresse", "4", "num", "voie", ""]);
    expect(values.horaires_jour_1).toBe("lun");
    // What the page shows, posted as it is, gives the same compositions (the page keeps them from post to post).
    expect(mappingFromForm({ ...values, compose_section: "1" }, columns, carried).mapping.compose).toEqual(carried);
    // Without the section (an older page): all kept.
    expect(mappingFromForm({}, columns, carried).mapping.compose).toEqual(carried);
  });

  it("« Ajouter un champ composé » adds an empty row; a row emptied (« Aucun ») removes its concatenation", () => {
    const carried: ColumnMapping["compose"] = { adresse: { kind: "concat", columns: ["num", "voie"], separator: " " } };
    const added = formValues({ fields: {}, compose: carried }, 1);
    expect([added.compose_lignes, added.compose_2_champ, added.compose_2_affiche, added.compose_2_colonne_1, added.compose_2_separateur]).toEqual(["2", "", "", "", " "]);
    // The new row filled in: both concatenations.
    const filled = { ...added, compose_section: "1", compose_2_champ: "nom", compose_2_colonne_1: "a", compose_2_colonne_2: "b" };
    expect(mappingFromForm(filled, columns, carried).mapping.compose).toEqual({ adresse: carried.adresse, nom: { kind: "concat", columns: ["a", "b"], separator: " " } });
    // The first emptied: removed, the other kept.
    const emptied = mappingFromForm({ ...filled, compose_1_champ: "" }, columns, carried).mapping;
    expect(emptied.compose).toEqual({ nom: { kind: "concat", columns: ["a", "b"], separator: " " } });
    // Nothing composed: one empty row to start with.
    expect(formValues({ fields: {} }).compose_lignes).toBe("1");
  });
});

import { describe, expect, it } from "vitest";
import { applyMapping } from "./apply";
import { hoursFromDays } from "./compose";
import { readProducerFile, type ProducerTable } from "./read";

async function csvTable(csv: string): Promise<ProducerTable> {
  const result = await readProducerFile(new TextEncoder().encode(csv), "lieux.csv");
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

const DAYS = ["horaires_lundi", "horaires_mardi", "horaires_mercredi", "horaires_jeudi", "horaires_vendredi", "horaires_samedi", "horaires_dimanche"];

describe("per-day hours columns → one OSM opening_hours value", () => {
  it("combines the days, groups equal days, and reads « fermé » and empty cells as closed", () => {
    expect(hoursFromDays(["9h-12h et 14h-17h", "9h-12h et 14h-17h", "Fermé", "09:00-12:00, 14:00-17:00", "9h-12h / 14h-17h", "9:00-12:00", ""])).toEqual({
      ok: true,
      value: "Mo,Tu,Th,Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00",
    });
    expect(hoursFromDays(["8h30-18h", "8h30-18h", "8h30-18h", "8h30-18h", "8h30-18h", "", ""])).toEqual({ ok: true, value: "Mo-Fr 08:30-18:00" });
    expect(hoursFromDays(["", "", "", "", "", "", ""])).toEqual({ ok: true, value: "" });
  });

  it("a cell that would open another day is an error, not a rewrite (the place would be shown open on Sunday)", () => {
    const r = hoursFromDays(["", "", "", "", "", "", "du lundi au dimanche 10h-12h"]);
    expect(r).toEqual({ ok: false, message: "La colonne du dimanche (« du lundi au dimanche 10h-12h ») ouvrirait aussi le lundi : le sens changerait, corrigez la cellule." });
  });

  it("a cell that says something unreadable is an error naming the day", () => {
    const r = hoursFromDays(["Sur rendez-vous", "", "", "", "", "", ""]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.startsWith("Horaires du lundi « Sur rendez-vous » illisibles : ")).toBe(true);
  });

  it("in a file: the line whose hours would change meaning is refused with an error on that line; the others keep their value", async () => {
    const table = await csvTable(
      [
        `Nom;Adresse;CP;Ville;${DAYS.join(";")}`,
        "Lieu A;1 rue Haute;23000;Guéret;9h-12h;9h-12h;;;;;",
        "Lieu B;2 rue Haute;23000;Guéret;;;;;;;tous les jours 10h-18h",
      ].join("\n"),
    );
    const applied = applyMapping(table, { fields: { nom: "Nom", adresse: "Adresse", code_postal: "CP", commune: "Ville" }, compose: { horaires: { kind: "hours_by_day", days: DAYS } } }, { today: "2026-11-20" });
    expect(applied.records[0]?.horaires).toBe("Mo,Tu 09:00-12:00");
    expect(applied.records[1]?.horaires).toBeUndefined();
    expect([...applied.refused]).toEqual([2]);
    expect(applied.issues).toEqual([
      { line: 2, id: applied.records[1]?.id, field: "horaires", level: "error", message: "La colonne du dimanche (« tous les jours 10h-18h ») ouvrirait aussi le lundi : le sens changerait, corrigez la cellule." },
    ]);
  });
});

describe("concatenation", () => {
  it("street number + street with a separator; an empty cell adds no separator", async () => {
    const table = await csvTable(["Nom;Num;Voie;CP;Ville", "Lieu A;8;rue de la Paix;23000;Guéret", "Lieu B;;place du Marché;23000;Guéret"].join("\n"));
    const applied = applyMapping(table, { fields: { nom: "Nom", code_postal: "CP", commune: "Ville" }, compose: { adresse: { kind: "concat", columns: ["Num", "Voie"], separator: " " } } }, { today: "2026-11-20" });
    expect(applied.records.map((r) => r.adresse)).toEqual(["8 rue de la Paix", "place du Marché"]);
  });
});

import { describe, expect, it } from "vitest";
import { gridToSchedule, readGrid, scheduleToOsm, understandFrench, weekRows } from "./french";
import { understandHours } from "./understand";

const osm = (text: string) => {
  const r = understandHours(text);
  return r.ok ? r.normalized : `REFUSÉ: ${r.message}`;
};
const refusal = (text: string) => {
  const r = understandHours(text);
  // Non-breaking spaces (French typography) compared as spaces, to keep the expected texts readable.
  return r.ok ? `ACCEPTÉ: ${r.normalized}` : r.message.replace(/\u00a0/g, " ");
};

describe("French opening hours → OSM opening_hours", () => {
  it.each([
    ["du lundi au vendredi 9h-12h et 14h-17h", "Mo-Fr 09:00-12:00,14:00-17:00"],
    ["lundi 9h-12h; mardi 14h-17h", "Mo 09:00-12:00; Tu 14:00-17:00"],
    ["lun-ven 9h00-12h30", "Mo-Fr 09:00-12:30"],
    ["le samedi de 10 h à 12 h", "Sa 10:00-12:00"],
    ["tous les jours 8h-20h", "Mo-Su 08:00-20:00"],
    ["du lundi au samedi 9h-18h, fermé le mercredi", "Mo,Tu,Th-Sa 09:00-18:00"],
    ["tous les jours 8h-20h, fermé le mercredi", "Mo,Tu,Th-Su 08:00-20:00"],
    ["Lundi : 9h - 12h / 14h - 18h\nMardi : fermé\nMercredi au vendredi : 9h-17h", "Mo 09:00-12:00,14:00-18:00; We-Fr 09:00-17:00"],
    ["tous les jours sauf le dimanche 9h-18h, fermé les jours fériés", "Mo-Sa 09:00-18:00; PH off"],
    ["fermé le dimanche et les jours fériés, du lundi au samedi 9h-12h", "Mo-Sa 09:00-12:00; PH off"],
    ["du lundi au vendredi de 9h à midi", "Mo-Fr 09:00-12:00"],
    ["lun. mar. jeu. 9h-12h", "Mo,Tu,Th 09:00-12:00"],
    ["Le mardi et le jeudi, de 14h jusqu'à 17h30", "Tu,Th 14:00-17:30"],
    ["lundi 9h-12h 14h-17h", "Mo 09:00-12:00,14:00-17:00"],
    ["le week-end 10h-18h", "Sa,Su 10:00-18:00"],
    ["9h-12h du lundi au vendredi", "Mo-Fr 09:00-12:00"],
    ["MERCREDI 9H30-11H45", "We 09:30-11:45"],
    ["24h/24 7j/7", "24/7"],
    ["du samedi au lundi 10h-12h", "Mo,Sa,Su 10:00-12:00"],
  ])("%s → %s", (text, expected) => {
    expect(osm(text)).toBe(expected);
  });

  it.each([
    ["Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off", "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off"],
    ['Mo-Fr 09:00-12:00 "sur rendez-vous"', 'Mo-Fr 09:00-12:00 "sur rendez-vous"'],
    ["Tu,Th 14:00-17:00", "Tu,Th 14:00-17:00"],
  ])("still accepts an OSM value: %s", (text, expected) => {
    expect(osm(text)).toBe(expected);
  });

  it("no hours is allowed: empty stays empty", () => {
    expect(osm("   ")).toBe("");
  });

  it.each([
    ["n'importe quoi", "Le mot « n'importe » n'est pas compris. Écrivez par exemple « du lundi au vendredi 9h-12h et 14h-17h »."],
    ["lundi 9h", "Après « 9h », il manque l'heure de fin (par exemple « 9h-12h »)."],
    ["9h-12h", "Précisez les jours pour 9 h – 12 h (par exemple « du lundi au vendredi 9h-12h » ou « tous les jours 9h-12h »)."],
    ["lundi", "Il manque les heures pour « lundi » (par exemple « lundi 9h-12h »)."],
    ["fermé le mercredi", "Seuls des jours de fermeture ont été compris : indiquez aussi quand le lieu est ouvert (par exemple « du lundi au samedi 9h-18h, fermé le mercredi »)."],
    ["lundi 20h-2h", "Dans « 20h-2h », l'heure de fin doit suivre l'heure de début (les horaires de nuit ne sont pas pris en charge)."],
    ["lundi 9h-12h et 11h-14h", "Les plages 9 h – 12 h et 11 h – 14 h se chevauchent (« lundi »)."],
    ["lundi 25h-26h", "L'heure « 25h » n'existe pas (de 0 h à 24 h, minutes de 00 à 59)."],
    ["lundi 9h-12h sur rendez-vous", "Le mot « sur » n'est pas compris. Écrivez par exemple « du lundi au vendredi 9h-12h et 14h-17h »."],
    ["les jours fériés 10h-12h", "Les horaires des jours fériés (« 10h-12h ») ne sont pas pris en charge : indiquez seulement « fermé les jours fériés » si c'est le cas."],
    ["lundi 9h-18h fermé de 12h à 14h", "« fermé 12h-14h » n'est pas compris : indiquez les heures d'ouverture (par exemple « 9h-12h et 14h-18h ») et les jours de fermeture (« fermé le mercredi »)."],
    ["du lundi au 9h-12h", "« au » n'est pas compris à cet endroit : écrivez « du lundi au vendredi » ou « de 9h à 12h »."],
    ["lundi 9h-12h ☺", "Le signe « ☺ » n'est pas compris. Écrivez par exemple « du lundi au vendredi 9h-12h et 14h-17h »."],
  ])("refuses %s with a French message naming what was not understood", (text, message) => {
    expect(refusal(text)).toBe(message);
  });

  it("an OSM-looking value the library refuses gets the library's diagnosis in French, never its English", () => {
    const message = refusal("Mo-Fr 25:00-26:00");
    expect(message).toMatch(/^Horaires illisibles/);
    expect(message).not.toMatch(/time range|starts outside/i);
  });

  it("the weekly table: Monday first, each day's ranges or Fermé", () => {
    const r = understandFrench("du lundi au vendredi 9h-12h et 14h-17h30, samedi 10h-12h");
    if (!r.ok) throw new Error(r.message);
    expect(weekRows(r.schedule)).toEqual([
      { day: "Lundi", text: "9\u00a0h\u00a0– 12\u00a0h, 14\u00a0h\u00a0– 17\u00a0h\u00a030" },
      { day: "Mardi", text: "9\u00a0h\u00a0– 12\u00a0h, 14\u00a0h\u00a0– 17\u00a0h\u00a030" },
      { day: "Mercredi", text: "9\u00a0h\u00a0– 12\u00a0h, 14\u00a0h\u00a0– 17\u00a0h\u00a030" },
      { day: "Jeudi", text: "9\u00a0h\u00a0– 12\u00a0h, 14\u00a0h\u00a0– 17\u00a0h\u00a030" },
      { day: "Vendredi", text: "9\u00a0h\u00a0– 12\u00a0h, 14\u00a0h\u00a0– 17\u00a0h\u00a030" },
      { day: "Samedi", text: "10\u00a0h\u00a0– 12\u00a0h" },
      { day: "Dimanche", text: "Fermé" },
    ]);
  });
});

describe("day-by-day grid → OSM", () => {
  const grid = (cells: Record<string, string>) => gridToSchedule(readGrid(cells));
  const gridOsm = (cells: Record<string, string>) => {
    const r = grid(cells);
    if (!r.ok) return `REFUSÉ: ${r.message.replace(/\u00a0/g, " ")}`;
    return osm(scheduleToOsm(r.schedule));
  };

  it("morning and afternoon of each day, empty days closed: the same value as the French text", () => {
    const cells: Record<string, string> = {};
    for (const d of [0, 1, 2, 3, 4]) Object.assign(cells, { [`grille_${d}_matin_debut`]: "09:00", [`grille_${d}_matin_fin`]: "12:00", [`grille_${d}_apres_debut`]: "14:00", [`grille_${d}_apres_fin`]: "17:00" });
    expect(gridOsm(cells)).toBe("Mo-Fr 09:00-12:00,14:00-17:00");
    expect(gridOsm(cells)).toBe(osm("du lundi au vendredi 9h-12h et 14h-17h"));
  });

  it("a day ticked « fermé » is closed even with times left in it; times may be written 14h30", () => {
    expect(gridOsm({ grille_0_matin_debut: "9h", grille_0_matin_fin: "12h30", grille_2_ferme: "on", grille_2_matin_debut: "09:00", grille_2_matin_fin: "12:00", grille_5_apres_debut: "14h30", grille_5_apres_fin: "18h" })).toBe("Mo 09:00-12:30; Sa 14:30-18:00");
  });

  it.each([
    [{ grille_0_matin_debut: "09:00" }, "Lundi matin : indiquez l'heure d'ouverture et l'heure de fermeture."],
    [{ grille_3_apres_debut: "18:00", grille_3_apres_fin: "14:00" }, "Jeudi après-midi : la fermeture (14 h) doit suivre l'ouverture (18 h)."],
    [{ grille_1_matin_debut: "neuf", grille_1_matin_fin: "12:00" }, "Mardi matin : l'heure « neuf » n'est pas comprise (par exemple 9:00 ou 14h30)."],
    [{ grille_4_matin_debut: "09:00", grille_4_matin_fin: "13:00", grille_4_apres_debut: "12:00", grille_4_apres_fin: "17:00" }, "Vendredi : l'après-midi commence avant la fin du matin."],
    [{ grille_6_ferme: "on" }, "La grille n'indique aucune heure d'ouverture : remplissez au moins un jour."],
  ])("refuses an incomplete grid naming the day: %j", (cells, message) => {
    expect(gridOsm(cells as Record<string, string>)).toBe(`REFUSÉ: ${message}`);
  });
});

import { describe, expect, it } from "vitest";
import { frenchList, keyMessages, servicesNoPlaceOffers, sideOf, type KeyCommune, type KeyMessagesInput } from "./key-messages";

// A small territory on a 3 × 3 grid of positions: north is a higher latitude, east a higher longitude.
const commune = (name: string, lat: number, lon: number, ifn: number | null, population = 1000): KeyCommune => ({ name, lat, lon, ifn, population });
const communes: KeyCommune[] = [
  commune("Nordville", 2, 1, 4),
  commune("Nord-Est", 2, 2, 5),
  commune("Nord-Ouest", 2, 0, 3),
  commune("Centre", 1, 1, 6),
  commune("Est", 1, 2, 5.5),
  commune("Ouest", 1, 0, 6),
  commune("Sudville", 0, 1, 8.2),
  commune("Sud-Ouest", 0, 0, 7.5),
  commune("Sud-Est", 0, 2, 7.9),
];
const NBSP = "\u00a0";
const NNBSP = "\u202f"; // French thousands separator

const base: KeyMessagesInput = {
  territoryName: "Pays test",
  communes,
  population: 9000,
  ifnThreshold: 7,
  distanceKm: 10,
  far: { population: 1200, communes: 2 },
  whiteZones: { population: 1000, communes: 1 },
  findings: { strengths: 2, questions: 5, themes: [{ label: "Mobilité", count: 3 }, { label: "Accès aux droits", count: 4 }, { label: "Jeunesse", count: 1 }] },
};

describe("À retenir", () => {
  it("says where the fragile communes are, how many people live far from help, the white zones and the findings", () => {
    expect(keyMessages(base)).toEqual([
      "3 communes sur 9 dépassent le seuil de fragilité numérique retenu (indice supérieur à 7 sur 10), surtout dans le sud du territoire ; les plus fragiles sont Sudville, Sud-Est et Sud-Ouest.",
      `1${NNBSP}200 habitants (13,3${NBSP}% de la population) vivent à plus de 10${NBSP}km à vol d'oiseau du lieu de médiation numérique le plus proche, dans 2 communes.`,
      "1 commune cumule l'éloignement et la fragilité (1\u202f000 habitants) : c'est une zone blanche, à traiter en priorité.",
      "Le diagnostic partagé a relevé 2 atouts et 5 questionnements, surtout sur les thèmes « Accès aux droits » et « Mobilité ».",
    ]);
  });

  it("says the fragile communes are spread when their centre is the territory's, and names a single one", () => {
    const spread = [commune("A", 0, 0, 8), commune("B", 2, 2, 8), commune("C", 1, 1, 2), commune("D", 0, 2, 8), commune("E", 2, 0, 8)];
    expect(keyMessages({ ...base, communes: spread })[0]).toBe(
      "4 communes sur 5 dépassent le seuil de fragilité numérique retenu (indice supérieur à 7 sur 10), réparties dans tout le territoire ; les plus fragiles sont A, B et D.",
    );
    expect(keyMessages({ ...base, communes: [commune("Seule", 0, 0, 9), commune("Autre", 1, 1, 2)] })[0]).toBe(
      "Une commune sur 2 dépasse le seuil de fragilité numérique retenu (indice supérieur à 7 sur 10) : Seule.",
    );
  });

  it("says plainly when nothing is fragile, nobody is far, there is no white zone and no finding yet", () => {
    const calm: KeyMessagesInput = {
      ...base,
      communes: communes.map((c) => ({ ...c, ifn: 3 })),
      ifnThreshold: 6.5,
      distanceKm: 7.5,
      far: { population: 0, communes: 0 },
      whiteZones: { population: 0, communes: 0 },
      findings: { strengths: 0, questions: 0, themes: [] },
    };
    expect(keyMessages(calm)).toEqual([
      "Aucune des 9 communes du territoire ne dépasse le seuil de fragilité numérique retenu (indice supérieur à 6,5 sur 10).",
      `Tous les habitants ont un lieu de médiation numérique à moins de 7,5${NBSP}km à vol d'oiseau.`,
      "Aucune commune ne cumule l'éloignement et la fragilité : le territoire n'a pas de zone blanche.",
      "Le diagnostic partagé n'a encore relevé aucun atout ni questionnement.",
    ]);
  });

  it("uses the singular for one person, one commune, one finding; says when the index is unknown everywhere", () => {
    const one = keyMessages({
      ...base,
      communes: communes.map((c) => ({ ...c, ifn: null })),
      far: { population: 1, communes: 1 },
      whiteZones: { population: 1, communes: 2 },
      findings: { strengths: 1, questions: 0, themes: [{ label: "Mobilité", count: 1 }] },
    });
    expect(one).toEqual([
      "L'indice de fragilité numérique n'est connu pour aucune des 9 communes du territoire.",
      `1 habitant (moins de 0,1${NBSP}% de la population) vit à plus de 10${NBSP}km à vol d'oiseau du lieu de médiation numérique le plus proche, dans 1 commune.`,
      "2 communes cumulent l'éloignement et la fragilité (1 habitant) : ce sont les zones blanches, à traiter en priorité.",
      "Le diagnostic partagé a relevé 1 atout et 0 questionnement, surtout sur le thème « Mobilité ».",
    ]);
  });
});

describe("where a group lies", () => {
  it("names the side of the territory, or none when the group is central or everything", () => {
    expect(sideOf([communes[1] as KeyCommune], communes)).toBe("le nord-est");
    expect(sideOf([communes[5] as KeyCommune], communes)).toBe("l'ouest");
    expect(sideOf([communes[3] as KeyCommune], communes)).toBeNull();
    expect(sideOf(communes, communes)).toBeNull();
  });
  it("joins names the French way", () => {
    expect(frenchList(["A"])).toBe("A");
    expect(frenchList(["A", "B"])).toBe("A et B");
    expect(frenchList(["A", "B", "C"])).toBe("A, B et C");
  });
});

describe("services no place offers", () => {
  it("lists a service only when no commune with a position has any place offering it", () => {
    const rows = [
      { lat: 1, nearestKmByService: { aide: 3, securite: null } },
      { lat: 2, nearestKmByService: { aide: null, securite: null } },
      { lat: null, nearestKmByService: { aide: null, securite: 4 } },
    ];
    expect(servicesNoPlaceOffers(["aide", "securite"], rows)).toEqual(["securite"]);
    expect(servicesNoPlaceOffers(["aide"], [])).toEqual([]);
  });
});

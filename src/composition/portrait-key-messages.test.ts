import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import type { Principal } from "@/platform/auth/principal";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import { importPlaces } from "@/modules/places/commands";
import { createFinding } from "@/modules/findings/commands";
import { saveCoverageSettings } from "@/modules/diagnostic/settings";
import type { Territory } from "@/modules/territories/queries";
import { portraitKeyMessages } from "./portrait-key-messages";

let database: Database;
let territory: Territory;
let coordinator: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  territory = await createTestTerritory(database.db, { kind: "custom", communes: "16001, 16015, 16102", slug: "trio-a-retenir", name: "Trio" });
  const c = await createUser(database.db);
  await addMember(database.db, territory.id, c.id, "coordinator");
  coordinator = await principalOf(database.db, c.id);
  const place = { id: "ar-1", pivot: "00000000000000", nom: "Médiathèque", commune: "Angoulême", code_postal: "16000", code_insee: "16015", adresse: "1 rue", latitude: 45.64572, longitude: 0.15194, date_maj: "2026-01-15", services: "Aide aux démarches administratives" };
  await importPlaces(database.db, { kind: "system", label: "test" }, { bytes: new TextEncoder().encode(JSON.stringify([place])), filename: "p.json", source: "test-a-retenir", dryRun: false });
  await createFinding(database.db, coordinator, territory, { kind: "question", text: "Personne n'aide à Abzac.", themes: ["acces_droits"], communes: ["16001"] });
  await createFinding(database.db, coordinator, territory, { kind: "question", text: "Les démarches en ligne bloquent à Cognac.", themes: ["acces_droits"] });
  await createFinding(database.db, coordinator, territory, { kind: "strength", text: "La médiathèque d'Angoulême forme les agents.", themes: ["competences_agents_elus"] });
});

afterAll(async () => {
  await database?.close();
});

describe("the portrait's À retenir, from the database", () => {
  it("reads the communes, the places' distances and the findings of the territory", async () => {
    // Abzac (IFN 7.43, 518 inhabitants), Angoulême (6.52, 41,908) and Cognac (6.51, 18,532) are all above the
    // default threshold 6.5; the only place is in Angoulême, more than 10 km from Abzac and Cognac:
    // 518 + 18,532 = 19,050 inhabitants far (31.25 % of 60,958), both white zones.
    expect(await portraitKeyMessages(database.db, territory)).toEqual([
      "3 communes sur 3 dépassent le seuil de fragilité numérique retenu (indice supérieur à 6,5 sur 10), réparties dans tout le territoire ; les plus fragiles sont Abzac, Angoulême et Cognac.",
      "19\u202f050 habitants (31,3\u00a0% de la population) vivent à plus de 10\u00a0km à vol d'oiseau du lieu de médiation numérique le plus proche, dans 2 communes.",
      "2 communes cumulent l'éloignement et la fragilité (19\u202f050 habitants) : ce sont les zones blanches, à traiter en priorité.",
      "Le diagnostic partagé a relevé 1 atout et 2 questionnements, surtout sur les thèmes « Accès aux droits et démarches en ligne » et « Compétences numériques des agents, des élus et des petites entreprises ».",
    ]);
  });
});

describe("the À retenir is kept per portrait and findings, and an edit shows at the next view", () => {
  it("a new finding, then new settings, change the sentences read next", async () => {
    const before = await portraitKeyMessages(database.db, territory);
    expect(before[3]).toBe("Le diagnostic partagé a relevé 1 atout et 2 questionnements, surtout sur les thèmes « Accès aux droits et démarches en ligne » et « Compétences numériques des agents, des élus et des petites entreprises ».");
    await createFinding(database.db, coordinator, territory, { kind: "strength", text: "Cognac a un conseiller numérique.", themes: ["competences_agents_elus"] });
    const afterFinding = await portraitKeyMessages(database.db, territory);
    expect(afterFinding[3]).toBe("Le diagnostic partagé a relevé 2 atouts et 2 questionnements, surtout sur les thèmes « Accès aux droits et démarches en ligne » et « Compétences numériques des agents, des élus et des petites entreprises ».");
    // Abzac and Cognac are 40–60 km from Angoulême's place: within 100 km, nobody is far any more.
    await saveCoverageSettings(database.db, coordinator, territory, { distanceKm: "100", ifnThreshold: "6,5" });
    const afterSettings = await portraitKeyMessages(database.db, territory);
    expect(afterSettings[1]).toBe("Tous les habitants ont un lieu de médiation numérique à moins de 100\u00a0km à vol d'oiseau.");
    expect(afterSettings[2]).toBe("Aucune commune ne cumule l'éloignement et la fragilité : le territoire n'a pas de zone blanche.");
  });
});

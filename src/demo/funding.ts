/**
 * Demo funding of the Charente territory: local sources the coordination knows, a local resource, and three
 * deadlines in the coming weeks (dates counted from the seeding day, so the journey always shows them). The
 * shipped reference list is loaded at start-up for every territory (src/modules/funding/load.ts), not here.
 * Demo content: the names say « (démo) ».
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { fundingDeadlines, fundingResources, fundingSources } from "@/modules/funding/schema";

const inDays = (from: Date, n: number) => {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + n));
  return d.toISOString().slice(0, 10);
};

export type DemoFunding = { sources: { departement: string; fondation: string }; deadlines: string[] };

export async function seedDemoFunding(db: Db, territoryId: string, now = new Date()): Promise<DemoFunding> {
  const by = "démonstration";
  const [departement] = await db
    .insert(fundingSources)
    .values({
      territoryId,
      name: "Fonds départemental d'appui à l'inclusion numérique (démo)",
      funder: "Département de la Charente (démo)",
      aidKind: "appel_a_projets",
      finances: "Ateliers collectifs, permanences itinérantes et formation des aidants dans les communes rurales du département.",
      themes: ["competences_base", "accompagnement_humain", "reseau_aidants"],
      bearers: ["association", "collectivite"],
      publics: ["Personnes âgées", "Allocataires du RSA"],
      scopeKind: "departement",
      scopeCodes: ["16"],
      rateMax: 50,
      amountMin: 2000,
      amountMax: 15000,
      rhythm: "Appel annuel, pré-dépôt puis dépôt du dossier (démo).",
      notes: "Source fictive de la démonstration.",
      createdBy: by,
    })
    .returning({ id: fundingSources.id });
  const [fondation] = await db
    .insert(fundingSources)
    .values({
      territoryId,
      name: "Fondation charentaise pour le lien social (démo)",
      funder: "Fondation d'entreprise (démo)",
      aidKind: "appel_a_projets",
      finances: "Projets associatifs qui accompagnent les familles et les jeunes dans leurs usages numériques.",
      themes: ["parentalite_education", "competences_base"],
      bearers: ["association"],
      publics: ["Familles", "Jeunes"],
      scopeKind: "departement",
      scopeCodes: ["16"],
      amountMax: 8000,
      rhythm: "Un appel par an (démo).",
      notes: "Source fictive de la démonstration.",
      createdBy: by,
    })
    .returning({ id: fundingSources.id });
  if (!departement || !fondation) throw new Error("insert returned nothing");
  const [caf] = await db
    .select({ id: fundingSources.id })
    .from(fundingSources)
    .where(and(isNull(fundingSources.territoryId), eq(fundingSources.referenceKey, "caf-fonds-locaux")));
  const deadlines = [
    { sourceId: departement.id, kind: "pre_depot" as const, date: inDays(now, 12), label: "Pré-dépôt en ligne (démo)" },
    { sourceId: caf?.id ?? fondation.id, kind: "depot" as const, date: inDays(now, 26), label: "Commission d'action sociale (démo)" },
    { sourceId: fondation.id, kind: "depot" as const, date: inDays(now, 45), label: "Dossier complet (démo)" },
  ];
  await db.insert(fundingDeadlines).values(deadlines.map((d) => ({ territoryId, ...d })));
  await db.insert(fundingResources).values({
    territoryId,
    name: "Atelier numérique itinérant du Ruffécois (démo)",
    kind: "projet",
    description: "Un minibus équipé qui tient une permanence chaque semaine dans six communes : l'équipe partage volontiers son organisation.",
    contact: "Coordination du projet, via la communauté de communes (démo)",
    themes: ["accompagnement_humain", "competences_base"],
    createdBy: by,
  });
  return { sources: { departement: departement.id, fondation: fondation.id }, deadlines: deadlines.map((d) => d.date) };
}

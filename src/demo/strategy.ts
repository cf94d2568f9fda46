/**
 * Demo strategy of the Charente territory (issue 12): a vision, three priority axes and eight objectives over
 * the three horizons, each linked to the demo findings that justify it (src/demo/findings.ts, found by their
 * text). One priority question is left uncovered on purpose — no place offers help in sign language or to
 * people with low vision — so that the coverage matrix and the journey have a gap to show.
 */
import { and, eq, like } from "drizzle-orm";
import type { Db } from "@/platform/db/client";
import { findings } from "@/modules/findings/schema";
import { objectiveFindings, strategyAxes, strategyObjectives, strategyVisions, type Horizon } from "@/modules/strategy/schema";

export type DemoAxisKey = "proximite" | "competences" | "reseau";
export type DemoObjectiveKey = "permanences" | "itinerance" | "seniors" | "parents" | "agents" | "annuaire" | "aidants" | "observatoire";
export type DemoStrategy = { axes: Record<DemoAxisKey, string>; objectives: Record<DemoObjectiveKey, string> };

/** The start of a demo finding's text (src/demo/findings.ts). */
const finding = {
  seniors: "Beaucoup de personnes âgées de l'est charentais",
  agents: "Les agents d'accueil des mairies rurales",
  parents: "Comment accompagner les parents",
  logement: "Dans les quartiers de Soyaux",
  posture: "Les travailleurs sociaux font souvent",
  franceServices: "La France Services de Confolens",
  mediatheques: "Les médiathèques du Grand Angoulême",
  centresSociaux: "Les centres sociaux repèrent",
  // Left uncovered on purpose: "Aucun lieu de médiation ne propose d'accompagnement en langue des signes…"
} as const;

const axes: { key: DemoAxisKey; title: string; description: string }[] = [
  { key: "proximite", title: "Proximité de l'accompagnement", description: "Une aide humaine à moins de vingt minutes de chaque habitant, y compris dans les communes rurales." },
  { key: "competences", title: "Compétences des habitants et des professionnels", description: "Des ateliers pour chaque public et des professionnels formés pour accompagner sans faire à la place." },
  { key: "reseau", title: "Un réseau qui oriente et qui mesure", description: "Les acteurs se connaissent, orientent les personnes au bon endroit et suivent ensemble les besoins." },
];

const objectives: { key: DemoObjectiveKey; axis: DemoAxisKey; horizon: Horizon; title: string; themes: string[]; findings: (keyof typeof finding)[] }[] = [
  { key: "permanences", axis: "proximite", horizon: "court", title: "Une permanence d'aide aux démarches dans chaque bassin de vie", themes: ["acces_droits", "accompagnement_humain"], findings: ["seniors", "franceServices"] },
  { key: "itinerance", axis: "proximite", horizon: "moyen", title: "Un accompagnement itinérant dans les communes rurales de l'est charentais", themes: ["acces_droits", "accompagnement_humain"], findings: ["seniors"] },
  { key: "seniors", axis: "competences", horizon: "court", title: "Des ateliers réguliers pour les personnes âgées dans les médiathèques et les clubs", themes: ["competences_base"], findings: ["seniors", "mediatheques"] },
  { key: "parents", axis: "competences", horizon: "moyen", title: "Accompagner les parents dans la scolarité en ligne de leurs enfants", themes: ["parentalite_education"], findings: ["parents"] },
  { key: "agents", axis: "competences", horizon: "court", title: "Former les agents d'accueil des mairies et les travailleurs sociaux", themes: ["competences_agents_elus", "posture_educateurs"], findings: ["agents", "posture"] },
  { key: "annuaire", axis: "reseau", horizon: "court", title: "Un annuaire partagé des lieux et des aidants pour bien orienter", themes: ["reseau_aidants"], findings: ["agents", "centresSociaux"] },
  { key: "aidants", axis: "reseau", horizon: "moyen", title: "Un réseau d'aidants numériques qui se forme et se rencontre chaque trimestre", themes: ["reseau_aidants", "posture_educateurs"], findings: ["posture"] },
  { key: "observatoire", axis: "reseau", horizon: "long", title: "Un observatoire de l'inclusion numérique, commune par commune (connexion, équipement, besoins)", themes: ["acces_internet_logement"], findings: ["logement"] },
];

export async function seedDemoStrategy(db: Db, territoryId: string): Promise<DemoStrategy> {
  return db.transaction(async (tx) => {
    await tx.insert(strategyVisions).values({
      territoryId,
      text: "En 2030, chaque Charentais peut faire ses démarches et garder le lien avec ses proches en ligne, seul ou accompagné près de chez lui. Les acteurs du social, de l'éducation, de l'emploi et du numérique travaillent en réseau et orientent chaque personne vers l'aide qui lui convient.",
      updatedBy: "démonstration",
    });
    const axisIds = {} as Record<DemoAxisKey, string>;
    for (const [position, a] of axes.entries()) {
      const [row] = await tx.insert(strategyAxes).values({ territoryId, title: a.title, description: a.description, position }).returning({ id: strategyAxes.id });
      if (!row) throw new Error("insert returned nothing");
      axisIds[a.key] = row.id;
    }
    const findingIds = {} as Record<keyof typeof finding, string | undefined>;
    for (const [key, start] of Object.entries(finding) as [keyof typeof finding, string][]) {
      const [row] = await tx
        .select({ id: findings.id })
        .from(findings)
        .where(and(eq(findings.territoryId, territoryId), like(findings.text, `${start}%`)));
      findingIds[key] = row?.id;
    }
    const objectiveIds = {} as Record<DemoObjectiveKey, string>;
    const positions = new Map<DemoAxisKey, number>();
    for (const o of objectives) {
      const position = positions.get(o.axis) ?? 0;
      positions.set(o.axis, position + 1);
      const [row] = await tx
        .insert(strategyObjectives)
        .values({ territoryId, axisId: axisIds[o.axis], title: o.title, horizon: o.horizon, themes: o.themes, position, createdBy: "démonstration" })
        .returning({ id: strategyObjectives.id });
      if (!row) throw new Error("insert returned nothing");
      objectiveIds[o.key] = row.id;
      const links = o.findings.map((k) => findingIds[k]).filter((id): id is string => id !== undefined);
      if (links.length) await tx.insert(objectiveFindings).values(links.map((findingId) => ({ objectiveId: row.id, findingId })));
    }
    return { axes: axisIds, objectives: objectiveIds };
  });
}

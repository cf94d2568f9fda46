import fs from "node:fs";
import { count, eq, isNotNull } from "drizzle-orm";
import { user } from "@/platform/auth/schema";
import { actorPolicy } from "@/modules/actors/policy";
import { findActor, structuresOf } from "@/modules/actors/queries";
import { maturityPolicy } from "@/modules/maturity/policy";
import { placesOfActor } from "@/modules/places/edit/queries";
import { placePolicy } from "@/modules/places/policy";
import { principalOf } from "./factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/platform/db/client";
import { actors } from "@/modules/actors/schema";
import { listActors } from "@/modules/actors/queries";
import { places } from "@/modules/places/schema";
import { listFindings } from "@/modules/findings/queries";
import { territories } from "@/modules/territories/schema";
import { openTestDatabase } from "@/testing/db";
import { demoAccounts, seedDemoIfEmpty } from "./seed";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("the demo", () => {
  it("creates the Charente territory with its real places and their actors, once", async () => {
    const report = await seedDemoIfEmpty(database.db, { accompaniments: 1_000 });
    expect(report).toEqual({ created: true, slug: "charente" });
    const [t] = await database.db.select().from(territories);
    expect(t?.isDemo).toBe(true);
    // Places: every record of the two Charente files copied in data/demo, read straight from them.
    const files = fs.readdirSync("data/demo").filter((f) => f.endsWith(".json"));
    const records = files.flatMap((f) => JSON.parse(fs.readFileSync(`data/demo/${f}`, "utf8")) as { pivot?: string }[]);
    const [p] = await database.db.select({ n: count() }).from(places);
    expect(p?.n).toBeGreaterThan(records.length * 0.9);
    expect(p?.n).toBeLessThanOrEqual(records.length);
    // Actors: at most one per real SIRET of the places.
    const sirets = new Set(records.map((r) => r.pivot).filter((x): x is string => typeof x === "string" && /^\d{14}$/.test(x) && x !== "00000000000000"));
    // (The working groups' demo adds a few structures of other worlds, without SIRET nor places.)
    const [a] = await database.db.select({ n: count() }).from(actors).where(isNotNull(actors.siret));
    expect(a?.n).toBeGreaterThan(20);
    expect(a?.n).toBeLessThanOrEqual(sirets.size);
    const [linked] = await database.db.select({ n: count() }).from(places).where(isNotNull(places.actorId));
    expect(linked?.n).toBeGreaterThanOrEqual(a?.n ?? 0);
    const [all] = await database.db.select({ n: count() }).from(actors);
    expect((await listActors(database.db, t?.id ?? "", {}, 1)).total).toBe(all?.n);
    expect(demoAccounts.map((d) => d.role).sort()).toEqual(["admin", "contributor", "coordinator", "observer", "partner"]);
    expect((await seedDemoIfEmpty(database.db, { accompaniments: 1_000 })).created).toBe(false);
  });

  it("the demo partner speaks for one structure, with places it may edit, and may self-assess it", async () => {
    const [t] = await database.db.select().from(territories);
    const territory = { id: t?.id ?? "", status: t?.status ?? "pending" };
    const [account] = await database.db.select({ id: user.id }).from(user).where(eq(user.email, "partenaire@demo.maillage.fr"));
    const partner = await principalOf(database.db, account?.id ?? "");
    const { spoken } = await structuresOf(database.db, territory.id, account?.id ?? "");
    // The FLEP of Soyaux (its SIRET in the committed open data, data/demo), with its three places.
    expect(spoken.map((s) => [s.name, s.communeName])).toEqual([["FOYER LAIQUE EDUCATION PERMANENTE", "Soyaux"]]);
    const actor = await findActor(database.db, territory.id, spoken[0]?.id ?? "");
    expect(actor?.speakerIds).toEqual([account?.id]);
    expect(actorPolicy.edit(partner, territory, actor ?? { speakerIds: [] })).toBe(true);
    expect(actorPolicy.annotate(partner, territory, actor ?? { speakerIds: [] })).toBe(false);
    expect(maturityPolicy.selfAssess(partner, territory, { speakerIds: actor?.speakerIds ?? [], joined: actor?.joined ?? false })).toBe(true);
    const own = await placesOfActor(database.db, territory.id, actor?.id ?? "");
    expect(own.length).toBe(3);
    expect(placePolicy.edit(partner, territory, { actorSpeakerIds: actor?.speakerIds ?? [] })).toBe(true);
  });

  it("has findings of the diagnostic, strengths and questions, prioritised by the demo partners' votes", async () => {
    const [t] = await database.db.select().from(territories);
    const list = await listFindings(database.db, t?.id ?? "");
    expect(list.filter((f) => f.kind === "strength")).toHaveLength(4);
    // Six typed by the demo, one recorded from the minutes of the working group's launch meeting (src/demo/meetings.ts).
    expect(list.filter((f) => f.kind === "question")).toHaveLength(7);
    // Most supported first; every finding carries at least one theme of the field.
    expect(list[0]?.votes).toBe(2);
    expect(list.every((f) => f.themes.length > 0)).toBe(true);
    expect(list.some((f) => f.groupTitle !== null)).toBe(true);
  });
});

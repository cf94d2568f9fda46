import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/platform/auth/principal";
import type { Database } from "@/platform/db/client";
import { AppError } from "@/platform/errors";
import { cleanupExpired } from "@/platform/jobs/queue";
import { openTestDatabase } from "@/testing/db";
import { principalOf, addMember, createTestTerritory, createUser } from "@/testing/factories";
import type { Territory } from "@/modules/territories/queries";
import { openUpload } from "./mapping/wizard";
import { dropUpload, keepUpload, keptBytes, requireUpload, takeUpload } from "./uploads";

/*
 * Checked files kept between two steps (uploads.ts), in the database. Angoulême has two coordinators
 * (A and A2); Cognac has its own (B).
 */
let database: Database;
let angouleme: Territory;
let cognac: Territory;
let coordinatorA: Principal;
let coordinatorA2: Principal;
let coordinatorB: Principal;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  angouleme = await createTestTerritory(db, { kind: "commune", code: "16015", slug: "angouleme-depots" });
  cognac = await createTestTerritory(db, { kind: "commune", code: "16102", slug: "cognac-depots" });
  const [a, a2, b] = [await createUser(db), await createUser(db), await createUser(db)];
  await addMember(db, angouleme.id, a.id, "coordinator");
  await addMember(db, angouleme.id, a2.id, "coordinator");
  await addMember(db, cognac.id, b.id, "coordinator");
  [coordinatorA, coordinatorA2, coordinatorB] = [await principalOf(db, a.id), await principalOf(db, a2.id), await principalOf(db, b.id)];
});
afterAll(async () => {
  await database?.close();
});

const bytes = (text: string) => new TextEncoder().encode(text);
const gone = "Le fichier vérifié n'est plus disponible (plus d'une heure) : vérifiez-le à nouveau.";

async function statusOf(p: Promise<unknown>): Promise<number | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

describe("checked files kept in the database", () => {
  it("are given back to the person who uploaded them, in that territory only; anyone else gets 404", async () => {
    const db = database.db;
    const token = await keepUpload(db, coordinatorA, angouleme, bytes("id,nom\n1,Médiathèque"), "lieux.csv");
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const mine = await takeUpload(db, coordinatorA, angouleme, token);
    expect(mine).not.toBe("expired");
    expect(mine && mine !== "expired" ? { filename: mine.filename, text: new TextDecoder().decode(mine.bytes) } : mine).toEqual({ filename: "lieux.csv", text: "id,nom\n1,Médiathèque" });

    // Another coordinator of the same territory, the coordinator of another territory, the same person
    // through another territory, a visitor: nothing, and a 404 on the import step.
    expect(await takeUpload(db, coordinatorA2, angouleme, token)).toBeUndefined();
    expect(await takeUpload(db, coordinatorB, cognac, token)).toBeUndefined();
    expect(await takeUpload(db, coordinatorA, cognac, token)).toBeUndefined();
    expect(await takeUpload(db, { kind: "anonymous" }, angouleme, token)).toBeUndefined();
    expect(await statusOf(requireUpload(db, coordinatorA2, angouleme, token, gone))).toBe(404);
    expect(await statusOf(requireUpload(db, coordinatorB, cognac, token, gone))).toBe(404);
    expect(await statusOf(requireUpload(db, coordinatorA, angouleme, token, gone))).toBe("ok");

    // The column-mapping wizard opens it for its owner only; for anyone else it is not found (the page answers 404).
    const csv = await keepUpload(db, coordinatorA, angouleme, bytes("id;nom;commune\n1;Médiathèque;Angoulême"), "producteur.csv");
    expect(await openUpload(db, coordinatorA, angouleme, csv)).toMatchObject({ ok: true, filename: "producteur.csv" });
    expect(await openUpload(db, coordinatorA2, angouleme, csv)).toMatchObject({ ok: false, found: false });
    expect(await openUpload(db, coordinatorB, cognac, csv)).toMatchObject({ ok: false, found: false });

    // Nobody else can drop it either.
    await dropUpload(db, coordinatorA2, angouleme, token);
    expect(await statusOf(requireUpload(db, coordinatorA, angouleme, token, gone))).toBe("ok");
    await dropUpload(db, coordinatorA, angouleme, token);
    expect(await takeUpload(db, coordinatorA, angouleme, token)).toBeUndefined();
  });

  it("expire after an hour: the owner is told, and the cleanup job deletes them", async () => {
    const db = database.db;
    const token = await keepUpload(db, coordinatorA, angouleme, bytes("vieux"), "vieux.csv");
    await db.execute(sql`update kept_uploads set expires_at = now() - interval '1 second' where token = ${token}`);
    expect(await takeUpload(db, coordinatorA, angouleme, token)).toBe("expired");
    expect(await takeUpload(db, coordinatorA2, angouleme, token)).toBeUndefined();
    const error = await requireUpload(db, coordinatorA, angouleme, token, gone).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, message: gone });
    await cleanupExpired(db);
    const left = (await db.execute(sql`select count(*)::int as n from kept_uploads where token = ${token}`)) as unknown as { rows: { n: number }[] };
    expect(left.rows[0]?.n).toBe(0);
  });

  it("hold within a quota per territory, each person keeping their latest files", async () => {
    const db = database.db;
    const limits = { quotaBytes: 1000, perPerson: 2 };
    const kilo = (n: number) => new Uint8Array(n).fill(65);
    const first = await keepUpload(db, coordinatorB, cognac, kilo(300), "1.csv", limits);
    const second = await keepUpload(db, coordinatorB, cognac, kilo(300), "2.csv", limits);
    // A third file of the same person drops their oldest one.
    const third = await keepUpload(db, coordinatorB, cognac, kilo(300), "3.csv", limits);
    expect(await takeUpload(db, coordinatorB, cognac, first)).toBeUndefined();
    expect(await takeUpload(db, coordinatorB, cognac, second)).not.toBeUndefined();
    expect(await takeUpload(db, coordinatorB, cognac, third)).not.toBeUndefined();
    expect(await keptBytes(db, cognac)).toBe(600);
    // Over the territory's quota: refused in French, nothing kept.
    const refused = await keepUpload(db, coordinatorB, cognac, kilo(401), "gros.csv", { quotaBytes: 1000, perPerson: 5 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ id: "uploads_full", status: 409 });
    expect((refused as Error).message).toBe("Trop de fichiers déposés attendent d'être importés pour ce territoire. Importez ou abandonnez ceux en cours, ou réessayez dans une heure.");
    expect(await keptBytes(db, cognac)).toBe(600);
    // Another territory has its own quota.
    expect(await statusOf(keepUpload(db, coordinatorA, angouleme, kilo(900), "ailleurs.csv", limits))).toBe("ok");
  });
});

import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampedHeaders } from "@/platform/auth/client-address";
import { clientAddress } from "@/platform/auth/rate-limit";
import { rateLimits } from "@/platform/auth/schema";
import type { Database } from "@/platform/db/client";
import { expectAppError } from "@/testing/assertions";
import { openTestDatabase } from "@/testing/db";
import { claimVerification } from "./verify-limit";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** The address the action counts for a request the server stamped as coming from `address` (with what it claims). */
const from = (address: string, claimed?: Record<string, string>) => clientAddress(stampedHeaders(address, claimed));
const claim = (address: string, claimed?: Record<string, string>) => claimVerification(database.db, from(address, claimed));

describe("checking PDFs on /verifier-une-signature, per client address", () => {
  it("lets 30 checks through in a quarter of an hour, refuses the 31st with a French 429, and counts each address apart", async () => {
    for (let i = 0; i < 30; i++) await claim("203.0.113.7");
    const refused = await expectAppError(claim("203.0.113.7"), "rate_limited");
    expect(refused.status).toBe(429);
    expect(refused.message).toBe(
      "Trop de vérifications depuis votre connexion : 30 fichiers ont été vérifiés en moins d'un quart d'heure. Votre fichier n'a pas été lu. Patientez un quart d'heure, puis déposez-le à nouveau.",
    );
    // Another address is not slowed down.
    await claim("203.0.113.8");
  });

  it("believes the socket, not a forwarding header the client wrote", async () => {
    for (let i = 0; i < 30; i++) await claim("198.51.100.20", { "x-forwarded-for": `192.0.2.${i}` });
    await expectAppError(claim("198.51.100.20", { "x-forwarded-for": "192.0.2.200" }), "rate_limited");
  });

  it("counts an IPv6 client's /64 as one address", async () => {
    for (let i = 0; i < 30; i++) await claim(`2001:db8:1:2::${(i + 1).toString(16)}`);
    await expectAppError(claim("2001:db8:1:2:ffff::1"), "rate_limited");
    await claim("2001:db8:1:3::1");
  });

  it("forgets the count once the quarter of an hour has passed", async () => {
    for (let i = 0; i < 30; i++) await claim("203.0.113.50");
    await expectAppError(claim("203.0.113.50"), "rate_limited");
    await database.db
      .update(rateLimits)
      .set({ windowStartedAt: sql`now() - interval '16 minutes'` })
      .where(like(rateLimits.key, "verify-signed-pdf:%"));
    await claim("203.0.113.50");
  });
});

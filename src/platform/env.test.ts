import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("environment", () => {
  it("starts with defaults and nothing configured", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DEMO: true, baseUrl: "http://localhost:3000" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/\.data$/);
  });

  it("explains each bad value in French", () => {
    const attempt = () => parseEnv({ PORT: "trois-mille", DATABASE_URL: "mysql://localhost/x", DEMO: "peut-être", APP_URL: "maillage" });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain("PORT : doit être un nombre");
      expect(message).toContain("DATABASE_URL : doit commencer par postgres://");
      expect(message).toContain("DEMO : valeur attendue : 1 ou 0");
      expect(message).toContain("APP_URL : doit être une URL complète");
    }
  });

  it("reads DEMO=0 and an empty DATABASE_URL as the embedded database", () => {
    const env = parseEnv({ DEMO: "0", DATABASE_URL: "" });
    expect(env.DEMO).toBe(false);
    expect(env.DATABASE_URL).toBeUndefined();
  });
});

describe("safe defaults", () => {
  it("a local start gets the demo; a public APP_URL does not, unless DEMO=1 is explicit (then flagged for a warning)", () => {
    expect(parseEnv({}).DEMO).toBe(true);
    expect(parseEnv({ APP_URL: "http://127.0.0.1:3000" }).DEMO).toBe(true);
    expect(parseEnv({ APP_URL: "https://maillage.example.fr" })).toMatchObject({ DEMO: false, demoOnPublicAddress: false });
    expect(parseEnv({ APP_URL: "http://maillage.example.fr" }).DEMO).toBe(false);
    expect(parseEnv({ APP_URL: "https://localhost" }).DEMO).toBe(false);
    expect(parseEnv({ APP_URL: "https://maillage.example.fr", DEMO: "1" })).toMatchObject({ DEMO: true, demoOnPublicAddress: true });
    expect(parseEnv({ DEMO: "1" })).toMatchObject({ DEMO: true, demoOnPublicAddress: false });
  });

  it("reads TRUSTED_PROXIES and refuses a bad one in French", () => {
    expect(parseEnv({}).trustedProxies).toEqual({ kind: "none" });
    expect(parseEnv({ TRUSTED_PROXIES: "1" }).trustedProxies).toEqual({ kind: "hops", hops: 1 });
    expect(() => parseEnv({ TRUSTED_PROXIES: "nginx" })).toThrow("TRUSTED_PROXIES : « nginx » n'est ni une adresse IP");
  });
});

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

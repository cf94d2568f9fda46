import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/platform/auth/client-address";

/**
 * Every setting the server and the CLI read, checked once at boot.
 * Defaults make `npm start` work on a fresh clone with no configuration.
 */
const booleanish = z
  .enum(["0", "1", "true", "false", "yes", "no", "oui", "non"], {
    error: "valeur attendue : 1 ou 0",
  })
  .transform((v) => ["1", "true", "yes", "oui"].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ error: "doit être un nombre" }).int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "doit commencer par postgres:// ou postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  APP_URL: z.url({ error: "doit être une URL complète, par exemple https://maillage.example.fr" }).optional(),
  AUTH_SECRET: z.string().min(32, "doit faire au moins 32 caractères").optional(),
  /** Demo accounts: on by default for a local start only (see demoEnabled); DEMO=1 forces them anywhere. */
  DEMO: booleanish.optional(),
  /** How many accompaniment records the demo writes (50,000 by default: the figure the issue asks; fewer starts faster). */
  DEMO_ACCOMPANIMENTS: z.coerce.number({ error: "doit être un nombre" }).int().min(0, "au moins 0").max(500_000, "au plus 500 000").default(50_000),
  /** Reverse proxies whose X-Forwarded-* headers we believe: a hop count or addresses/CIDR ranges, comma-separated. */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const parsed = parseTrustedProxies(v);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    }),
  INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  OPERATOR_NAME: z.string().trim().min(1).max(200).default("l'organisme qui exploite cette instance de Maillage"),
  OPERATOR_EMAIL: z.email({ error: "doit être une adresse électronique" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "doit commencer par smtp:// ou smtps://, par exemple smtp://utilisateur:motdepasse@smtp.exemple.fr:587")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Maillage <ne-pas-repondre@maillage.invalid>"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Chromium prints documents to PDF (État des lieux); without it, people print from their browser. */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** Chromium browsers printing PDFs at once in each app process (the others wait in the job queue). */
  PDF_CONCURRENCY: z.coerce.number({ error: "doit être un nombre" }).int().min(1, "au moins 1").max(8, "au plus 8").default(2),
});

export type Env = Omit<z.infer<typeof envSchema>, "DEMO"> & {
  baseUrl: string;
  dataDir: string;
  /** Whether this start creates the demo on an empty database. */
  DEMO: boolean;
  /** DEMO=1 set explicitly on a public address: warn on every start. */
  demoOnPublicAddress: boolean;
  trustedProxies: TrustedProxies;
};

/** A local start: plain http on localhost or a loopback address (a developer's machine, CI). */
export function isLocalUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  const host = hostname.toLowerCase();
  return protocol === "http:" && (["localhost", "127.0.0.1", "[::1]"].includes(host) || host.endsWith(".localhost"));
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")} : ${i.message}`);
    throw new EnvError(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const baseUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const local = isLocalUrl(baseUrl);
  const trust = parseTrustedProxies(env.TRUSTED_PROXIES);
  return {
    ...env,
    baseUrl,
    dataDir: path.resolve(env.DATA_DIR),
    // The demo's passwords are public: a public instance never gets them unless asked for in so many words.
    DEMO: env.DEMO ?? local,
    demoOnPublicAddress: env.DEMO === true && !local,
    trustedProxies: trust.ok ? trust.value : { kind: "none" },
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

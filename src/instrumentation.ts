// Runs once when the server starts: configuration check, database, migrations, reference data, demo.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { EnvError, getEnv } = await import("@/platform/env");
  const { isAppError } = await import("@/platform/errors");
  try {
    const env = getEnv();
    const { getRuntime } = await import("@/platform/runtime");
    const runtime = await getRuntime();
    console.info(`Maillage est prêt sur ${env.baseUrl} (base ${runtime.database.kind === "pglite" ? `embarquée dans ${env.dataDir}` : "PostgreSQL"}).`);
  } catch (e) {
    if (e instanceof EnvError || isAppError(e)) console.error(`\n${e.message}\n`);
    else console.error("Impossible de démarrer Maillage :", e);
    process.exit(1);
  }
}

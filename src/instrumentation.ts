// Runs once when the server starts: configuration check, database, migrations, reference data, demo.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { boot } = await import("./instrumentation-node");
    await boot();
  }
}

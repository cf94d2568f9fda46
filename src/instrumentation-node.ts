import { installRequestStamp } from "@/platform/auth/stamp";
import { tagsManifest } from "next/dist/server/lib/incremental-cache/tags-manifest.external";
import { EnvError, getEnv } from "@/platform/env";
import { isAppError } from "@/platform/errors";
import { jobQueue } from "@/platform/jobs/queue";
// The process start-up: database preparation and the modules' hooks for platform code (src/boot.ts).
import "@/boot";
import { getRuntime } from "@/platform/runtime";
import { publicTags } from "@/platform/web/public-cache";

export async function boot(): Promise<void> {
  try {
    const env = getEnv();
    // Before the first request is served: every request carries the client address resolved from the socket.
    installRequestStamp(env.trustedProxies);
    const runtime = await getRuntime();
    // This process's workers: jobs queued before a restart, or by another process, run here too.
    await import("./jobs");
    await jobQueue(runtime.database);
    // Public pages prerendered by `next build` were rendered without a database (src/platform/web/public-cache.ts):
    // expire them all, so the first request renders them from this instance's data. Next.js keeps its tag
    // expirations in this module-level map (the one `revalidateTag` fills); nothing else is exposed before
    // the first request.
    tagsManifest.set(publicTags.all, { expired: Date.now() });
    console.info(`Maillage est prêt sur ${env.baseUrl} (base ${runtime.database.kind === "pglite" ? `embarquée dans ${env.dataDir}` : "PostgreSQL"}).`);
  } catch (e) {
    if (e instanceof EnvError || isAppError(e)) console.error(`\n${e.message}\n`);
    else console.error("Impossible de démarrer Maillage :", e);
    process.exit(1);
  }
}

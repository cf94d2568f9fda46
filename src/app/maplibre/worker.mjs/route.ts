import fs from "node:fs/promises";
import path from "node:path";

let body: Promise<string> | undefined;

/** MapLibre's web worker, served from our own origin (no CDN; the bundler does not ship it). */
export async function GET() {
  body ??= fs.readFile(path.join(process.cwd(), "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs"), "utf8");
  return new Response(await body, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" } });
}

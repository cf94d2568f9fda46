import { notFound } from "next/navigation";
import { territoryRoute } from "@/modules/territories/web";
import { planPolicy } from "@/modules/plan/policy";
import { planRollupSql } from "@/modules/plan/rollup-sql";
import { findPlanVersion } from "@/modules/plan/versions";

/**
 * The benches' baseline through HTTP (bench/plan-load.ts): the budget synthesis' sums as plain SQL GROUP BY,
 * behind the same session and policy as the page, as JSON. Served only when MAILLAGE_BENCH_ROUTES=1 (the
 * bench's server): never on a real instance, where this address is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  if (process.env.MAILLAGE_BENCH_ROUTES !== "1") notFound();
  const { slug } = await params;
  const opened = await territoryRoute(request, slug, planPolicy.view);
  if (opened instanceof Response) return opened;
  const { db, territory } = opened;
  const version = await findPlanVersion(db, territory.id);
  if (!version) return new Response("[]", { status: 404, headers: { "content-type": "application/json" } });
  return Response.json(await planRollupSql(db, territory.id, version.id), { headers: { "cache-control": "private, no-store" } });
}

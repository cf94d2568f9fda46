import { forbidden, notFound } from "next/navigation";
import { getRuntime } from "@/platform/runtime";
import { searchInt } from "@/platform/web/search-params";
import { territoryPage } from "@/modules/territories/web";
import { planPolicy } from "@/modules/plan/policy";
import { listPlanVersions } from "@/modules/plan/versions";
import { loadPlanVersionView } from "@/modules/plan/document";

/**
 * What every view of the plan opens: the territory for its members, the versions, and the version asked
 * (`?version=N`) or the working one, read whole with its roll-up. No plan yet: `loaded` is undefined.
 */
export async function openPlanView(slug: string, path: string, version: string | string[] | undefined) {
  const { territory, principal } = await territoryPage(slug, "viewWorkspace", `/espace/${slug}/plan/${path}`);
  if (!planPolicy.view(principal, territory)) forbidden();
  const { db } = await getRuntime();
  const versions = await listPlanVersions(db, territory.id);
  const number = searchInt(version, { min: 1 });
  if (version !== undefined && (number === undefined || !versions.some((v) => v.number === number))) notFound();
  const loaded = versions.length > 0 ? await loadPlanVersionView(db, territory.id, { number }, versions) : undefined;
  return { db, territory, principal, versions, loaded };
}

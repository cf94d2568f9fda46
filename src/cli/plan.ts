import type { Executor } from "@/platform/db/client";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { isPlanExportFormat, loadPlanDocument, writePlanExport } from "@/modules/plan/document";

const usage = "Utilisation : npx maillage plan export --territory ADRESSE --format json|xlsx|ods|odt [--version N]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * `npx maillage plan export --territory SLUG --format json|xlsx|ods|odt [--version N]`: the plan (the working
 * version, or version N) on standard output, the same bytes as the web export; every message on standard error.
 */
export async function planCommand(db: Executor, [sub, ...args]: string[]): Promise<number> {
  const slug = option(args, "--territory");
  const format = option(args, "--format");
  const versionText = option(args, "--version");
  if (sub !== "export" || !slug || !format) {
    console.error(usage);
    return 2;
  }
  if (!isPlanExportFormat(format)) {
    console.error(`Format inconnu : « ${format} ». ${usage}`);
    return 2;
  }
  const version = versionText === undefined ? undefined : Number(versionText);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) {
    console.error(`Numéro de version invalide : « ${versionText} » (un entier à partir de 1).`);
    return 2;
  }
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : « ${slug} ». Voir : npx maillage territories list`);
    return 2;
  }
  const doc = await loadPlanDocument(db, territory, { number: version });
  if (!doc) {
    console.error(version === undefined ? `« ${territory.name} » n'a pas encore de plan d'action.` : `Le plan de « ${territory.name} » n'a pas de version ${version}.`);
    return 2;
  }
  const body = await writePlanExport(doc, format);
  await new Promise<void>((resolve, reject) => process.stdout.write(typeof body === "string" ? body : Buffer.from(body), (e) => (e ? reject(e) : resolve())));
  console.error(`Plan « ${doc.view.version.title} » (version ${doc.view.version.number}) : ${doc.view.actions.length} action(s).`);
  return 0;
}

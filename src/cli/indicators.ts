import type { Executor } from "@/platform/db/client";
import { findTerritoryBySlug } from "@/modules/territories/queries";
import { exportIndicators, isIndicatorExportFormat } from "@/modules/indicators";

const usage = "Utilisation : npx maillage indicators export --territory ADRESSE --format csv|json";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `npx maillage indicators export --territory SLUG --format csv|json`: indicators with their measurements on standard output; messages on standard error. */
export async function indicatorsCommand(db: Executor, [sub, ...args]: string[]): Promise<number> {
  const slug = option(args, "--territory");
  const format = option(args, "--format");
  if (sub !== "export" || !slug || !format) {
    console.error(usage);
    return 2;
  }
  if (!isIndicatorExportFormat(format)) {
    console.error(`Format inconnu : « ${format} ». ${usage}`);
    return 2;
  }
  const territory = await findTerritoryBySlug(db, slug);
  if (!territory) {
    console.error(`Territoire inconnu : « ${slug} ». Voir : npx maillage territories list`);
    return 2;
  }
  const { body, count, measurements } = await exportIndicators(db, territory.id, format);
  await new Promise<void>((resolve, reject) => process.stdout.write(body, (e) => (e ? reject(e) : resolve())));
  console.error(`« ${territory.name} » : ${count} indicateur(s), ${measurements} mesure(s).`);
  return 0;
}

/**
 * data·inclusion publishes structures and services as two files; the import reads one. The command
 * line joins them into { "structures": [...], "services": [...] }, the form the web page also takes.
 */
import { readFile } from "node:fs/promises";

/** The joined file, or a French message saying what is wrong with either. */
export async function dataInclusionPair(structures: Uint8Array, servicesPath: string): Promise<Uint8Array | string> {
  const services = await readFile(servicesPath).catch(() => undefined);
  if (!services) return `Impossible de lire le fichier de services « ${servicesPath} ».`;
  let s: unknown;
  let v: unknown;
  try {
    s = JSON.parse(new TextDecoder().decode(structures));
    v = JSON.parse(new TextDecoder().decode(services));
  } catch {
    return "Les fichiers data·inclusion doivent être en JSON (un tableau de structures, un tableau de services).";
  }
  if (!Array.isArray(s) || !Array.isArray(v)) return "Les fichiers data·inclusion doivent être deux tableaux JSON : les structures, puis (--services) les services.";
  return new TextEncoder().encode(JSON.stringify({ structures: s, services: v }));
}

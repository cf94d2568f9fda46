import type { ActionState } from "@/platform/web/action";

/**
 * The offline queue of the record form, in the browser's localStorage: each entry is the form's fields as
 * sent (its client id among them). Sent one by one when the network is back; an entry leaves the queue once
 * the server said it landed ("envoyé" or "déjà reçu": the client id makes a second sending land once).
 */
export type QueuedEntry = { fields: [string, string][]; savedAt: string };

export const offlineQueueKey = (territory: string) => `maillage:accompagnements:${territory}`;

export function queueEntry(form: FormData): QueuedEntry {
  const fields: [string, string][] = [];
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) fields.push([k, v]);
  return { fields, savedAt: new Date().toISOString() };
}

const idOf = (entry: QueuedEntry) => entry.fields.find(([k]) => k === "clientId")?.[1] ?? entry.savedAt;

export function readQueue(key: string): QueuedEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? (parsed as QueuedEntry[]) : [];
  } catch {
    return [];
  }
}

export function writeQueue(key: string, entries: QueuedEntry[]): void {
  if (entries.length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(entries));
}

/** Sends every queued entry in order; keeps those refused (with the reason) or not sent (network lost again). */
export async function sendQueue(key: string, territory: string, send: (state: ActionState, form: FormData) => Promise<ActionState>): Promise<{ sent: number; refused: string[] }> {
  const refused: string[] = [];
  const landed = new Set<string>();
  let sent = 0;
  for (const entry of readQueue(key)) {
    const form = new FormData();
    for (const [k, v] of entry.fields) form.append(k, v);
    if (!form.get("territory")) form.set("territory", territory);
    try {
      const outcome = await send({ status: "idle" }, form);
      if (outcome.status === "success") {
        sent++;
        landed.add(idOf(entry));
      } else refused.push(outcome.message ?? "");
    } catch {
      // The network went away again: the entry stays, for the next "online".
    }
  }
  // Read again: an entry kept while these were being sent stays in the queue.
  writeQueue(key, readQueue(key).filter((e) => !landed.has(idOf(e))));
  return { sent, refused };
}

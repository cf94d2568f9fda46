/**
 * Reading a file (inflating a workbook, parsing and checking thousands of lines) takes memory and CPU
 * for seconds. At most one file is read at a time per territory, and at most `global` across the
 * process: past that, a reading waits its turn for a short while (the person sees the form's "en cours"
 * state), then is refused with a French message rather than piling up in memory.
 *
 * In this process only: each app process has its own slots (the limits are per process, like memory).
 */
import { AppError } from "@/platform/errors";
import { FILE_READINGS_AT_ONCE, FILE_WAIT_SECONDS } from "./limits";

export type SlotOptions = { global: number; waitMs: number; queue: number };

export const FILE_SLOTS: SlotOptions = { global: FILE_READINGS_AT_ONCE, waitMs: FILE_WAIT_SECONDS * 1000, queue: 8 };

export const slotMessages = {
  territoryBusy: "Un fichier est déjà en cours de lecture pour ce territoire : attendez la fin de sa vérification, puis déposez à nouveau le vôtre.",
  serverBusy: "Le serveur lit déjà plusieurs fichiers : réessayez dans une minute. Votre fichier n'a pas été lu et rien n'a été enregistré.",
};

type Waiter = { wake: () => void; timer: NodeJS.Timeout };

export class FileSlots {
  private running = 0;
  private readonly territories = new Set<string>();
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: SlotOptions = FILE_SLOTS) {}

  /** Runs `fn` holding the territory's slot and one of the global ones. */
  async run<T>(territoryId: string, fn: () => Promise<T>): Promise<T> {
    if (this.territories.has(territoryId)) throw new AppError("file_busy", { message: slotMessages.territoryBusy });
    this.territories.add(territoryId);
    try {
      await this.acquire();
      try {
        return await fn();
      } finally {
        this.release();
      }
    } finally {
      this.territories.delete(territoryId);
    }
  }

  /** For tests and the page: readings running now and waiting. */
  get state() {
    return { running: this.running, waiting: this.waiting.length, territories: [...this.territories] };
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.global) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queue) return Promise.reject(new AppError("server_busy", { message: slotMessages.serverBusy }));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        // The slot is handed over by release(): `running` does not change.
        wake: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new AppError("server_busy", { message: slotMessages.serverBusy }));
        }, this.options.waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.wake();
    else this.running--;
  }
}

// On globalThis: Next.js may load this module more than once, and every copy must share the slots.
const shared = globalThis as unknown as { __maillageFileSlots?: FileSlots };

/** The process's slots for reading uploaded files. */
export function fileSlots(): FileSlots {
  return (shared.__maillageFileSlots ??= new FileSlots());
}

/** Reads a file holding the territory's slot (see FileSlots). */
export function readingFile<T>(territoryId: string, fn: () => Promise<T>): Promise<T> {
  return fileSlots().run(territoryId, fn);
}

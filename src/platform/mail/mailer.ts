import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/platform/env";

export type Mail = { to: string; subject: string; text: string };

/**
 * Without an SMTP relay configured, mail is written to the console and to
 * DATA_DIR/mail/ so that a local instance (and the e2e tests) can follow links.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  const dir = path.join(env.dataDir, "mail");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const body = `To: ${mail.to}\nSubject: ${mail.subject}\nDate: ${new Date().toUTCString()}\n\n${mail.text}\n`;
  fs.writeFileSync(path.join(dir, `${stamp}-${safeTo}.txt`), body, { mode: 0o600 });
  console.info(`[courriel] à ${mail.to} — ${mail.subject}\n${mail.text}\n[fin du courriel]`);
}

/** Latest mail written for an address (used by tests and by the CLI). */
export function latestMailTo(dataDir: string, to: string): string | undefined {
  const dir = path.join(dataDir, "mail");
  if (!fs.existsSync(dir)) return undefined;
  const safeTo = to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(`-${safeTo}.txt`)).sort();
  const last = files.at(-1);
  return last ? fs.readFileSync(path.join(dir, last), "utf8") : undefined;
}

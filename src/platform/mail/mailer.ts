import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/platform/env";

export type Mail = { to: string; subject: string; text: string };

type Transport = { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> };
const holder = globalThis as unknown as { __maillageSmtp?: Transport };

async function smtp(url: string): Promise<Transport> {
  if (!holder.__maillageSmtp) {
    const nodemailer = await import("nodemailer");
    holder.__maillageSmtp = nodemailer.createTransport(url);
  }
  return holder.__maillageSmtp;
}

/**
 * With SMTP_URL, mail goes through that relay and nothing is printed (links are secrets).
 * Without it (local or demo instance), mail is written to the console and to DATA_DIR/mail/
 * so that a person can follow the link, and so can the e2e tests.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    await (await smtp(env.SMTP_URL)).sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  const dir = path.join(env.dataDir, "mail");
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const body = `From: ${env.MAIL_FROM}\nTo: ${mail.to}\nSubject: ${mail.subject}\nDate: ${new Date().toUTCString()}\n\n${mail.text}\n`;
  fs.writeFileSync(path.join(dir, `${stamp}-${safeTo}.txt`), body, { mode: 0o600 });
  console.info(`[courriel, sans relais SMTP configuré] à ${mail.to} — ${mail.subject}\n${mail.text}\n[fin du courriel]`);
}

/** Latest mail written for an address (used by tests). */
export function latestMailTo(dataDir: string, to: string): string | undefined {
  const dir = path.join(dataDir, "mail");
  if (!fs.existsSync(dir)) return undefined;
  const safeTo = to.replace(/[^a-zA-Z0-9@._-]/g, "_");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(`-${safeTo}.txt`)).sort();
  const last = files.at(-1);
  return last ? fs.readFileSync(path.join(dir, last), "utf8") : undefined;
}

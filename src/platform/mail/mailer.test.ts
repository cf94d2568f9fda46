import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A minimal SMTP peer: enough of the protocol for one message, to check what the relay receives.
const received: string[] = [];
let server: net.Server;
let port = 0;

beforeAll(async () => {
  server = net.createServer((socket) => {
    let data = false;
    let buffer = "";
    socket.write("220 test ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      if (data) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end < 0) return;
        received.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = false;
        socket.write("250 queued\r\n");
      }
      let nl: number;
      while (!data && (nl = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-test\r\n250 8BITMIME\r\n");
        else if (verb === "DATA") {
          data = true;
          socket.write("354 go\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("250 ok\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Maillage <ne-pas-repondre@exemple.test>";
});

afterAll(() => {
  server?.close();
});

describe("mail through an SMTP relay", () => {
  it("sends the message to the relay and writes nothing to the console or the data folder", async () => {
    const { sendMail, latestMailTo } = await import("./mailer");
    const { getEnv } = await import("@/platform/env");
    const logs: unknown[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => logs.push(args);
    try {
      await sendMail({ to: "personne@exemple.test", subject: "Réinitialiser", text: "Lien secret : https://exemple.test/x?token=abc" });
    } finally {
      console.info = original;
    }
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("To: personne@exemple.test");
    expect(received[0]).toContain("ne-pas-repondre@exemple.test");
    expect(logs).toEqual([]);
    expect(latestMailTo(getEnv().dataDir, "personne@exemple.test")).toBeUndefined();
  });
});

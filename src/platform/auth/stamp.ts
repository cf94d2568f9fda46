import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { ADDRESS_HEADER, PROOF_HEADER, processProof, resolveClientAddress, type TrustedProxies } from "./client-address";

/** Headers only a trusted proxy may set; from anyone else they are dropped before Next.js reads them. */
const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** Stamps one incoming request with its client address (see resolveClientAddress). Exported for tests. */
export function stampRequest(req: IncomingMessage, trust: TrustedProxies): void {
  const forwarded = req.headers["x-forwarded-for"];
  const { address, viaTrustedProxy } = resolveClientAddress(req.socket?.remoteAddress, Array.isArray(forwarded) ? forwarded.join(",") : forwarded, trust);
  if (!viaTrustedProxy) for (const name of FORWARDING) delete req.headers[name];
  req.headers[ADDRESS_HEADER] = address;
  req.headers[PROOF_HEADER] = `${processProof()}:${viaTrustedProxy ? "1" : "0"}`;
}

/**
 * Next.js 16 does not give route handlers, server actions or the proxy the socket address: it copies it into
 * X-Forwarded-For only when the client did not send that header (`??=` in base-server.js), so a client chooses
 * its own address. `next start` creates a plain node:http server in this process, and instrumentation runs
 * in the same process before requests are served: we wrap the server's "request" event to stamp every request
 * before Next.js sees it. Installed once per process.
 */
export function installRequestStamp(trust: TrustedProxies): void {
  const flag = globalThis as unknown as { __maillageStampInstalled?: boolean };
  if (flag.__maillageStampInstalled) return;
  flag.__maillageStampInstalled = true;
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") stampRequest(args[0] as IncomingMessage, trust);
      return emit.call(this, event, ...args);
    };
  }
}

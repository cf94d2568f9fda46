import { randomBytes } from "node:crypto";
import { BlockList, isIP } from "node:net";

/**
 * Which peers may tell us who the client is (X-Forwarded-For, X-Forwarded-Host…).
 * - none: nobody; the socket address is the client, forwarding headers are dropped.
 * - hops: the app is only reachable through that many proxies; the client is that many entries from the right.
 * - list: the peers (addresses or CIDR ranges) whose forwarding headers we believe, walked from the right.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; entries: string[] };

export const noTrustedProxy: TrustedProxies = { kind: "none" };

/** Canonical text of an address: IPv4-mapped IPv6 as IPv4, lower case, no brackets or zone; undefined when not an address. */
export function normalizeAddress(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim().toLowerCase();
  if (value.startsWith("[")) value = value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  value = value.replace(/%.*$/, "");
  if (value.startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  // "1.2.3.4:5678" sent by some proxies.
  if (isIP(value) === 0 && /^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  return isIP(value) === 0 ? undefined : value;
}

/** Parses TRUSTED_PROXIES: empty → none, a whole number → hop count, otherwise a comma-separated list of addresses/CIDR. */
export function parseTrustedProxies(raw: string | undefined): { ok: true; value: TrustedProxies } | { ok: false; message: string } {
  const text = (raw ?? "").trim();
  if (text === "" || text === "0") return { ok: true, value: noTrustedProxy };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) return { ok: false, message: "nombre de relais entre 0 et 10 attendu" };
    return { ok: true, value: { kind: "hops", hops } };
  }
  const entries = text.split(",").map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    if (!toBlockList([entry])) return { ok: false, message: `« ${entry} » n'est ni une adresse IP ni une plage CIDR (ex. 10.0.0.5 ou 10.0.0.0/24)` };
  }
  return { ok: true, value: { kind: "list", entries } };
}

function toBlockList(entries: string[]): BlockList | undefined {
  const list = new BlockList();
  for (const entry of entries) {
    const [base, prefix, extra] = entry.split("/");
    const address = normalizeAddress(base);
    if (!address || extra !== undefined) return undefined;
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, family);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === "ipv4" ? 32 : 128)) return undefined;
    list.addSubnet(address, bits, family);
  }
  return list;
}

const blockLists = new Map<string, BlockList>();
function isTrusted(address: string, entries: string[]): boolean {
  const key = entries.join(",");
  let list = blockLists.get(key);
  if (!list) {
    list = toBlockList(entries) ?? new BlockList();
    blockLists.set(key, list);
  }
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

export type ClientAddress = { address: string; viaTrustedProxy: boolean };

/**
 * The one rule that says who the client is. `peer` is the socket's remote address (never forged);
 * `forwardedFor` the X-Forwarded-For header, believed only as far as the trusted proxies vouch for it.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: TrustedProxies): ClientAddress {
  const socket = normalizeAddress(peer) ?? "unknown";
  if (trust.kind === "none") return { address: socket, viaTrustedProxy: false };
  if (trust.kind === "list" && !isTrusted(socket, trust.entries)) return { address: socket, viaTrustedProxy: false };
  // The chain as seen from here: the client first, each proxy appending the address it received from, then our socket peer.
  const chain = [...(forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean), socket];
  if (trust.kind === "hops") {
    // Walk left from the socket peer over `hops` proxies; a forged or malformed entry stops the walk at the last proxy that vouched.
    let client = socket;
    for (let i = chain.length - 2, n = 0; i >= 0 && n < trust.hops; i--, n++) {
      const address = normalizeAddress(chain[i]);
      if (!address) break;
      client = address;
    }
    return { address: client, viaTrustedProxy: true };
  }
  let client = socket;
  for (let i = chain.length - 2; i >= 0; i--) {
    if (!isTrusted(client, trust.entries)) break;
    const address = normalizeAddress(chain[i]);
    if (!address) break;
    client = address;
  }
  return { address: client, viaTrustedProxy: true };
}

/**
 * Requests are stamped by the HTTP server (see ./stamp.ts) with the resolved address and a proof only this
 * process knows: a client cannot forge the stamp, and an unstamped request reads as "unknown" (never as a header it sent).
 */
export const ADDRESS_HEADER = "x-maillage-client-address";
export const PROOF_HEADER = "x-maillage-client-proof";

const holder = globalThis as unknown as { __maillageClientProof?: string };
export function processProof(): string {
  holder.__maillageClientProof ??= randomBytes(18).toString("base64url");
  return holder.__maillageClientProof;
}

type HeaderSource = Headers | { get(name: string): string | null } | undefined;

/** The stamp of a request, or undefined when it was not stamped by this process. */
export function readStamp(headers: HeaderSource): ClientAddress | undefined {
  const proof = headers?.get(PROOF_HEADER) ?? "";
  const [token, via] = proof.split(":");
  if (!token || token !== processProof()) return undefined;
  const address = normalizeAddress(headers?.get(ADDRESS_HEADER) ?? undefined);
  return address ? { address, viaTrustedProxy: via === "1" } : undefined;
}

/** The client address of a request, for every per-address limit. */
export function clientAddress(headers: HeaderSource): string {
  return readStamp(headers)?.address ?? "unknown";
}

/** What a limit counts: an IPv6 client usually holds a whole /64, so it counts as one. */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : address.split(":");
  return `${groups.slice(0, 4).map((g) => g.padStart(4, "0")).join(":")}::/64`;
}

/** Headers stamped as the server would for a request from `address` (tests and server-side calls). */
export function stampedHeaders(address: string, init?: HeadersInit, viaTrustedProxy = false): Headers {
  const headers = new Headers(init);
  headers.set(ADDRESS_HEADER, address);
  headers.set(PROOF_HEADER, `${processProof()}:${viaTrustedProxy ? "1" : "0"}`);
  return headers;
}

import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, parseTrustedProxies, readStamp, resolveClientAddress, stampedHeaders, type TrustedProxies } from "./client-address";
import { clientAddress as limitAddress } from "./rate-limit";
import { stampRequest } from "./stamp";

const none: TrustedProxies = { kind: "none" };
const oneHop: TrustedProxies = { kind: "hops", hops: 1 };
const twoHops: TrustedProxies = { kind: "hops", hops: 2 };
const list: TrustedProxies = { kind: "list", entries: ["10.0.0.5", "172.16.0.0/12"] };

describe("the client address of a request", () => {
  // peer = the socket's remote address; xff = X-Forwarded-For as received.
  it.each([
    // No trusted proxy: the socket address, whatever the headers say.
    [none, "203.0.113.9", undefined, "203.0.113.9", false],
    [none, "203.0.113.9", "1.2.3.4", "203.0.113.9", false],
    [none, "::ffff:203.0.113.9", "1.2.3.4", "203.0.113.9", false],
    // One proxy in front: the last hop it appended; what the client wrote before it is not believed.
    [oneHop, "10.0.0.5", "198.51.100.7", "198.51.100.7", true],
    [oneHop, "10.0.0.5", "6.6.6.6, 198.51.100.7", "198.51.100.7", true],
    [oneHop, "10.0.0.5", undefined, "10.0.0.5", true],
    [oneHop, "10.0.0.5", "pas-une-adresse", "10.0.0.5", true],
    [twoHops, "10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7", true],
    // A list: only a listed peer is believed, and the chain is walked over listed proxies only.
    [list, "10.0.0.5", "6.6.6.6, 198.51.100.7", "198.51.100.7", true],
    [list, "10.0.0.5", "6.6.6.6, 198.51.100.7, 172.20.1.1", "198.51.100.7", true],
    [list, "203.0.113.9", "198.51.100.7", "203.0.113.9", false],
    [list, "10.0.0.5", "172.20.1.1, 172.20.1.2", "172.20.1.1", true],
  ] as const)("%o from %s with X-Forwarded-For %s → %s", (trust, peer, xff, address, via) => {
    expect(resolveClientAddress(peer, xff, trust)).toEqual({ address, viaTrustedProxy: via });
  });

  it("reads TRUSTED_PROXIES as nothing, a hop count or a list, and explains a bad entry in French", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, value: none });
    expect(parseTrustedProxies("")).toEqual({ ok: true, value: none });
    expect(parseTrustedProxies("1")).toEqual({ ok: true, value: oneHop });
    expect(parseTrustedProxies("10.0.0.5, 172.16.0.0/12")).toEqual({ ok: true, value: list });
    expect(parseTrustedProxies("2001:db8::/32")).toEqual({ ok: true, value: { kind: "list", entries: ["2001:db8::/32"] } });
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ ok: false });
    expect(parseTrustedProxies("proxy.interne")).toEqual({ ok: false, message: expect.stringContaining("« proxy.interne » n'est ni une adresse IP") });
  });

  it("an IPv6 client counts as its /64", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("198.51.100.7")).toBe("198.51.100.7");
    // What place proposals and the questionnaires' device key count.
    expect(limitAddress(stampedHeaders("2001:db8:1:2:aaaa::1"))).toBe("2001:0db8:0001:0002::/64");
    expect(limitAddress(stampedHeaders("2001:db8:1:2:bbbb::9"))).toBe("2001:0db8:0001:0002::/64");
    expect(limitAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("unknown");
  });
});

describe("the server's stamp", () => {
  const request = (remoteAddress: string, headers: Record<string, string>) => ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;
  const asHeaders = (req: IncomingMessage) => new Headers(req.headers as Record<string, string>);

  it("without trusted proxies: the socket address, and every forwarding header dropped (X-Forwarded-Host included)", () => {
    const req = request("203.0.113.9", { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-real-ip": "1.2.3.4", "x-maillage-client-address": "9.9.9.9", host: "localhost:3000" });
    stampRequest(req, none);
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers["x-real-ip"]).toBeUndefined();
    expect(readStamp(asHeaders(req))).toEqual({ address: "203.0.113.9", viaTrustedProxy: false });
  });

  it("through a trusted proxy: the forwarded client, forwarding headers kept", () => {
    const req = request("10.0.0.5", { "x-forwarded-for": "198.51.100.7", "x-forwarded-host": "maillage.example.fr" });
    stampRequest(req, list);
    expect(req.headers["x-forwarded-host"]).toBe("maillage.example.fr");
    expect(clientAddress(asHeaders(req))).toBe("198.51.100.7");
  });
});

import { describe, expect, it } from "vitest";
import { actorLabel, type Actor } from "./actor";

const person: Actor = { kind: "user", userId: "u-1", name: "Awa Diallo", email: "awa@exemple.test", isPlatformAdmin: false, roles: {} };
const nameless: Actor = { ...person, name: "" } as Actor;
const system: Actor = { kind: "system", label: "ligne de commande" };
const visitor: Actor = { kind: "anonymous" };

describe("who did it (actorLabel)", () => {
  it("the audit's label by default: name and e-mail, the system's label, an anonymous visitor", () => {
    expect([actorLabel(person), actorLabel(system), actorLabel(visitor)]).toEqual(["Awa Diallo <awa@exemple.test>", "ligne de commande", "visiteur anonyme"]);
  });

  it("the short forms of a row's own 'by' column keep the values stored until now", () => {
    expect([actorLabel(person, { show: "email" }), actorLabel(system, { show: "email" }), actorLabel(visitor, { show: "email" })]).toEqual(["awa@exemple.test", "ligne de commande", "anonyme"]);
    expect([actorLabel(person, { show: "name" }), actorLabel(visitor, { show: "name" })]).toEqual(["Awa Diallo", "anonyme"]);
    expect([actorLabel(person, { show: "nameOrEmail" }), actorLabel(nameless, { show: "nameOrEmail" })]).toEqual(["Awa Diallo", "awa@exemple.test"]);
    expect([actorLabel(visitor, { show: "email", anonymous: "" }), actorLabel(system, { show: "email", anonymous: "" })]).toEqual(["", "ligne de commande"]);
  });
});

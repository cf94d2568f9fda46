import { describe, expect, it } from "vitest";
import { principalLabel, roleSentencesForInvitee, type Principal } from "./principal";

const person: Principal = { kind: "user", userId: "u-1", name: "Awa Diallo", email: "awa@exemple.test", isPlatformAdmin: false, roles: {} };
const nameless: Principal = { ...person, name: "" } as Principal;
const system: Principal = { kind: "system", label: "ligne de commande" };
const visitor: Principal = { kind: "anonymous" };

describe("who did it (actorLabel)", () => {
  it("the audit's label by default: name and e-mail, the system's label, an anonymous visitor", () => {
    expect([principalLabel(person), principalLabel(system), principalLabel(visitor)]).toEqual(["Awa Diallo <awa@exemple.test>", "ligne de commande", "visiteur anonyme"]);
  });

  it("the short forms of a row's own 'by' column keep the values stored until now", () => {
    expect([principalLabel(person, { show: "email" }), principalLabel(system, { show: "email" }), principalLabel(visitor, { show: "email" })]).toEqual(["awa@exemple.test", "ligne de commande", "anonyme"]);
    expect([principalLabel(person, { show: "name" }), principalLabel(visitor, { show: "name" })]).toEqual(["Awa Diallo", "anonyme"]);
    expect([principalLabel(person, { show: "nameOrEmail" }), principalLabel(nameless, { show: "nameOrEmail" })]).toEqual(["Awa Diallo", "awa@exemple.test"]);
    expect([principalLabel(visitor, { show: "email", anonymous: "" }), principalLabel(system, { show: "email", anonymous: "" })]).toEqual(["", "ligne de commande"]);
  });
});

describe("role sentence on the invitation page", () => {
  it("addresses the invited person in the second person", () => {
    expect(roleSentencesForInvitee.partner).toBe("Avec ce rôle, vous décrivez votre structure et ses lieux, vous participez aux travaux et vous vous engagez.");
    expect(roleSentencesForInvitee.observer).toBe("Avec ce rôle, vous consultez les travaux du territoire sans les modifier.");
  });
});

// Public entry of the actors module: actors (structures): who a territory sees, ownership of what a territory writes on an actor, worlds.
// Other modules and the composition layer import from "@/modules/actors" only (lint: boundaries in eslint.config.mjs);
// server code only, no React component: a "use client" file imports a module's client.ts entry (created where needed).
export { actorReads, followUpStatus, mayRead, mayReadEditorEmail, visibleIn } from "./ownership";
export { actorPolicy, actorRegistryPolicy, speaksFor } from "./policy";
export { importActors } from "./import";
export type { ActorLineStatus, ActorOutcome, ImportedActor } from "./import";
export type { ActorRecordRef } from "./policy";
export { findActor, speakerIdsOf, structuresOf } from "./queries";
export { actors, legalTypes, worlds } from "./schema";
export { legalTypeLabels, worldLabels } from "./validation";
export type { LegalType, World } from "./validation";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";
export { actorStillUsedMessage, deleteActor, usesOfActor, type ActorUse, type ActorUsageReader } from "./commands";

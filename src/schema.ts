// The one Drizzle schema of the application: every module's tables, for drizzle-kit (migrations).
// A new module adds its line here. Above platform and modules, like src/jobs.ts: platform never imports modules.
export * from "@/platform/auth/schema";
export * from "@/platform/audit/schema";
export * from "@/modules/geo/schema";
export * from "@/modules/territories/schema";
export * from "@/modules/actors/schema";
export * from "@/modules/places/schema";
export * from "@/modules/contributions/schema";
export * from "@/modules/places/mapping/schema";
export * from "@/modules/maturity/schema";
export * from "@/modules/questionnaires/schema";
export * from "@/modules/diagnostic/schema";
export * from "@/modules/findings/schema";
export * from "@/platform/jobs/schema";
export * from "@/modules/places/upload-schema";
export * from "@/modules/strategy/schema";
export * from "@/modules/funding/schema";
export * from "@/modules/plan/schema";
export * from "@/modules/groups/schema";
export * from "@/modules/meetings/schema";
export * from "@/modules/indicators/schema";
export * from "@/modules/charter/schema";
export * from "@/modules/accompaniments/schema";
export * from "@/modules/signatures/schema";
export * from "@/modules/governance/schema";

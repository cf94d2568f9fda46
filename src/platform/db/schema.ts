// The one Drizzle schema of the application: every module's tables, for queries and for drizzle-kit.
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

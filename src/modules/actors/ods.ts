// The ODS writer is shared by every export (platform); kept here under its old path for the actors' imports.
export * from "@/platform/ods";

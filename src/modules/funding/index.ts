// Public entry of the funding module: funding sources (shipped reference list and local ones), their deadlines,
// matching sources to actions, resources (phase 3). Other modules import from "@/modules/funding" only.
export { aidKinds, deadlineKinds, fundingDeadlines, fundingSources, scopeKinds, type AidKind } from "./schema";

// Public entry of the funding module: funding sources (shipped reference list and local ones), their deadlines,
// matching sources to actions, resources (phase 3). Other modules import from "@/modules/funding" only.
export { aidKinds, deadlineKinds, fundingDeadlines, fundingResources, fundingSources, resourceKinds, scopeKinds, type AidKind, type ResourceKind } from "./schema";
export { fundingAbilities, fundingPolicy, type FundingAbilities } from "./policy";
export { matchSource, matchSources, type MatchAction, type MatchDeadline, type MatchPlaces, type MatchSource, type MatchWords, type SourceMatch } from "./match";
export { placesOf, sourcesForMatching, findSource, type Source } from "./queries";
export { loadFundingReference, referenceSourceIds } from "./load";
export { journeyOf, parisDay } from "./journey";
export { aidKindLabels, deadlineKindLabels } from "./validation";
export { workspaceTabs } from "./manifest";

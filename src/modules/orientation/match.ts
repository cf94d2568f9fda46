// The matcher of communes as people write them moved to the geo module (shared reference data): every
// commune field uses it now, not only /aide. Re-exported here so that the orientation code reads as before.
export { editDistance, matchCommunes, MAX_CHOICES } from "@/modules/geo";
export type { CommuneMatch, MatchableCommune } from "@/modules/geo";

// Public entry of the governance module: governance bodies (groups of a governance kind), their rhythm, the
// status changes of plan actions that cite a decision, and the coordination's public contacts (phase 5).
// Other modules and the composition layer import from "@/modules/governance" only.
export { actionStatusCitations, coordinationContacts } from "./schema";
export { governancePolicy } from "./policy";
export { contactsOf, listBodies, statusHistoryOf } from "./queries";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";

// Public entry of the meetings module: meetings of working groups (and, later, governance bodies), their
// minutes, the territory's decisions, calendars and reminders (phase 4). Server code only.
export { decisions, decisionActions, decisionObjectives, decisionModes, meetings, meetingParticipants, type DecisionMode } from "./schema";
export { decisionPolicy, meetingPolicy, type BodyRef } from "./policy";
export { decisionsOf, type DecisionRow } from "./queries";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";

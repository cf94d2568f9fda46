// Public entry of the meetings module: meetings of working groups (and, later, governance bodies), their
// minutes, the territory's decisions, calendars and reminders (phase 4). Server code only.
export { decisions, decisionActions, decisionObjectives, decisionModes, meetings, meetingParticipants, type DecisionMode } from "./schema";
export { decisionPolicy, meetingPolicy, type BodyRef } from "./policy";
export { decisionsOf, findDecision, groupBody, meetingsOfGroup, type DecisionRow, type MeetingRow } from "./queries";
export { authorizeOnDecision } from "./commands";
export { meetingWhen, votesText } from "./ui/labels";
export { journeyOf } from "./journey";
export { workspaceTabs } from "./manifest";

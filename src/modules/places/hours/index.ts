export {
  EXAMPLE_HOURS,
  isOpenAt,
  openAt,
  statusText,
  validate,
  weeklyTable,
  type DaySchedule,
  type DaySlot,
  type HoursOptions,
  type OpeningState,
  type OpeningStatus,
  type ValidationResult,
  type WeeklyTable,
} from "./opening-hours";
export { PARIS_TIME_ZONE, fromParisWallDate, parisWallClock, toParisWallDate } from "./paris-time";
export { FRENCH_EXAMPLE, gridToSchedule, gridUsed, readGrid, scheduleToOsm, understandFrench, weekRows, type GridRow, type Schedule } from "./french";
export { understandHours, type HoursInput } from "./understand";

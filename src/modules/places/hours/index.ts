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

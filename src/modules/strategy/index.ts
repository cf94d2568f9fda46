// Public entry of the strategy module: the territory's vision, priority axes and objectives (phase 5).
// Other modules and the composition layer import from "@/modules/strategy" only.
export { horizons, objectiveFindings, strategyAxes, strategyObjectives, strategyVisions, type Horizon } from "./schema";

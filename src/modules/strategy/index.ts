// Public entry of the strategy module: the territory's vision, priority axes and objectives (phase 5).
// Other modules and the composition layer import from "@/modules/strategy" only.
export { horizons, objectiveFindings, strategyAxes, strategyObjectives, strategyVisions, type Horizon } from "./schema";
export { strategyOf, type Axis, type Objective, type Strategy } from "./queries";
export { deleteAxis, deleteObjective, type StrategyUsage } from "./commands";
export { strategyAbilities, strategyPolicy, type StrategyAbilities } from "./policy";
export { horizonLabels } from "./validation";
export { workspaceTabs } from "./manifest";
export { journeyOf } from "./journey";

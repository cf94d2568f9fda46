// Public entry of the orientation module. No other module imports it yet: when one needs something, export it here
// (other modules and the composition layer import from "@/modules/orientation" only; lint: boundaries in eslint.config.mjs).
export {};

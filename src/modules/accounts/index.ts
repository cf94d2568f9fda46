// Public entry of the accounts module. No other module imports it yet: when one needs something, export it here
// (other modules and the composition layer import from "@/modules/accounts" only; lint: boundaries in eslint.config.mjs).
export {};

// The factories live in src/demo (the demo seed is built with them and ships with the application;
// production code never imports src/testing). Tests keep importing them from here.
export * from "@/demo/factories";

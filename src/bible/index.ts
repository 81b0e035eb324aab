export * from "./model";
export * from "./entries";
export * from "./fromBreakdown";
export * from "./naming";
export * from "./references";

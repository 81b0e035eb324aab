export * from "./types";
export * from "./builder";
export * from "./validate";

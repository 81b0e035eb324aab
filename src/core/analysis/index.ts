export * from "./gaps";
export * from "./placeholders";
export * from "./targets";

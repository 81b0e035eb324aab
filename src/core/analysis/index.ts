export * from "./gaps";
export * from "./placeholders";
export * from "./targets";
export * from "./extend";
export * from "./bridge";
export * from "./conform";

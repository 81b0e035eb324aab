export * from "./document";
export * from "./stills";

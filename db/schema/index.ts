export * from "./organisers";
export * from "./auth";
export * from "./providers";
export * from "./cases";
export * from "./audit";
export * from "./sote";
export * from "./campaigns";
export * from "./deliveries";

export { RunwayBackend, RUNWAY_BACKEND_ID, RUNWAY_BASE_URL, RUNWAY_API_VERSION, runwayCapabilities, buildRunwayCall, type RunwayBackendOptions, type RunwayCall } from "./runwayBackend";
export { RUNWAY_MODELS, parseRunwayModels, runwayModelSchema, type RunwayModel } from "./models";
export { runwayTaskSchema, readRunwayError, reasonOfFailureCode, type RunwayTask } from "./schemas";

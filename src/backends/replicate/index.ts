export { ReplicateBackend, REPLICATE_BACKEND_ID, REPLICATE_API_URL, replicateBackendCapabilities, type ReplicateBackendOptions } from "./replicateBackend";
export { REPLICATE_MODELS, parseReplicateModels, replicateModelSchema, type ReplicateModel, type ReplicateEndpoint } from "./models";
export { buildReplicateCall, replicateCapabilities, type ReplicateCall } from "./input";
export { predictionSchema, readReplicateError, type Prediction } from "./schemas";

export { FalBackend, FAL_BACKEND_ID, FAL_QUEUE_URL, falBackendCapabilities, type FalBackendOptions } from "./falBackend";
export { FAL_MODELS, parseFalModels, falModelSchema, type FalModelDescriptor, type FalEndpoint } from "./models";
export { buildFalCall, falCapabilities, type FalCall } from "./input";

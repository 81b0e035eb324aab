export { VeoBackend, VEO_BACKEND_ID, VEO_BASE_URL, VEO_API_VERSION, veoCapabilities, buildVeoBody, type VeoBackendOptions } from "./veoBackend";
export { VEO_MODELS, parseVeoModels, veoModelSchema, type VeoModel } from "./models";
export { veoOperationSchema, readVeoError, type VeoOperation } from "./schemas";

export { LumaBackend, LUMA_BACKEND_ID, LUMA_API_URL, lumaCapabilities, buildLumaBody, type LumaBackendOptions } from "./lumaBackend";
export { LUMA_MODELS, parseLumaModels, lumaModelSchema, type LumaModel } from "./models";
export { generationSchema, readLumaError, isModerated, type LumaGeneration } from "./schemas";

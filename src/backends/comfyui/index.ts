export { ComfyUIBackend, COMFYUI_BACKEND_ID, COMFYUI_DEFAULT_URL, comfyUICapabilities, type ComfyUIBackendOptions } from "./comfyuiBackend";
export { comfyWorkflow, comfyWorkflowSchema, parseComfyGraph, fillGraph, placeholdersIn, type ComfyWorkflow, type ComfyGraph, type FillValues } from "./workflow";
export { readComfyError, videoOutput, executionFailure } from "./schemas";
export { multipartBody, uuidFromKey, utf8 } from "./bytes";

export {
  OpenAIVideosBackend,
  OPENAI_VIDEOS_BACKEND_ID,
  OPENROUTER_BASE_URL,
  openAIVideosCapabilities,
  type OpenAIVideosBackendOptions,
  type OpenAIVideosVariant,
} from "./openaiVideosBackend";
export { buildVideoBody } from "./body";
export { GATEWAY_MODELS, OPENROUTER_MODELS, gatewayModel, parseOpenAIVideoModels, openAIVideoModelSchema, type OpenAIVideoModel } from "./models";
export { videoSchema, videoListSchema, readVideoGatewayError, type Video } from "./schemas";

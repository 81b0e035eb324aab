/** The two variants of the OpenAI-style /videos backend: each its own backend id, base URL and name. */
export const OPENAI_VIDEOS_BACKEND_ID = "openai-videos";
/** its own id: jobs journaled by one variant must never be polled through the other */
export const OPENROUTER_BACKEND_ID = "openrouter";
export const OPENROUTER_BASE_URL = "https://openrouter.ai/api/v1";

export type OpenAIVideosVariant = "generic" | "openrouter";

export function defaultLabel(variant: OpenAIVideosVariant): string {
  return variant === "openrouter" ? "OpenRouter" : "video gateway";
}

export function backendIdOf(variant: OpenAIVideosVariant): string {
  return variant === "openrouter" ? OPENROUTER_BACKEND_ID : OPENAI_VIDEOS_BACKEND_ID;
}

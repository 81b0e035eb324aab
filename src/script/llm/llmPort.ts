/** Why the LLM could not help; kept apart from the SDK so the fallback path never loads it. */
export type LlmFailure = "auth" | "refused" | "invalid" | "rate_limited" | "unreachable";

export class LlmUnavailable extends Error {
  constructor(
    readonly reason: LlmFailure,
    message: string,
  ) {
    super(message);
    this.name = "LlmUnavailable";
  }
}

/** What the script use cases need from an LLM: implemented over the openai SDK in src/llm/openaiResponses.ts. */
export interface LlmAccess {
  shotList(request: import("./schemas").LlmShotListRequest, signal?: AbortSignal): Promise<import("./schemas").LlmBreakdown>;
  script(idea: string, signal?: AbortSignal): Promise<import("./schemas").LlmScript>;
}

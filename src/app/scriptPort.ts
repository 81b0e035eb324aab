/** What the app needs of script breakdown (src/script, wired by the entries): declared here so the facade stays testable without it. */
import type { ScriptBreakdownView } from "./api";

export interface ScriptServiceOptions {
  readonly stylePreset: string;
  /** null: no LLM key stored */
  readonly apiKey: string | null;
  readonly llmModel: string;
  readonly llmBaseUrl: string | null;
  /** the default backend's prompt limit; the planner caps again for the backend actually used */
  readonly maxPromptChars: number;
  readonly wordsPerSecond: number;
  /** the default model's shortest and longest clip: no shot is longer, so each shot is one clip */
  readonly clipMinSeconds?: number;
  readonly clipMaxSeconds?: number;
}

export interface ScriptService {
  /** a free call that needs a valid key (the LLM's model list); throws with a sentence when it fails */
  testLlm?(options: ScriptServiceOptions): Promise<void>;
  breakdown(text: string, options: ScriptServiceOptions & { format?: string; useLlm?: boolean; castOverrides?: Readonly<Record<string, string>> }): Promise<ScriptBreakdownView>;
  ideaToScript(idea: string, options: ScriptServiceOptions): Promise<ScriptBreakdownView>;
}

/** the secret-store name of the LLM key (script writing), beside the video backends' keys */
export const LLM_KEY_ID = "openai-llm";


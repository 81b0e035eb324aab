/**
 * The LLM key test: listing the models (`GET {base}/models`) is free and needs a valid key, on
 * OpenAI and on OpenAI-compatible servers alike. A server Cutaway cannot reach is named by its
 * address, not blamed on the internet connection.
 */
import OpenAI from "openai";
import { LlmUnavailable } from "../script/llm/llmPort";
import { llmClient, type LlmConfig } from "./openaiResponses";

export async function checkLlm(c: LlmConfig): Promise<void> {
  try {
    await llmClient({ ...c, timeoutMs: c.timeoutMs ?? 15_000 }).models.list();
  } catch (e) {
    throw checkError(e, c.baseURL);
  }
}

export function checkError(e: unknown, baseURL: string | undefined): LlmUnavailable {
  const where = baseURL ? `the script-writing server at ${baseURL}` : "OpenAI";
  if (e instanceof OpenAI.APIConnectionError) {
    return new LlmUnavailable("unreachable", baseURL ? `Cutaway could not reach ${where}: check the address in Settings › Script writing, and that the server is running.` : "Cutaway could not reach OpenAI; check the internet connection.");
  }
  if (e instanceof OpenAI.APIError) {
    if (e.status === 401 || e.status === 403) return new LlmUnavailable("auth", `The key was refused by ${where} — check it and save it again.`);
    if (e.status === 404) return new LlmUnavailable("unreachable", `${where} does not answer like an OpenAI-compatible API (no /models); check the address in Settings.`);
    if (e.status === 429) return new LlmUnavailable("rate_limited", `${where} is busy or the account is out of credit; try again later.`);
    return new LlmUnavailable("unreachable", `${where} had a problem (HTTP ${e.status ?? "?"}).`);
  }
  return new LlmUnavailable("invalid", `${where} answered something Cutaway could not read.`);
}

/**
 * The LLM adapter (src/script declares the port, llmPort.ts; this implements it). The two LLM calls (script → shots, idea → script) through the official `openai` SDK's Responses
 * API with a zod text format. Every way it can go wrong becomes an LlmUnavailable whose message the
 * panel shows beside the deterministic fallback; the SDK's own messages are never shown (a 401's
 * body echoes part of the key).
 */
import OpenAI from "openai";
import { zodTextFormat } from "openai/helpers/zod";
import { z } from "zod";
import { LlmUnavailable, type LlmAccess } from "../script/llm/llmPort";
import { llmBreakdownSchema, llmScriptSchema, type LlmBreakdown, type LlmScript, type LlmShotListRequest } from "../script/llm/schemas";

export interface LlmConfig {
  readonly apiKey: string;
  readonly model: string;
  /** an OpenAI-compatible server; OpenAI's own when absent */
  readonly baseURL?: string;
  /** UXP's global fetch in Premiere */
  readonly fetch: typeof fetch;
  readonly timeoutMs?: number;
}

export { LlmUnavailable };

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** Bounds what is sent: a 5 MB paste is not a prompt. */
export const MAX_LLM_INPUT_CHARS = 60_000;

export function llmClient(c: LlmConfig): OpenAI {
  return new OpenAI({
    apiKey: c.apiKey,
    ...(c.baseURL ? { baseURL: c.baseURL } : {}),
    fetch: c.fetch,
    // the key is the editor's own, typed into their own panel
    dangerouslyAllowBrowser: true,
    maxRetries: 1,
    timeout: c.timeoutMs ?? 120_000,
  });
}

const BREAKDOWN_INSTRUCTIONS = `You are a film editor's assistant. Break the text into shots for AI video generation, one per visual beat, in order.
- description: what is seen, in plain words; never dialogue, never words to be shown on screen.
- prompt: a self-contained video prompt (subject, action, setting, light, camera), describing each character the same way in every shot, with the style given.
- durationSeconds: screen time, 2 to 10 seconds; for transcripts use the time range of the words the shot covers (transcriptStartSeconds/EndSeconds), otherwise null.
- dialogue: the script's words spoken while the shot is on screen, copied exactly (they time the shot and are never shown), or null.
- A voice-over or off-screen line (V.O., O.S., O.C.) shows what the scene shows, never the speaker.
- characters: names of the people in the shot, spelled as in the cast list when they are in it; list every character once in "characters" with a short visual description, using the cast list's descriptions unchanged.
Never put quoted text, captions or dialogue into a prompt.`;

const IDEA_INSTRUCTIONS = `You are a screenwriter. From a one-line idea, write a short film script (1 to 3 scenes, 6 to 14 visual beats, about 60 to 90 seconds of screen time) in Fountain format: scene headings like "EXT. HARBOUR - DAWN", action paragraphs that describe what is seen, characters introduced in capitals with a short description at first mention, little dialogue. Return the title and the Fountain text.`;

/** The LLM as the script use cases see it: this module (and the SDK) loads only when a key is set. */
export function llmAccess(c: LlmConfig): LlmAccess {
  const client = llmClient(c);
  return {
    shotList: (request, signal) => llmShotList(client, c.model, request, signal),
    script: (idea, signal) => llmScript(client, c.model, idea, signal),
  };
}

export async function llmShotList(client: OpenAI, model: string, r: LlmShotListRequest, signal?: AbortSignal): Promise<LlmBreakdown> {
  const cast = r.cast.slice(0, 60).map((c) => `- ${c.name}${c.description ? `: ${c.description}` : ""}`);
  const bible = cast.length ? `Cast (describe each person this way in every shot):\n${cast.join("\n")}\n\n` : "";
  const input = `Style: ${r.style === "none" ? "natural, realistic" : r.style}\n\n${bible}${r.text.slice(0, MAX_LLM_INPUT_CHARS)}`;
  return ask(client, model, BREAKDOWN_INSTRUCTIONS, input, llmBreakdownSchema, "shot_list", signal);
}

export async function llmScript(client: OpenAI, model: string, idea: string, signal?: AbortSignal): Promise<LlmScript> {
  return ask(client, model, IDEA_INSTRUCTIONS, idea.slice(0, 2_000), llmScriptSchema, "fountain_script", signal);
}

async function ask<T>(client: OpenAI, model: string, instructions: string, input: string, schema: z.ZodType<T>, name: string, signal?: AbortSignal): Promise<T> {
  let res: Awaited<ReturnType<typeof parse<T>>>;
  try {
    res = await parse(client, model, instructions, input, schema, name, signal);
  } catch (e) {
    throw mapError(e, client.baseURL === DEFAULT_BASE_URL ? undefined : client.baseURL);
  }
  for (const item of res.output) {
    if (item.type !== "message") continue;
    for (const c of item.content) if (c.type === "refusal") throw new LlmUnavailable("refused", `The AI declined to write this (${oneLine(c.refusal)}).`);
  }
  if (res.status === "incomplete") throw new LlmUnavailable("invalid", "The AI's answer was cut short.");
  const parsed = res.output_parsed;
  if (parsed === null || parsed === undefined) throw new LlmUnavailable("invalid", "The AI sent no usable answer.");
  return parsed;
}

function parse<T>(client: OpenAI, model: string, instructions: string, input: string, schema: z.ZodType<T>, name: string, signal?: AbortSignal) {
  return client.responses.parse({ model, instructions, input, text: { format: zodTextFormat(schema, name) }, max_output_tokens: 16_000 }, signal ? { signal } : {});
}

function mapError(e: unknown, baseURL?: string): LlmUnavailable {
  if (e instanceof LlmUnavailable) return e;
  if (e instanceof SyntaxError || e instanceof z.ZodError) return new LlmUnavailable("invalid", "The AI's answer was not a valid shot list.");
  if (e instanceof OpenAI.APIConnectionError) return new LlmUnavailable("unreachable", baseURL ? `Cutaway could not reach the script-writing server at ${baseURL}: check the address in Settings › Script writing, and that the server is running.` : "Cutaway could not reach the AI service; check the internet connection.");
  if (e instanceof OpenAI.APIError) {
    if (e.status === 401 || e.status === 403) return new LlmUnavailable("auth", "Your OpenAI key was rejected — check it in Settings.");
    if (e.status === 429) return new LlmUnavailable("rate_limited", "The AI service is busy or your OpenAI account is out of credit; try again later.");
    return new LlmUnavailable("unreachable", `The AI service had a problem (HTTP ${e.status ?? "?"}).`);
  }
  return new LlmUnavailable("invalid", "The AI's answer could not be read.");
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 160 ? `${t.slice(0, 160)}…` : t;
}

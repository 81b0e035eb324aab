/**
 * The script use cases as the app offers them: src/script's breakdown and idea → script, with the
 * LLM client made from the editor's key and settings, and shots turned into editable drafts.
 */
import type { ScriptResult } from "../script/breakdown";
import type { LlmAccess } from "../script/llm/llmPort";
import { breakdownScript, ideaToScript } from "../script/service";
import type { ScriptHint } from "../script/parse/detect";
import type { ScriptBreakdownView, ShotDraft } from "./api";
import type { ScriptService, ScriptServiceOptions } from "./scriptPort";
import type { Fetch } from "./ports";

/** A dynamic import in the bundles (its own chunk); tests reach the LLM through src/script directly. */
function loadLlm(): Promise<typeof import("../llm/openaiResponses.js")> {
  return import(/* webpackChunkName: "llm" */ "../llm/openaiResponses.js");
}

function loadLlmCheck(): Promise<typeof import("../llm/check.js")> {
  return import(/* webpackChunkName: "llm" */ "../llm/check.js");
}

const FORMATS: readonly ScriptHint[] = ["fountain", "plain", "transcript", "auto"];

/** `loadCheck`: how the key test's module is loaded (tests pass it in: jest runs no dynamic imports) */
export function createScriptService(fetchImpl: Fetch, o: { loadCheck?: typeof loadLlmCheck } = {}): ScriptService {
  const loadCheck = o.loadCheck ?? loadLlmCheck;
  // the openai SDK is most of the bundle's weight: it loads (a separate chunk) only once a key is set
  const access = async (o: ScriptServiceOptions): Promise<LlmAccess | null> => {
    if (!o.apiKey) return null;
    const { llmAccess } = await loadLlm();
    return llmAccess({ apiKey: o.apiKey, model: o.llmModel, ...(o.llmBaseUrl ? { baseURL: o.llmBaseUrl } : {}), fetch: fetchImpl });
  };
  return {
    async testLlm(o) {
      const { checkLlm } = await loadCheck();
      await checkLlm({ apiKey: o.apiKey ?? "", model: o.llmModel, ...(o.llmBaseUrl ? { baseURL: o.llmBaseUrl } : {}), fetch: fetchImpl });
    },
    async breakdown(text, o) {
      const format = FORMATS.find((f) => f === o.format) ?? "auto";
      const r = await breakdownScript(text, { style: o.stylePreset, maxPromptChars: o.maxPromptChars, wordsPerSecond: o.wordsPerSecond, ...clipLimits(o), format, useLlm: o.useLlm ?? false, llm: o.useLlm ? await access(o) : null, ...(o.castOverrides ? { castOverrides: o.castOverrides } : {}) });
      return view(r);
    },
    async ideaToScript(idea, o) {
      const r = await ideaToScript(idea, { style: o.stylePreset, maxPromptChars: o.maxPromptChars, wordsPerSecond: o.wordsPerSecond, ...clipLimits(o), llm: await access(o) });
      return { ...view(r), script: r.script };
    },
  };
}

function clipLimits(o: ScriptServiceOptions): { clipMinSeconds?: number; clipMaxSeconds?: number } {
  return { ...(o.clipMinSeconds !== undefined ? { clipMinSeconds: o.clipMinSeconds } : {}), ...(o.clipMaxSeconds !== undefined ? { clipMaxSeconds: o.clipMaxSeconds } : {}) };
}

function view(r: ScriptResult): ScriptBreakdownView {
  const shots: ShotDraft[] = r.shots.map((s) => ({
    id: `shot-${s.number}`,
    number: s.number,
    text: s.text,
    prompt: s.prompt,
    negativePrompt: s.negativePrompt,
    durationSeconds: s.durationSeconds,
    ...(s.scene ? { sceneLabel: s.scene.heading, location: s.scene.location } : {}),
    ...(s.characters.length ? { characters: s.characters } : {}),
    ...(s.range ? { sourceRange: s.range, startTimecode: clock(s.range.startSeconds), endTimecode: clock(s.range.endSeconds) } : {}),
  }));
  // the breakdown's cast seeds the bible: its name and the description prompts use
  const cast = r.cast.map((c) => ({ name: c.name, description: c.description ?? "" }));
  return { format: r.format, shots, notices: r.notices, ...(r.title ? { title: r.title } : {}), ...(cast.length ? { cast } : {}) };
}

/** mm:ss.s of a transcript time: the transcript's own clock, not the sequence's timecode */
function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${String(m).padStart(2, "0")}:${s.toFixed(1).padStart(4, "0")}`;
}

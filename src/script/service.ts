/**
 * The script use cases with their fallbacks: the LLM breakdown when the editor asked for it and it
 * works, else the deterministic one with a notice saying why; an idea becomes a Fountain script
 * (by the LLM, or as an outline to edit) that then takes the same path as any pasted script.
 */
import { breakdownParsed, breakdownText, type PromptedShot, type ScriptOptions, type ScriptResult } from "./breakdown";
import { LlmUnavailable, type LlmAccess } from "./llm/llmPort";
import type { LlmBreakdown } from "./llm/schemas";
import { parseFountain } from "./parse/fountain";
import { finishPrompt } from "./prompts/buildPrompt";
import type { SceneContext } from "./shots/shot";
import { DEFAULT_BREAKDOWN } from "./shots/shot";

export type { LlmAccess };

export interface BreakdownRequest extends ScriptOptions {
  readonly useLlm?: boolean;
  /** null: no key stored */
  readonly llm?: LlmAccess | null;
  readonly signal?: AbortSignal;
}

const NO_KEY = "Add an OpenAI key in Settings to use the AI breakdown; this is Cutaway's built-in breakdown.";
const MAX_LLM_SHOTS = 300;

export async function breakdownScript(text: string, r: BreakdownRequest): Promise<ScriptResult> {
  if (!r.useLlm) return breakdownText(text, r);
  if (!r.llm) return withNotice(breakdownText(text, r), NO_KEY);
  if (!text.trim()) return breakdownText(text, r);
  try {
    const answer = await r.llm.shotList(text, r.style, r.signal);
    const shots = fromLlm(answer, r);
    if (!shots.length) throw new LlmUnavailable("invalid", "The AI found no shots.");
    return { format: "llm", ...(answer.title?.trim() ? { title: answer.title.trim().slice(0, 200) } : {}), shots, notices: [] };
  } catch (e) {
    if (!(e instanceof LlmUnavailable)) throw e;
    return withNotice(breakdownText(text, r), `${e.message} Used Cutaway's built-in breakdown instead.`);
  }
}

export async function ideaToScript(idea: string, r: Omit<BreakdownRequest, "useLlm" | "format">): Promise<ScriptResult & { readonly script: string }> {
  const clean = idea.replace(/\s+/g, " ").trim().slice(0, 500);
  if (!clean) return { format: "fountain", shots: [], notices: ["Type an idea first, for example: a lighthouse keeper's last night before automation."], script: "" };
  let notice: string | null = null;
  if (r.llm) {
    try {
      const s = await r.llm.script(clean, r.signal);
      const doc = parseFountain(s.fountain);
      if (!doc.title && s.title.trim()) doc.title = s.title.trim().slice(0, 200);
      const result = breakdownParsed(doc, r);
      if (result.shots.length) return { ...result, script: s.fountain };
      notice = "The AI's script had no shots in it.";
    } catch (e) {
      if (!(e instanceof LlmUnavailable)) throw e;
      notice = e.message;
    }
  }
  const script = outline(clean);
  const result = breakdownParsed(parseFountain(script), r);
  const why = notice ? `${notice} ` : "Add an OpenAI key in Settings to have the AI write the script. ";
  return { ...withNotice(result, `${why}This is an outline to edit: change the scenes and break it down again.`), script };
}

/** An LLM answer becomes the same prompted shots as the deterministic path, bounded and cleaned. */
export function fromLlm(answer: LlmBreakdown, o: ScriptOptions): PromptedShot[] {
  const cast = new Map<string, string>();
  for (const c of answer.characters.slice(0, 50)) if (c.name.trim()) cast.set(c.name.trim().slice(0, 60), c.description.trim().slice(0, 120));
  const min = o.minSeconds ?? DEFAULT_BREAKDOWN.minSeconds;
  const out: PromptedShot[] = [];
  let scene = null as SceneContext | null;
  for (const s of answer.shots) {
    if (out.length >= MAX_LLM_SHOTS) break;
    const text = s.description.replace(/\s+/g, " ").trim().slice(0, 600);
    const prompt = s.prompt.trim() || text;
    if (!text || !prompt) continue;
    const location = s.location?.trim().slice(0, 120) || null;
    if (location && location !== scene?.location) {
      scene = { number: (scene?.number ?? 0) + 1, heading: location, location, timeOfDay: s.timeOfDay?.trim().slice(0, 40) || null, interior: s.interior };
    }
    const a = s.transcriptStartSeconds;
    const b = s.transcriptEndSeconds;
    const ranged = a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b) && a >= 0 && b > a;
    const duration = ranged ? b - a : Number.isFinite(s.durationSeconds) ? Math.min(10, Math.max(min, s.durationSeconds)) : min;
    const finished = finishPrompt(prompt, o.style, o.maxPromptChars);
    const extraNegative = s.negativePrompt?.trim().slice(0, 200);
    out.push({
      number: out.length + 1,
      text,
      source: "llm",
      scene,
      characters: s.characters.map((c) => c.trim().slice(0, 60)).filter(Boolean).slice(0, 12),
      durationSeconds: Math.round(duration * 1000) / 1000,
      durationFrom: ranged ? "transcript" : "llm",
      ...(ranged ? { range: { startSeconds: a, endSeconds: b } } : {}),
      line: 0,
      prompt: finished.prompt,
      negativePrompt: extraNegative ? `${finished.negativePrompt}, ${extraNegative}` : finished.negativePrompt,
    });
  }
  return out;
}

/** A three-scene outline built from the idea, when no LLM can write one. */
function outline(idea: string): string {
  const title = idea.replace(/[.!?]+$/, "");
  return [
    `Title: ${title}`,
    "",
    "EXT. OPENING - DAY",
    "",
    `A wide view that sets the world of the idea: ${title}.`,
    "",
    "INT. THE HEART OF IT - DAY",
    "",
    `Close details of ${title}: hands at work, faces, textures.`,
    "",
    "The moment everything turns.",
    "",
    "EXT. CLOSING - DUSK",
    "",
    `A last wide image that resolves ${title}.`,
    "",
  ].join("\n");
}

function withNotice<T extends ScriptResult>(r: T, notice: string): T {
  return { ...r, notices: [notice, ...r.notices] };
}

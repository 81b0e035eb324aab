/**
 * The script use cases with their fallbacks: the LLM breakdown when the editor asked for it and it
 * works, else the deterministic one with a notice saying why; an idea becomes a Fountain script
 * (by the LLM, or as an outline to edit) that then takes the same path as any pasted script.
 */
import { breakdownParsed, castEntries, type PromptedShot, type ScriptOptions, type ScriptResult } from "./breakdown";
import { LlmUnavailable, type LlmAccess } from "./llm/llmPort";
import type { LlmBreakdown } from "./llm/schemas";
import { parseScript } from "./parse/detect";
import { parseFountain } from "./parse/fountain";
import { repairEncoding } from "./parse/mojibake";
import { finishPrompt, visual } from "./prompts/buildPrompt";
import { castFromList, castOf, type Cast } from "./shots/cast";
import { DEFAULT_BREAKDOWN, type BreakdownOptions, type Framing, type SceneContext } from "./shots/shot";
import { pieces } from "./shots/speech";
import { wordCount } from "./shots/words";

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
  // both paths start from the same parse and the same cast bible
  const doc = parseScript(text, r.format ?? "auto");
  const builtIn = () => breakdownParsed(doc, r);
  if (!r.useLlm) return builtIn();
  if (!r.llm) return withNotice(builtIn(), NO_KEY);
  if (!text.trim()) return builtIn();
  const bible = castOf(doc.elements, r.castOverrides);
  try {
    const cast = bible.members.map((m) => ({ name: m.name, description: bible.describe(m.name, null) }));
    // the model reads the repaired text: mojibake and U+FFFD would end up in its prompts
    const answer = await r.llm.shotList({ text: repairEncoding(text).text, style: r.style, cast }, r.signal);
    const shots = fromLlm(answer, r, bible);
    if (!shots.length) throw new LlmUnavailable("invalid", "The AI found no shots.");
    const notices = [...doc.warnings];
    return { format: "llm", ...(answer.title?.trim() ? { title: answer.title.trim().slice(0, 200) } : {}), shots, notices, cast: castEntries(merged(bible, answer, r), r.castOverrides) };
  } catch (e) {
    if (!(e instanceof LlmUnavailable)) throw e;
    return withNotice(builtIn(), `${e.message} Used Cutaway's built-in breakdown instead.`);
  }
}

export async function ideaToScript(idea: string, r: Omit<BreakdownRequest, "useLlm" | "format">): Promise<ScriptResult & { readonly script: string }> {
  const clean = idea.replace(/\s+/g, " ").trim().slice(0, 500);
  if (!clean) return { format: "fountain", shots: [], notices: ["Type an idea first, for example: a lighthouse keeper's last night before automation."], cast: [], script: "" };
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

/** The bible, plus the characters only the LLM named (with its description for them). */
function merged(bible: Cast, answer: LlmBreakdown, o: ScriptOptions): Cast {
  const extra = answer.characters.slice(0, 50).filter((c) => c.name.trim() && !bible.resolve(c.name));
  if (!extra.length) return bible;
  const list = [
    ...bible.members.map((m) => ({ name: m.name, description: bible.describe(m.name, null) ?? "" })),
    ...extra.map((c) => ({ name: c.name.trim().slice(0, 60), description: c.description.trim().slice(0, 120) })),
  ];
  return castFromList(list, o.castOverrides);
}

const PIECE_LOOKS: Readonly<Record<Framing, string>> = { medium: "", reverse: "reverse angle", close: "close-up", insert: "insert detail", wide: "wide angle" };
const PIECE_ORDER: readonly Framing[] = ["medium", "reverse", "close", "insert"];

/**
 * An LLM answer becomes the same prompted shots as the deterministic path, bounded and cleaned: people
 * are described from the cast bible (the editor's overrides first), and a shot under dialogue is timed
 * by its words exactly as the built-in breakdown times them, split the same way when it is long.
 */
export function fromLlm(answer: LlmBreakdown, o: ScriptOptions, bible?: Cast): PromptedShot[] {
  const cast = bible ? merged(bible, answer, o) : castFromList(answer.characters.slice(0, 50).map((c) => ({ name: c.name.trim().slice(0, 60), description: c.description.trim().slice(0, 120) })), o.castOverrides);
  const bo: BreakdownOptions = { ...DEFAULT_BREAKDOWN, ...o };
  const longest = Math.min(10, bo.clipMaxSeconds);
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
    const characters = [...new Set(s.characters.map((c) => c.trim().slice(0, 60)).filter(Boolean).map((c) => cast.resolve(c)?.name ?? c))].slice(0, 12);
    const who = characters.map((c) => ({ c, d: cast.describe(c, null) })).filter((x) => x.d && !prompt.includes(x.d));
    const described = who.length ? `${prompt.replace(/[\s.]+$/, "")}. ${who.map((x) => `${x.c} (${visual(x.d!)})`).join("; ")}` : prompt;
    const extraNegative = s.negativePrompt?.trim().slice(0, 200);
    const a = s.transcriptStartSeconds;
    const b = s.transcriptEndSeconds;
    const ranged = a !== null && b !== null && Number.isFinite(a) && Number.isFinite(b) && a >= 0 && b > a;
    const spoken = s.dialogue?.trim() ? Math.max(1, wordCount(s.dialogue)) / bo.wordsPerSecond : null;
    const durations = ranged ? [b - a] : spoken !== null ? pieces(spoken, bo) : [Number.isFinite(s.durationSeconds) ? Math.min(longest, Math.max(bo.minSeconds, s.durationSeconds)) : bo.minSeconds];
    durations.forEach((d, i) => {
      if (out.length >= MAX_LLM_SHOTS) return;
      const look = durations.length > 1 ? PIECE_LOOKS[PIECE_ORDER[i % PIECE_ORDER.length]!] : "";
      const finished = finishPrompt(look ? `${look}: ${described}` : described, o.style, o.maxPromptChars);
      out.push({
        number: out.length + 1,
        text,
        source: "llm",
        scene,
        characters,
        durationSeconds: Math.round(d * 1000) / 1000,
        durationFrom: ranged ? "transcript" : spoken !== null ? "words" : "llm",
        ...(spoken !== null && !ranged ? { spokenSeconds: d } : {}),
        ...(ranged ? { range: { startSeconds: a, endSeconds: b } } : {}),
        line: 0,
        prompt: finished.prompt,
        negativePrompt: extraNegative ? `${finished.negativePrompt}, ${extraNegative}` : finished.negativePrompt,
      });
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

/**
 * Text in, prompted shots out: parse (any supported format), break down, write prompts. The one
 * deterministic path every script takes, with or without an LLM.
 */
import type { ScriptDocument } from "./parse/model";
import { parseScript, type ScriptHint } from "./parse/detect";
import { buildPrompt } from "./prompts/buildPrompt";
import type { Cast } from "./shots/cast";
import { breakdownDocument } from "./shots/fromDocument";
import type { BreakdownOptions, Shot } from "./shots/shot";

export interface PromptedShot extends Shot {
  readonly prompt: string;
  readonly negativePrompt: string;
}

export interface ScriptResult {
  /** "fountain" | "plain" | "shot_list" | "transcript" | "llm" */
  readonly format: string;
  readonly title?: string;
  readonly shots: readonly PromptedShot[];
  /** what the editor should know: truncation, fallbacks, nothing found */
  readonly notices: readonly string[];
  /** the characters found, with the script's description at first mention (seeds the bible) */
  readonly cast?: Cast;
}

export interface ScriptOptions extends Partial<BreakdownOptions> {
  readonly style: string;
  /** the chosen backend's prompt limit */
  readonly maxPromptChars: number;
  readonly format?: ScriptHint;
}

export function breakdownText(text: string, o: ScriptOptions): ScriptResult {
  return breakdownParsed(parseScript(text, o.format ?? "auto"), o);
}

export function breakdownParsed(doc: ScriptDocument, o: ScriptOptions): ScriptResult {
  const b = breakdownDocument(doc, o);
  const shots = promptShots(b.shots, b.cast, o);
  const notices = [...doc.warnings, ...b.warnings];
  if (!shots.length && !doc.warnings.length) notices.push(nothingFound(doc));
  return { format: doc.kind, ...(doc.title ? { title: doc.title } : {}), shots, notices, cast: b.cast };
}

export function promptShots(shots: readonly Shot[], cast: Cast, o: Pick<ScriptOptions, "style" | "maxPromptChars">): PromptedShot[] {
  return shots.map((s) => ({ ...s, ...buildPrompt(s, { style: o.style, cast, maxChars: o.maxPromptChars }) }));
}

function nothingFound(doc: ScriptDocument): string {
  if (doc.kind === "transcript") return "The transcript has no timed words to cover.";
  return "No shots were found in this text. Paste action, narration, a numbered shot list or a transcript.";
}

/**
 * Text in, prompted shots out: parse (any supported format), break down, write prompts. The one
 * deterministic path every script takes, with or without an LLM.
 */
import type { ScriptDocument } from "./parse/model";
import { parseScript, type ScriptHint } from "./parse/detect";
import { buildPrompt } from "./prompts/buildPrompt";
import type { Cast, CastOverrides } from "./shots/cast";
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
  /** the cast bible every prompt describes characters from, for the editor to check and override */
  readonly cast: readonly CastEntry[];
}

export interface CastEntry {
  readonly name: string;
  readonly variants: readonly string[];
  /** the description prompts use (the editor's override, else the first introduction) */
  readonly description: string | null;
  /** later introductions, each from its scene on */
  readonly descriptions: ReadonlyArray<{ readonly fromScene: number; readonly text: string }>;
  readonly overridden: boolean;
}

export interface ScriptOptions extends Partial<BreakdownOptions> {
  readonly style: string;
  /** the chosen backend's prompt limit */
  readonly maxPromptChars: number;
  readonly format?: ScriptHint;
  /** the editor's own description of a character, by name: used in every prompt instead of the script's */
  readonly castOverrides?: CastOverrides;
}

export function breakdownText(text: string, o: ScriptOptions): ScriptResult {
  return breakdownParsed(parseScript(text, o.format ?? "auto"), o);
}

export function breakdownParsed(doc: ScriptDocument, o: ScriptOptions): ScriptResult {
  const b = breakdownDocument(doc, o, o.castOverrides);
  const shots = promptShots(b.shots, b.cast, o);
  const notices = [...doc.warnings, ...b.warnings];
  if (!shots.length && !doc.warnings.length) notices.push(nothingFound(doc));
  return { format: doc.kind, ...(doc.title ? { title: doc.title } : {}), shots, notices, cast: castEntries(b.cast, o.castOverrides) };
}

export function castEntries(cast: Cast, overrides: CastOverrides = {}): CastEntry[] {
  const overridden = new Set(Object.entries(overrides).filter(([, v]) => v.trim()).map(([k]) => cast.resolve(k)).filter((m) => m !== undefined));
  return cast.members.map((m) => ({ name: m.name, variants: m.variants, description: cast.describe(m.name, null), descriptions: m.descriptions, overridden: overridden.has(m) }));
}

/** Prompts added to the breakdown's own shots, in place: copying 2,000 shots of mixed shapes shows in the bench. */
export function promptShots(shots: readonly Shot[], cast: Cast, o: Pick<ScriptOptions, "style" | "maxPromptChars">): PromptedShot[] {
  const po = { style: o.style, cast, maxChars: o.maxPromptChars };
  return shots.map((s) => Object.assign(s, buildPrompt(s, po)));
}

function nothingFound(doc: ScriptDocument): string {
  if (doc.kind === "transcript") return "The transcript has no timed words to cover.";
  return "No shots were found in this text. Paste action, narration, a numbered shot list or a transcript.";
}

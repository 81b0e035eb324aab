/**
 * A shot: one visual beat with what a prompt and the planner need — where it happens, who is in it,
 * how long it runs and, for transcripts, which stretch of the words it covers.
 */
export interface SceneContext {
  /** 1-based scene number in the script (every heading counts, places or not) */
  readonly number: number;
  readonly heading: string;
  readonly location: string;
  /** as the heading wrote it ("DAY (LATER)"); prompts read the light from it */
  readonly timeOfDay: string | null;
  /** true interior, false exterior, null unknown or both */
  readonly interior: boolean | null;
  /** a forced heading's framing ("sniper scope pov"), null for an ordinary scene */
  readonly framing?: string | null;
  /** "flashback", "1999": when the scene happens, if not now */
  readonly period?: string | null;
}

export type ShotSource = "establishing" | "action" | "coverage" | "voice_over" | "shot_list" | "narration" | "transcript" | "llm";

/** how a coverage or voice-over shot is framed, so the pieces of one long speech are different pictures */
export type Framing = "medium" | "reverse" | "close" | "insert" | "wide";

export type DurationSource = "hint" | "transcript" | "words" | "default" | "llm";

export interface Shot {
  readonly number: number;
  /** the visual beat in the script's words (never dialogue) */
  readonly text: string;
  readonly source: ShotSource;
  readonly scene: SceneContext | null;
  readonly characters: readonly string[];
  readonly framing?: Framing;
  readonly durationSeconds: number;
  readonly durationFrom: DurationSource;
  /** seconds of dialogue this shot plays under, at the words-per-second setting */
  readonly spokenSeconds?: number;
  /** transcript time covered (seconds from the transcript's start): B-roll lands under these words */
  readonly range?: { readonly startSeconds: number; readonly endSeconds: number };
  /** 1-based source line, so the panel can point back at the script */
  readonly line: number;
}

export interface BreakdownOptions {
  /** narration / reading speed used to time action and dialogue (2.5 ≈ 150 words a minute) */
  readonly wordsPerSecond: number;
  /** the shortest and longest shot a beat or a piece of a speech becomes */
  readonly minSeconds: number;
  readonly maxSeconds: number;
  /** what the backend renders: hinted durations are clamped to it, and no shot is longer */
  readonly clipMinSeconds: number;
  readonly clipMaxSeconds: number;
  readonly establishingSeconds: number;
  /** an establishing shot for every scene heading */
  readonly establishing: boolean;
  /** transcript groups end at a pause this long (s) */
  readonly transcriptPauseSeconds: number;
  /** bound on the output: a 5 MB paste must not become 100 000 shots */
  readonly maxShots: number;
}

export const DEFAULT_BREAKDOWN: BreakdownOptions = {
  wordsPerSecond: 2.5,
  minSeconds: 2,
  maxSeconds: 8,
  clipMinSeconds: 1,
  clipMaxSeconds: 60,
  establishingSeconds: 3,
  establishing: true,
  transcriptPauseSeconds: 1.5,
  maxShots: 2000,
};

/** The shortest and longest shot that both reads well and the backend renders. */
export function shotBounds(o: BreakdownOptions): { min: number; max: number } {
  const max = Math.max(0.5, Math.min(o.maxSeconds, o.clipMaxSeconds));
  return { min: Math.min(o.minSeconds, max), max };
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A shot: one visual beat with what a prompt and the planner need — where it happens, who is in it,
 * how long it runs and, for transcripts, which stretch of the words it covers.
 */
export interface SceneContext {
  /** 1-based scene number in the script */
  readonly number: number;
  readonly heading: string;
  readonly location: string;
  readonly timeOfDay: string | null;
  /** true interior, false exterior, null unknown or both */
  readonly interior: boolean | null;
}

export type ShotSource = "establishing" | "action" | "coverage" | "shot_list" | "narration" | "transcript" | "llm";

export type DurationSource = "hint" | "transcript" | "words" | "default" | "llm";

export interface Shot {
  readonly number: number;
  /** the visual beat in the script's words (never dialogue) */
  readonly text: string;
  readonly source: ShotSource;
  readonly scene: SceneContext | null;
  readonly characters: readonly string[];
  readonly durationSeconds: number;
  readonly durationFrom: DurationSource;
  /** transcript time covered (seconds from the transcript's start): B-roll lands under these words */
  readonly range?: { readonly startSeconds: number; readonly endSeconds: number };
  /** 1-based source line, so the panel can point back at the script */
  readonly line: number;
}

export interface BreakdownOptions {
  /** narration / reading speed used to time action and dialogue (2.5 ≈ 150 words a minute) */
  readonly wordsPerSecond: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
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
  establishingSeconds: 3,
  establishing: true,
  transcriptPauseSeconds: 1.5,
  maxShots: 2000,
};

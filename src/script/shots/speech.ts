/**
 * Dialogue becomes pictures timed by the words spoken (never shown). On-camera lines are coverage of
 * the speakers; a long speech is several shots (the speaker, a reverse on the listener, a close-up,
 * an insert) whose durations add up to the spoken time. Voice-over and off-screen lines show what
 * the scene shows, never the speaker.
 */
import type { DialogueElement } from "../parse/model";
import { displayName, type Cast } from "./cast";
import { round1, shotBounds, type BreakdownOptions, type Framing, type SceneContext, type Shot } from "./shot";
import { wordCount } from "./words";

/** a shot before it is numbered; the breakdown fills and numbers drafts in place */
export type Draft = { -readonly [K in keyof Omit<Shot, "number">]: Omit<Shot, "number">[K] };

/**
 * Every draft is built with the same fields in the same order (absent ones undefined), and with
 * room for its number and prompt: the prompt builder reads 2,000 of them, and one object shape keeps
 * that fast (bench: script.breakdown).
 */
export function draft(d: Draft): Draft {
  const shaped = {
    number: 0,
    text: d.text,
    source: d.source,
    scene: d.scene,
    characters: d.characters,
    framing: d.framing,
    durationSeconds: d.durationSeconds,
    durationFrom: d.durationFrom,
    spokenSeconds: d.spokenSeconds,
    range: d.range,
    line: d.line,
    prompt: undefined as string | undefined,
    negativePrompt: undefined as string | undefined,
  };
  return shaped as Draft;
}

/** What the scene shows around an off-screen line: the last beat, filled in later when there is none yet. */
export interface Picture {
  readonly text: string;
  readonly characters: readonly string[];
}

const OFF_SCREEN = /^(?:V\.? ?O\.?|O\.? ?S\.?|O\.? ?C\.?|OFF|OFF[- ]?SCREEN|OFF[- ]?CAMERA|PRE-?LAP|FILTERED|ON (?:THE )?(?:PHONE|RADIO|TV|SPEAKER|INTERCOM)|OVER (?:THE )?(?:PHONE|RADIO|SPEAKER|INTERCOM|PA)|V\.?O\.? CONT'?D)$/i;

/** V.O., O.S., O.C., PRELAP, a voice on a phone: the speaker is not in the picture. */
export function isOffScreen(d: DialogueElement): boolean {
  if (!d.extension) return false;
  return (d.extension ?? "").split(/\s*,\s*/).some((e) => OFF_SCREEN.test(e.trim().replace(/[’]/g, "'")));
}

export function spokenSeconds(d: DialogueElement, o: BreakdownOptions): number {
  return Math.max(1, wordCount(d.text)) / o.wordsPerSecond;
}

/** Spoken time cut into the fewest pieces that each fit the longest shot, in tenths that add up exactly. */
export function pieces(seconds: number, o: BreakdownOptions): number[] {
  const { min, max } = shotBounds(o);
  const total = Math.round(seconds * 10);
  if (seconds <= max) return [Math.max(min, round1(seconds))];
  for (let k = Math.ceil(seconds / max); ; k++) {
    const out: number[] = [];
    for (let i = 1, prev = 0; i <= k; i++) {
      const b = Math.round((total * i) / k);
      out.push((b - prev) / 10);
      prev = b;
    }
    if (out.every((p) => p <= max)) return out;
  }
}

export interface SpeechContext {
  readonly scene: SceneContext | null;
  readonly cast: Cast;
  readonly o: BreakdownOptions;
  /** the beat before the lines in this scene, null when none yet */
  readonly picture: Picture | null;
  /** who else is in the scene, for reverse shots */
  readonly present: readonly string[];
}

const SPEECH_FRAMINGS: readonly Framing[] = ["medium", "reverse", "close", "insert"];
const PICTURE_FRAMINGS: readonly Framing[] = ["wide", "close", "insert"];

/**
 * A run of dialogue as shots. Off-screen shots whose picture is not known yet have no text (isPending)
 * so the breakdown can fill them with the next beat of the scene, or its location.
 */
export function speechShots(run: readonly DialogueElement[], c: SpeechContext): Draft[] {
  const out: Draft[] = [];
  const speakerOf = (d: DialogueElement) => c.cast.resolve(d.character)?.name ?? displayName(d.character);
  // only a long speech needs the others in the run (for its reverse shot)
  let speakers: string[] | null = null;
  const onCamera = () => (speakers ??= [...new Set(run.filter((d) => !isOffScreen(d)).map(speakerOf))]);
  let group: DialogueElement[] = [];
  let groupSeconds = 0;
  const { max } = shotBounds(c.o);

  const flush = () => {
    if (!group.length) return;
    const who: string[] = [];
    for (const g of group) {
      const n = speakerOf(g);
      if (!who.includes(n)) who.push(n);
    }
    const text = who.length === 1 ? `${who[0]} speaking` : `${listOf(who)} in conversation`;
    const [d] = pieces(groupSeconds, c.o);
    out.push(draft({ text, source: "coverage", scene: c.scene, characters: who, framing: "medium", durationSeconds: d!, durationFrom: "words", spokenSeconds: round1(groupSeconds), line: group[0]!.line }));
    group = [];
    groupSeconds = 0;
  };

  for (const d of run) {
    const s = spokenSeconds(d, c.o);
    if (isOffScreen(d)) {
      flush();
      out.push(...offScreen(d, s, c));
      continue;
    }
    if (s > max) {
      flush();
      out.push(...longSpeech(d, speakerOf(d), s, onCamera(), c));
      continue;
    }
    if (group.length && groupSeconds + s > max) flush();
    group.push(d);
    groupSeconds += s;
  }
  flush();
  return out;
}

function longSpeech(d: DialogueElement, speaker: string, seconds: number, speakers: readonly string[], c: SpeechContext): Draft[] {
  const listener = speakers.find((s) => s !== speaker) ?? c.present.find((s) => s !== speaker) ?? null;
  const framings = SPEECH_FRAMINGS.filter((f) => f !== "reverse" || listener);
  const parts = pieces(seconds, c.o);
  return parts.map((p, i) => {
    const framing = framings[i % framings.length]!;
    const text =
      framing === "reverse" ? `${listener} listening to ${speaker}` : framing === "close" ? `${speaker} speaking` : framing === "insert" ? `${speaker}'s hands as ${speaker} talks` : `${speaker} speaking`;
    const characters = framing === "reverse" ? [listener!, speaker] : [speaker];
    return draft({ text, source: "coverage", scene: c.scene, characters, framing, durationSeconds: p, durationFrom: "words", spokenSeconds: p, line: d.line });
  });
}

export function isPending(d: Draft): boolean {
  return d.source === "voice_over" && d.text === "";
}

function offScreen(d: DialogueElement, seconds: number, c: SpeechContext): Draft[] {
  return pieces(seconds, c.o).map((p, i) => {
    const framing = PICTURE_FRAMINGS[i % PICTURE_FRAMINGS.length]!;
    const characters = c.picture ? [...c.picture.characters] : [];
    return draft({ text: c.picture?.text ?? "", source: "voice_over", scene: c.scene, characters, framing, durationSeconds: p, durationFrom: "words", spokenSeconds: p, line: d.line });
  });
}

export function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

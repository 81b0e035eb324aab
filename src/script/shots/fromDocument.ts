/**
 * The deterministic breakdown: a parsed script becomes shots, one per visual beat. It is what runs
 * with no LLM key, and what the LLM path falls back to, so it must be sensible on its own: scene
 * headings get an establishing shot, action paragraphs a shot each, dialogue runs become coverage
 * timed by their words, shot-list lines keep their `(4s)` hints, transcripts land on their times.
 */
import type { DialogueElement, ScriptDocument, TranscriptSegmentElement } from "../parse/model";
import { extractDuration } from "../parse/plainText";
import { castOf, charactersIn, displayName, type Cast } from "./cast";
import { DEFAULT_BREAKDOWN, type BreakdownOptions, type SceneContext, type Shot } from "./shot";
import { sentences, wordCount } from "./words";

export interface Breakdown {
  readonly shots: readonly Shot[];
  readonly cast: Cast;
  readonly warnings: readonly string[];
}

type Draft = Omit<Shot, "number">;

export function breakdownDocument(doc: ScriptDocument, options: Partial<BreakdownOptions> = {}): Breakdown {
  const o: BreakdownOptions = { ...DEFAULT_BREAKDOWN, ...options };
  const cast = castOf(doc.elements);
  const out: Draft[] = [];
  const warnings: string[] = [];
  let scene: SceneContext | null = null;
  let sceneCount = 0;
  let dialogue: DialogueElement[] = [];
  let transcript: TranscriptSegmentElement[] = [];
  const full = () => out.length >= o.maxShots;

  const words = (n: number) => clamp(n / o.wordsPerSecond, o.minSeconds, o.maxSeconds);
  const flushDialogue = () => {
    if (dialogue.length) out.push(...coverage(dialogue, scene, o));
    dialogue = [];
  };
  const flushTranscript = () => {
    if (transcript.length) out.push(...transcriptShots(transcript, o));
    transcript = [];
  };

  let truncated = false;
  for (const el of doc.elements) {
    if (full()) {
      truncated = true;
      break;
    }
    if (el.type !== "dialogue" && el.type !== "page_break") flushDialogue();
    if (el.type !== "transcript_segment") flushTranscript();
    switch (el.type) {
      case "scene_heading": {
        sceneCount += 1;
        scene = {
          number: sceneCount,
          heading: el.text,
          location: el.location || el.text,
          timeOfDay: el.timeOfDay,
          interior: el.intExt === "INT" ? true : el.intExt === "EXT" || el.intExt === "EST" ? false : null,
        };
        if (o.establishing) out.push({ text: scene.location, source: "establishing", scene, characters: [], durationSeconds: o.establishingSeconds, durationFrom: "default", line: el.line });
        break;
      }
      case "action":
        if (!el.lyric) out.push(...prose(el.text, el.line, "action", scene, cast, o, words));
        break;
      case "paragraph":
        out.push(...prose(el.text, el.line, "narration", scene, cast, o, words));
        break;
      case "shot_line": {
        const hinted = el.durationSeconds !== undefined && el.durationSeconds > 0;
        out.push({
          text: el.text,
          source: "shot_list",
          scene,
          characters: charactersIn(el.text, cast),
          durationSeconds: hinted ? round1(el.durationSeconds!) : words(wordCount(el.text)),
          durationFrom: hinted ? "hint" : "words",
          line: el.line,
        });
        break;
      }
      case "dialogue":
        dialogue.push(el);
        break;
      case "transcript_segment":
        transcript.push(el);
        break;
      default:
        // transitions, centered text, sections, synopses, page breaks: structure, not pictures
        break;
    }
  }
  flushDialogue();
  flushTranscript();
  if (out.length > o.maxShots) {
    truncated = true;
    out.length = o.maxShots;
  }
  if (truncated) warnings.push(`The script makes more than ${o.maxShots} shots; only the first ${o.maxShots} were kept. Break it down one part at a time.`);
  return { shots: out.map((d, i) => ({ ...d, number: i + 1 })), cast, warnings };
}

/** An action paragraph or narration: one shot, or several when it runs past the longest shot. */
function prose(text: string, line: number, source: "action" | "narration", scene: SceneContext | null, cast: Cast, o: BreakdownOptions, words: (n: number) => number): Draft[] {
  const hint = extractDuration(text);
  const body = (hint ? hint.rest : text).trim();
  if (!body) return [];
  if (hint && hint.seconds > 0) return [{ text: body, source, scene, characters: charactersIn(body, cast), durationSeconds: round1(hint.seconds), durationFrom: "hint", line }];
  const groups: string[] = [];
  let cur: string[] = [];
  let curWords = 0;
  for (const s of sentences(body)) {
    const n = wordCount(s);
    if (cur.length && (curWords + n) / o.wordsPerSecond > o.maxSeconds) {
      groups.push(cur.join(" "));
      cur = [];
      curWords = 0;
    }
    cur.push(s);
    curWords += n;
  }
  if (cur.length) groups.push(cur.join(" "));
  return groups.map((g) => ({ text: g, source, scene, characters: charactersIn(g, cast), durationSeconds: words(wordCount(g)), durationFrom: "words" as const, line }));
}

/** A run of dialogue becomes coverage of the speakers, timed by the words spoken (never shown). */
function coverage(run: readonly DialogueElement[], scene: SceneContext | null, o: BreakdownOptions): Draft[] {
  const out: Draft[] = [];
  let group: DialogueElement[] = [];
  let groupWords = 0;
  const flush = () => {
    if (!group.length) return;
    const speakers = [...new Set(group.map((d) => displayName(d.character)))];
    const text = speakers.length === 1 ? `${speakers[0]} speaking` : `${listOf(speakers)} in conversation`;
    out.push({ text, source: "coverage", scene, characters: speakers, durationSeconds: clamp(groupWords / o.wordsPerSecond, o.minSeconds, o.maxSeconds), durationFrom: "words", line: group[0]!.line });
    group = [];
    groupWords = 0;
  };
  for (const d of run) {
    const n = Math.max(1, wordCount(d.text));
    if (group.length && (groupWords + n) / o.wordsPerSecond > o.maxSeconds) flush();
    group.push(d);
    groupWords += n;
  }
  flush();
  return out;
}

/** Segments grouped into sentences that end on a pause or a full stop; each shot covers its words' time. */
function transcriptShots(segments: readonly TranscriptSegmentElement[], o: BreakdownOptions): Draft[] {
  const out: Draft[] = [];
  let group: TranscriptSegmentElement[] = [];
  const flush = () => {
    if (!group.length) return;
    const start = group[0]!.startSeconds;
    const end = Math.max(start, group[group.length - 1]!.endSeconds);
    out.push(...splitLong(group.map((g) => g.text).join(" "), start, end, group[0]!.line, o));
    group = [];
  };
  for (const seg of segments) {
    const prev = group[group.length - 1];
    if (prev) {
      const pause = seg.startSeconds - prev.endSeconds > o.transcriptPauseSeconds;
      const long = seg.endSeconds - group[0]!.startSeconds > o.maxSeconds;
      const sentenceDone = /[.!?…]["')\]]?$/.test(prev.text.trim()) && prev.endSeconds - group[0]!.startSeconds >= o.minSeconds;
      if (pause || long || sentenceDone) flush();
    }
    group.push(seg);
  }
  flush();
  return out;
}

/** One segment longer than the longest shot is cut into equal stretches, its words shared out alike. */
function splitLong(text: string, start: number, end: number, line: number, o: BreakdownOptions): Draft[] {
  const span = end - start;
  const parts = Math.max(1, Math.ceil(span / o.maxSeconds - 0.25));
  const ws = text.split(/\s+/).filter(Boolean);
  const out: Draft[] = [];
  for (let i = 0; i < parts; i++) {
    const a = start + (span * i) / parts;
    const b = start + (span * (i + 1)) / parts;
    const slice = ws.slice(Math.floor((ws.length * i) / parts), Math.floor((ws.length * (i + 1)) / parts)).join(" ") || text;
    out.push({ text: slice, source: "transcript", scene: null, characters: [], durationSeconds: round3(b - a), durationFrom: "transcript", range: { startSeconds: round3(a), endSeconds: round3(b) }, line });
  }
  return out;
}

function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function clamp(x: number, lo: number, hi: number): number {
  return round1(Math.min(hi, Math.max(lo, x)));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

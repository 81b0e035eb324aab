/**
 * The deterministic breakdown: a parsed script becomes shots, one per visual beat. It is what runs
 * with no LLM key, and what the LLM path falls back to, so it must be sensible on its own: scene
 * headings get an establishing shot, action paragraphs a shot each, dialogue runs become coverage
 * timed by their words, shot-list lines keep their `(4s)` hints, transcripts land on their times.
 */
import type { DialogueElement, ScriptDocument, TranscriptSegmentElement } from "../parse/model";
import { castOf, charactersIn, type Cast, type CastOverrides } from "./cast";
import { proseShots } from "./prose";
import { sceneFrom } from "./scene";
import { DEFAULT_BREAKDOWN, round1, shotBounds, type BreakdownOptions, type SceneContext, type Shot } from "./shot";
import { draft, isOffScreen, isPending, speechShots, type Draft, type Picture } from "./speech";
import { transcriptShots } from "./transcriptShots";
import { wordCount } from "./words";

const MONTAGE_START = /^(?:BEGIN |START )?(?:MONTAGE|SERIES OF SHOTS)\b/i;
const MONTAGE_END = /^(?:END (?:OF )?(?:MONTAGE|SERIES OF SHOTS)|BACK TO SCENE)\b/i;

export interface Breakdown {
  readonly shots: readonly Shot[];
  readonly cast: Cast;
  readonly warnings: readonly string[];
}

export function breakdownDocument(doc: ScriptDocument, options: Partial<BreakdownOptions> = {}, overrides: CastOverrides = {}): Breakdown {
  const o: BreakdownOptions = { ...DEFAULT_BREAKDOWN, ...options };
  const { min, max } = shotBounds(o);
  const cast = castOf(doc.elements, overrides);
  const out: Draft[] = [];
  const warnings: string[] = [];
  const clamped: string[] = [];
  let scene: SceneContext | null = null;
  let sceneCount = 0;
  // what the scene shows so far: off-screen lines play over it, pronouns refer to its people
  let picture: Picture | null = null;
  let subject: string | null = null;
  let present: string[] = [];
  let pending: number[] = [];
  let montageOf: SceneContext | null = null;
  let dialogue: DialogueElement[] = [];
  let transcript: TranscriptSegmentElement[] = [];
  const full = () => out.length >= o.maxShots;

  const fillPending = (p: Picture) => {
    for (const i of pending) {
      out[i]!.text = p.text;
      out[i]!.characters = [...p.characters];
    }
    pending = [];
  };
  const beats = (drafts: Draft[]) => {
    if (!drafts.length) return;
    out.push(...drafts);
    const last = drafts[drafts.length - 1]!;
    fillPending(drafts[0]!);
    picture = { text: last.text, characters: last.characters };
    for (const d of drafts) for (const c of d.characters) if (!present.includes(c)) present.push(c);
    const named = last.characters[last.characters.length - 1];
    if (named) subject = named;
  };
  const flushDialogue = () => {
    if (!dialogue.length) return;
    const drafts = speechShots(dialogue, { scene, cast, o, picture, present });
    for (const d of drafts) {
      if (isPending(d)) pending.push(out.length);
      out.push(d);
    }
    for (const d of dialogue) {
      if (isOffScreen(d)) continue;
      const who = cast.resolve(d.character)?.name;
      if (who) {
        subject = who;
        if (!present.includes(who)) present.push(who);
      }
    }
    dialogue = [];
  };
  const flushTranscript = () => {
    if (transcript.length) out.push(...transcriptShots(transcript, o));
    transcript = [];
  };
  const endScene = () => fillPending({ text: scene?.location ?? "", characters: [] });

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
        endScene();
        montageOf = null;
        sceneCount += 1;
        const start = sceneFrom(el, sceneCount, scene);
        scene = start.scene;
        picture = null;
        if (start.isPlace) {
          subject = null;
          present = [];
          if (o.establishing) out.push(draft({ text: scene.location, source: "establishing", scene, characters: [], durationSeconds: o.establishingSeconds, durationFrom: "default", line: el.line }));
        }
        break;
      }
      case "action":
        if (!el.lyric) beats(proseShots(el.text, el.line, "action", { scene, cast, o, subject }));
        break;
      case "paragraph":
        beats(proseShots(el.text, el.line, "narration", { scene, cast, o, subject }));
        break;
      case "shot_line": {
        const asked = el.durationSeconds;
        const hinted = asked !== undefined && asked > 0;
        let seconds = hinted ? round1(Math.min(o.clipMaxSeconds, Math.max(o.clipMinSeconds, asked))) : round1(Math.min(max, Math.max(min, wordCount(el.text) / o.wordsPerSecond)));
        if (hinted && seconds !== round1(asked)) clamped.push(`shot ${el.index} asked for ${round1(asked)} s and is ${seconds} s`);
        if (seconds <= 0) seconds = min;
        out.push(draft({ text: el.text, source: "shot_list", scene, characters: charactersIn(el.text, cast), durationSeconds: seconds, durationFrom: hinted ? "hint" : "words", line: el.line }));
        break;
      }
      case "dialogue":
        dialogue.push(el);
        break;
      case "transcript_segment":
        transcript.push(el);
        break;
      case "transition":
        // a montage is many places: its beats carry no scene's location, and the scene comes back after it
        if (MONTAGE_START.test(el.text) && !montageOf) {
          const before = scene as SceneContext | null;
          montageOf = before;
          scene = { number: before?.number ?? sceneCount, heading: el.text, location: "", timeOfDay: null, interior: null, framing: null, period: "montage" };
          picture = null;
        } else if (MONTAGE_END.test(el.text) && montageOf) {
          scene = montageOf;
          montageOf = null;
          picture = null;
        }
        break;
      default:
        // centered text, sections, synopses, page breaks: structure, not pictures
        break;
    }
  }
  flushDialogue();
  flushTranscript();
  endScene();
  if (out.length > o.maxShots) {
    truncated = true;
    out.length = o.maxShots;
  }
  if (clamped.length) {
    const listed = clamped.slice(0, 3).join("; ") + (clamped.length > 3 ? `; and ${clamped.length - 3} more` : "");
    warnings.push(`The backend renders clips of ${o.clipMinSeconds}–${o.clipMaxSeconds} s, so ${listed}.`);
  }
  if (truncated) warnings.push(`The script makes more than ${o.maxShots} shots; only the first ${o.maxShots} were kept. Break it down one part at a time.`);
  // numbered in place: these drafts are the breakdown's own, and copying 2,000 of them shows in the bench
  const shots = out as Array<Draft & { number: number }>;
  for (let i = 0; i < shots.length; i++) shots[i]!.number = i + 1;
  return { shots, cast, warnings };
}

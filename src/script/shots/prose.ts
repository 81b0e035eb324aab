/**
 * Action and narration become beats: one shot, or several when a paragraph runs past the longest
 * shot. Every piece names its subject: a piece that opens on "He"/"She" gets the character it means,
 * so no prompt starts with a pronoun and names no one. Duration hints are not read here: in action,
 * "(60s)" is an age.
 */
import { charactersIn, type Cast } from "./cast";
import { round1, shotBounds, type BreakdownOptions, type SceneContext } from "./shot";
import { draft, type Draft } from "./speech";
import { sentences, wordCount } from "./words";

const PRONOUN = /^(He|She|His|Her|Him)\b/;
/** the first pronoun that stands for a person: a sentence's "He"/"She"/"His"/"Her", or "he"/"she" anywhere */
const ANY_PRONOUN = /(?:^|(?<=[.!?…]\s+))(?:He|She|His|Her)\b|\b(?:he|she)\b/;

export interface ProseContext {
  readonly scene: SceneContext | null;
  readonly cast: Cast;
  readonly o: BreakdownOptions;
  /** the character named last before this paragraph in the scene */
  readonly subject: string | null;
}

const BULLET = /(?:^|\n)\s*[-•*]\s+/;

export function proseShots(text: string, line: number, source: "action" | "narration", c: ProseContext): Draft[] {
  const body = text.trim();
  if (!body) return [];
  if (BULLET.test(body)) {
    // a montage's list: each item is its own beat, the subject carried from one to the next
    const out: Draft[] = [];
    let subject = c.subject;
    for (const item of body.split(/\n(?=\s*[-•*]\s)/)) {
      const beats = paragraphShots(item.replace(/^\s*[-•*]\s+/, ""), line, source, { ...c, subject });
      for (const b of beats) if (b.characters.length) subject = b.characters[b.characters.length - 1]!;
      out.push(...beats);
    }
    return out;
  }
  return paragraphShots(body, line, source, c);
}

function paragraphShots(text: string, line: number, source: "action" | "narration", c: ProseContext): Draft[] {
  const body = text.trim();
  if (!body) return [];
  const { min, max } = shotBounds(c.o);
  const groups: string[] = [];
  let cur: string[] = [];
  let curWords = 0;
  // most paragraphs fit one shot: only a long one is cut at its sentences
  for (const s of wordCount(body) / c.o.wordsPerSecond <= max ? [body] : sentences(body)) {
    const n = wordCount(s);
    if (cur.length && (curWords + n) / c.o.wordsPerSecond > max) {
      groups.push(cur.join(" "));
      cur = [];
      curWords = 0;
    }
    cur.push(s);
    curWords += n;
  }
  if (cur.length) groups.push(cur.join(" "));
  let subject = c.subject;
  return groups.map((g) => {
    let piece = /\s\s|[\n\t]/.test(g) ? g.replace(/\s+/g, " ") : g;
    let characters = charactersIn(piece, c.cast);
    if (subject && ((PRONOUN.test(piece) && !characters.includes(subject)) || (!characters.length && ANY_PRONOUN.test(piece)))) {
      piece = withSubject(piece, subject);
      characters = charactersIn(piece, c.cast);
    }
    if (characters.length) subject = characters[characters.length - 1]!;
    const seconds = round1(Math.min(max, Math.max(min, wordCount(piece) / c.o.wordsPerSecond)));
    return draft({ text: piece, source, scene: c.scene, characters, durationSeconds: seconds, durationFrom: "words", line });
  });
}

/** "She turns it over" → "Nadia turns it over"; "His hand shakes" → "Sam's hand shakes". */
function withSubject(piece: string, subject: string): string {
  const re = PRONOUN.test(piece) ? PRONOUN : ANY_PRONOUN;
  return piece.replace(re, (p) => (p === "His" || p === "Her" ? `${subject}'s` : subject));
}

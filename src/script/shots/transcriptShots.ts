/**
 * Timed text becomes B-roll under its words: segments grouped into sentences that end on a pause or
 * a full stop, each shot covering its words' time. The parser has sorted and checked the cues, so
 * a group spans from its first start to its latest end.
 */
import type { TranscriptSegmentElement } from "../parse/model";
import { round3, type BreakdownOptions } from "./shot";
import { draft, type Draft } from "./speech";
import { wordCount } from "./words";

export function transcriptShots(segments: readonly TranscriptSegmentElement[], o: BreakdownOptions): Draft[] {
  const out: Draft[] = [];
  let group: TranscriptSegmentElement[] = [];
  let groupEnd = 0;
  const flush = (next = Infinity) => {
    if (!group.length) return;
    const start = group[0]!.startSeconds;
    const text = group.map((g) => g.text).join(" ");
    // a cue with no length still has words: it gets the time they take to say, up to the next cue
    const said = Math.min(next, start + Math.max(o.minSeconds, wordCount(text) / o.wordsPerSecond));
    const end = groupEnd > start ? groupEnd : said > start ? said : start + o.minSeconds;
    out.push(...splitLong(text, start, end, group[0]!.line, o));
    group = [];
  };
  for (const seg of segments) {
    const prev = group[group.length - 1];
    if (prev) {
      const pause = seg.startSeconds - groupEnd > o.transcriptPauseSeconds;
      const long = Math.max(groupEnd, seg.endSeconds) - group[0]!.startSeconds > o.maxSeconds;
      const sentenceDone = /[.!?…]["')\]]?$/.test(prev.text.trim()) && groupEnd - group[0]!.startSeconds >= o.minSeconds;
      if (pause || long || sentenceDone) flush(seg.startSeconds);
    }
    if (!group.length) groupEnd = seg.endSeconds;
    group.push(seg);
    groupEnd = Math.max(groupEnd, seg.endSeconds);
  }
  flush();
  return out;
}

/** One stretch longer than the longest shot is cut into equal stretches, its words shared out alike. */
function splitLong(text: string, start: number, end: number, line: number, o: BreakdownOptions): Draft[] {
  const span = end - start;
  const longest = Math.min(o.maxSeconds, o.clipMaxSeconds);
  // a little over the longest shot stays one shot, but never past what the backend renders
  let parts = Math.max(1, Math.ceil(span / longest - 0.25));
  if (span / parts > o.clipMaxSeconds) parts = Math.ceil(span / o.clipMaxSeconds);
  const ws = text.split(/\s+/).filter(Boolean);
  const out: Draft[] = [];
  for (let i = 0; i < parts; i++) {
    const a = start + (span * i) / parts;
    const b = start + (span * (i + 1)) / parts;
    const slice = ws.slice(Math.floor((ws.length * i) / parts), Math.floor((ws.length * (i + 1)) / parts)).join(" ") || text;
    out.push(draft({ text: slice, source: "transcript", scene: null, characters: [], durationSeconds: round3(b - a), durationFrom: "transcript", range: { startSeconds: round3(a), endSeconds: round3(b) }, line }));
  }
  return out;
}

/**
 * Timed transcripts: SRT, WebVTT, Premiere's transcript JSON (plus a simple segment array),
 * and sequence marker comments. Output is always transcript_segment elements in seconds.
 */
import { z } from "zod";
import { emptyDocument, type ScriptDocument, type TranscriptSegmentElement } from "./model";
import { prepareText, roundMs } from "./text";
import { checkCues, CueProblems } from "./transcriptChecks";

const TS = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?`;
const TIMING_RE = new RegExp(String.raw`^\s*${TS}\s*-->\s*${TS}(?:\s.*)?$`);
/** Cheap test used by detection: an SRT/VTT-style timing arrow somewhere in the text. */
export const TIMING_ARROW_RE = /\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}\s*-->\s*(?:\d{1,3}:)?\d{1,2}:\d{2}/;

function seconds(h: string | undefined, m: string, s: string, frac: string | undefined): number | null {
  // minutes and seconds are clock fields: 00:00:99,000 is not 99 s, it is a typo
  if (Number(m) >= 60 || Number(s) >= 60) return null;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + (frac ? Number(`0.${frac}`) : 0);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", lrm: "\u200E", rlm: "\u200F" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (all, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[body.toLowerCase()] ?? all;
  });
}

// Captioners often prefix the speaker in capitals ("JOHN: ..." or ">> JOHN: ...").
const SPEAKER_PREFIX_RE = /^(?:>>\s*)?(\p{Lu}[\p{Lu}\p{N} .'\-]{0,30}):\s+/u;

// SDH subtitles name the speaker in brackets: "- [Braxton] Get down!", "(MARA) Over here."
const SDH_TAG_RE = /^(?:[-\u2010-\u2014]\s*)?[[(]\s*(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}|\p{Lu}[\p{Lu}\p{N} '’.-]{0,30})\s*[\])]\s*[:\-\u2013\u2014]?\s*/u;
const DIALOGUE_DASH_RE = /^[-\u2010-\u2014]\s+/;

function cleanCueText(lines: string[]): { text: string; speaker?: string } {
  let speaker: string | undefined;
  const out: string[] = [];
  for (const raw of lines) {
    // Tag bodies exclude "<" so an unclosed tag scans only to the next one: linear, never quadratic.
    const voice = /<v(?:\.[^\s<>]*)?\s+([^<>]+)>/.exec(raw);
    if (voice && speaker === undefined) speaker = decodeEntities((voice[1] as string).trim());
    // ASS-style overrides like {\an8} show up in SRT files exported from subtitle editors.
    let plain = decodeEntities(raw.replace(/<[^<>\n]*>/g, "").replace(/\{\\[^{}]*\}/g, "")).trim();
    const tag = SDH_TAG_RE.exec(plain);
    if (tag) {
      if (speaker === undefined) speaker = (tag[1] as string).trim();
      plain = plain.slice(tag[0].length).trim();
    } else if (out.length > 0 || lines.length > 1) {
      plain = plain.replace(DIALOGUE_DASH_RE, "");
    }
    const named = out.length > 0 ? SPEAKER_PREFIX_RE.exec(plain.replace(DIALOGUE_DASH_RE, "")) : null;
    if (named) plain = plain.replace(DIALOGUE_DASH_RE, "").slice(named[0].length);
    if (plain) out.push(plain);
  }
  let text = out.join("\n");
  if (speaker === undefined) {
    const m = SPEAKER_PREFIX_RE.exec(text);
    if (m) {
      speaker = (m[1] as string).trim();
      text = text.slice(m[0].length);
    }
  }
  return speaker === undefined ? { text } : { text, speaker };
}

function transcriptDoc(segments: TranscriptSegmentElement[], warnings: string[], format: string): ScriptDocument {
  const doc = emptyDocument("transcript", warnings);
  doc.elements = segments;
  if (segments.length === 0) doc.warnings.push(`No timed ${format} segments were found.`);
  return doc;
}

/**
 * Shared SRT/WebVTT cue reader. A timing line opens a cue and a blank line closes it, except right
 * after the timing line (many files in the wild leave one there). Lines outside cues (indices, cue
 * ids, NOTE/STYLE/REGION blocks, the WEBVTT header) are ignored. Cues whose timing cannot be read are
 * reported, then the cues are checked and put in time order (transcriptChecks.ts).
 */
function parseCues(input: string, format: "SRT" | "WebVTT"): ScriptDocument {
  const prepared = prepareText(input);
  const warnings = prepared.warnings;
  const lines = prepared.text.split("\n");
  const segments: TranscriptSegmentElement[] = [];
  const problems = new CueProblems();
  let cur: { line: number; start: number; end: number; text: string[]; lastIdx: number } | null = null;
  let inBlock = false;
  let skipBlock = false;
  let blockTimed = false;
  let blockText = 0;
  let blockLine = 0;
  let blocks = 0;

  const close = (): void => {
    if (!cur) return;
    const { text, speaker } = cleanCueText(cur.text);
    if (text) {
      const el: TranscriptSegmentElement = { type: "transcript_segment", line: cur.line, text, startSeconds: cur.start, endSeconds: cur.end };
      if (speaker !== undefined) el.speaker = speaker;
      segments.push(el);
    } else problems.add("empty", cur.line);
    cur = null;
  };
  const isTiming = (j: number): boolean => (lines[j] ?? "").includes("-->");
  const endBlock = (): void => {
    // text that never had a timing line: a cue that lost its timing, not a header or an index
    if (inBlock && !skipBlock && !blockTimed && blockText > 0 && !(format === "WebVTT" && blocks === 1)) problems.add("untimed", blockLine);
    inBlock = false;
    skipBlock = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === "") {
      // a blank line straight after the timing line does not end the cue: its text follows
      if (cur && cur.text.length === 0 && cur.lastIdx === i - 1) {
        let j = i + 1;
        while (j < lines.length && (lines[j] as string).trim() === "") j++;
        const next = (lines[j] ?? "").trim();
        const nextIsCue = isTiming(j) || (/^\d+$/.test(next) && isTiming(j + 1));
        if (j < lines.length && !nextIsCue) {
          cur.lastIdx = j - 1;
          i = j - 1;
          continue;
        }
      }
      close();
      endBlock();
      continue;
    }
    if (!inBlock) {
      inBlock = true;
      blocks++;
      blockTimed = false;
      blockText = 0;
      blockLine = i + 1;
      if (format === "WebVTT" && /^(NOTE|STYLE|REGION)(\s|$)/.test(raw)) skipBlock = true;
    }
    if (skipBlock) continue;
    const m = raw.includes("-->") ? TIMING_RE.exec(raw) : null;
    if (raw.includes("-->")) {
      // Files missing the blank line between cues would otherwise fold the index into the text.
      if (cur && cur.lastIdx === i - 1 && /^\s*\d+\s*$/.test(lines[i - 1] ?? "")) cur.text.pop();
      close();
      blockTimed = true;
      const start = m ? seconds(m[1], m[2] as string, m[3] as string, m[4]) : null;
      const end = m ? seconds(m[5], m[6] as string, m[7] as string, m[8]) : null;
      if (start === null || end === null) {
        problems.add("timing", i + 1);
        skipBlock = true;
        continue;
      }
      cur = { line: i + 1, start: roundMs(start), end: roundMs(end), text: [], lastIdx: i };
    } else if (cur) {
      cur.text.push(raw);
      cur.lastIdx = i;
    } else if (!/^\s*\d+\s*$/.test(raw) && !(format === "WebVTT" && !isTiming(i + 1) && blocks === 1)) {
      if (!isTiming(i + 1)) blockText++;
    }
  }
  close();
  endBlock();
  const checked = checkCues(segments);
  warnings.push(...problems.messages(), ...checked.warnings);
  return transcriptDoc(checked.segments, warnings, format);
}

export function parseSrt(text: string): ScriptDocument {
  return parseCues(text, "SRT");
}

export function parseVtt(text: string): ScriptDocument {
  const doc = parseCues(text, "WebVTT");
  if (!/^\uFEFF?WEBVTT/.test(typeof text === "string" ? text : "")) doc.warnings.push("The file does not start with a WEBVTT header.");
  return doc;
}

const Id = z.union([z.string(), z.number()]);
const WordSchema = z.object({ text: z.string(), type: z.string().optional(), start: z.number().optional(), duration: z.number().optional() });
const SegmentSchema = z.object({
  start: z.number(),
  end: z.number().optional(),
  duration: z.number().optional(),
  text: z.string().optional(),
  speaker: Id.optional(),
  words: z.array(z.unknown()).optional(),
});
const SpeakerSchema = z.object({ id: Id, name: z.string().optional() });
const RootSchema = z.union([
  z.array(z.unknown()),
  z.object({ segments: z.array(z.unknown()), speakers: z.array(z.unknown()).optional(), language: z.string().optional() }),
]);

const CLOSING_PUNCT_RE = /^[.,!?;:%\u2026)\]}\u00BB\u201D\u2019'"\u060C\u061F]+$/u;

/** Premiere stores one entry per word; punctuation entries attach to the word before them. */
function joinWords(words: unknown[]): { text: string; end?: number } {
  let text = "";
  let end: number | undefined;
  for (const w of words) {
    const parsed = WordSchema.safeParse(w);
    if (!parsed.success) continue;
    const word = parsed.data.text.trim();
    if (parsed.data.start !== undefined && parsed.data.duration !== undefined) end = parsed.data.start + parsed.data.duration;
    if (!word) continue;
    const glue = text === "" || parsed.data.type === "punctuation" || CLOSING_PUNCT_RE.test(word) || /[(\[{"\u201C]$/.test(text);
    text += glue ? word : ` ${word}`;
  }
  return end === undefined ? { text } : { text, end };
}

/**
 * Parse Premiere transcript JSON or `[{start,end,text,speaker?}]`. Returns null when the text is
 * not JSON of either shape, so callers can try other formats.
 */
export function parseTranscriptJson(input: string): ScriptDocument | null {
  const prepared = prepareText(input);
  let data: unknown;
  try {
    data = JSON.parse(prepared.text);
  } catch {
    return null;
  }
  const root = RootSchema.safeParse(data);
  if (!root.success) return null;
  const rawSegments = Array.isArray(root.data) ? root.data : root.data.segments;
  const speakerNames = new Map<string, string>();
  if (!Array.isArray(root.data)) {
    for (const s of root.data.speakers ?? []) {
      const sp = SpeakerSchema.safeParse(s);
      if (sp.success && sp.data.name) speakerNames.set(String(sp.data.id), sp.data.name);
    }
  }
  const warnings = prepared.warnings;
  const segments: TranscriptSegmentElement[] = [];
  let skipped = 0;
  rawSegments.forEach((raw, idx) => {
    const parsed = SegmentSchema.safeParse(raw);
    if (!parsed.success) {
      skipped++;
      return;
    }
    const seg = parsed.data;
    const words = seg.words ? joinWords(seg.words) : { text: "" };
    const text = (seg.text?.trim() || words.text).trim();
    const end = seg.end ?? (seg.duration !== undefined ? seg.start + seg.duration : words.end);
    if (!text || end === undefined || seg.start < 0) {
      skipped++;
      return;
    }
    const el: TranscriptSegmentElement = {
      type: "transcript_segment",
      line: idx + 1,
      text,
      startSeconds: roundMs(seg.start),
      endSeconds: roundMs(end),
    };
    if (seg.speaker !== undefined) el.speaker = speakerNames.get(String(seg.speaker)) ?? String(seg.speaker);
    segments.push(el);
  });
  if (skipped > 0) warnings.push(`${skipped} transcript segment(s) had no usable text or timing and were skipped.`);
  const checked = checkCues(segments);
  warnings.push(...checked.warnings);
  return transcriptDoc(checked.segments, warnings, "transcript");
}

/** Try JSON, then WebVTT, then SRT. */
export function parseTranscript(text: string): ScriptDocument {
  const json = /^\s*[[{]/.test(text) ? parseTranscriptJson(text) : null;
  if (json) return json;
  if (/^\uFEFF?\s*WEBVTT/.test(text)) return parseVtt(text);
  return parseSrt(text);
}

export interface MarkerComment {
  comment: string;
  startSeconds: number;
  durationSeconds: number;
}

/**
 * Turn sequence marker comments into transcript segments, in time order. Markers with no
 * comment or non-finite timing are dropped: they carry nothing to plan shots from.
 */
export function parseMarkerComments(markers: readonly MarkerComment[]): TranscriptSegmentElement[] {
  const out: TranscriptSegmentElement[] = [];
  markers.forEach((m, idx) => {
    const text = typeof m?.comment === "string" ? m.comment.replace(/\r\n?/g, "\n").trim() : "";
    const start = Number(m?.startSeconds);
    const duration = Number(m?.durationSeconds);
    if (!text || !Number.isFinite(start) || start < 0) return;
    const len = Number.isFinite(duration) && duration > 0 ? duration : 0;
    out.push({ type: "transcript_segment", line: idx + 1, text, startSeconds: roundMs(start), endSeconds: roundMs(start + len) });
  });
  return out.sort((a, b) => a.startSeconds - b.startSeconds || a.line - b.line);
}

/**
 * Plain prose and numbered shot lists. Editors paste these from notes apps and chat, so the
 * parser is forgiving about numbering styles and duration hints.
 */
import { emptyDocument, type ParagraphElement, type ScriptDocument, type ShotLineElement } from "./model";
import { isBlank, prepareText, roundMs } from "./text";

// Whitespace after "1." keeps "10.5 seconds later" from being read as shot 10.
const NUMBERED_RE = /^\s*(?:(\d{1,4})[.)](?=\s|$)|shot\s*#?\s*(\d{1,4})\s*[:.)\-\u2013\u2014])\s*(.*)$/i;
const BULLET_RE = /^\s*[-*\u2022\u2023\u25E6\u2043]\s+(.*)$/;

const UNIT_RE = /[([]\s*(\d+(?:\.\d+)?)\s*(ms|s|secs?|seconds?|m|mins?|minutes?)\.?\s*[)\]]/gi;
const CLOCK_RE = /[([]\s*(\d{1,2}(?::\d{1,2}){1,2}(?:\.\d+)?)\s*[)\]]/g;

export interface DurationHint {
  seconds: number;
  /** Text with the hint removed. */
  rest: string;
}

function unitSeconds(value: number, unit: string): number {
  const u = unit.toLowerCase();
  if (u === "ms") return value / 1000;
  if (u.startsWith("m")) return value * 60;
  return value;
}

/** "1:30" → 90, "00:04" → 4, "1:02:03" → 3723; fields are clock-style (minutes:seconds). */
export function parseClock(clock: string): number | null {
  const parts = clock.split(":").map(Number);
  if (parts.some((p) => !Number.isFinite(p))) return null;
  let total = 0;
  for (const p of parts) total = total * 60 + p;
  return total;
}

/**
 * Find a duration hint such as `(4s)`, `(2.5 sec)`, `[00:04]` or `(1:30)`. The last hint wins
 * because authors append timing after the description.
 */
export function extractDuration(text: string): DurationHint | null {
  let best: { index: number; length: number; seconds: number } | null = null;
  for (const m of text.matchAll(UNIT_RE)) {
    const s = unitSeconds(Number(m[1]), m[2] as string);
    if (m.index !== undefined && (!best || m.index > best.index)) best = { index: m.index, length: m[0].length, seconds: s };
  }
  for (const m of text.matchAll(CLOCK_RE)) {
    const s = parseClock(m[1] as string);
    if (s !== null && m.index !== undefined && (!best || m.index > best.index)) best = { index: m.index, length: m[0].length, seconds: s };
  }
  if (!best || !Number.isFinite(best.seconds)) return null;
  const rest = (text.slice(0, best.index) + text.slice(best.index + best.length)).replace(/\s{2,}/g, " ").trim();
  return { seconds: roundMs(best.seconds), rest: rest.replace(/\s+([.,;:!?])$/, "$1") };
}

export function isNumberedLine(line: string): boolean {
  return NUMBERED_RE.test(line);
}

/** Share of non-blank lines that start with a shot number; continuation lines count against it. */
export function numberedLineRatio(lines: string[]): { numbered: number; ratio: number } {
  let nonBlank = 0;
  let numbered = 0;
  for (const l of lines) {
    if (isBlank(l)) continue;
    nonBlank++;
    if (NUMBERED_RE.test(l)) numbered++;
  }
  return { numbered, ratio: nonBlank === 0 ? 0 : numbered / nonBlank };
}

export function looksLikeShotList(lines: string[]): boolean {
  const { numbered, ratio } = numberedLineRatio(lines);
  return numbered >= 1 && ratio >= 0.5;
}

function makeShot(text: string, line: number, index: number): ShotLineElement {
  const el: ShotLineElement = { type: "shot_line", line, text: text.trim(), index };
  const hint = extractDuration(el.text);
  if (hint) {
    el.text = hint.rest;
    el.durationSeconds = hint.seconds;
  }
  return el;
}

/**
 * Parse prose or a shot list. Blank lines separate paragraphs; each bullet or numbered item is
 * its own element, and unmarked lines directly under one continue it (wrapped text).
 */
export function parsePlainText(input: string): ScriptDocument {
  const prepared = prepareText(input);
  const lines = prepared.text.split("\n");
  const shotList = looksLikeShotList(lines);
  const doc = emptyDocument(shotList ? "shot_list" : "plain", prepared.warnings);
  const els = doc.elements;

  // Duration is parsed once the whole item is known, since a hint may sit on a wrapped line.
  let current: { text: string; line: number; index: number | null } | null = null;
  let shotCount = 0;
  const flush = (): void => {
    if (!current) return;
    const text = current.text.trim();
    if (current.index !== null) els.push(makeShot(text, current.line, current.index));
    else if (text) els.push({ type: "paragraph", line: current.line, text } satisfies ParagraphElement);
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    if (isBlank(raw)) {
      flush();
      continue;
    }
    const num = NUMBERED_RE.exec(raw);
    if (num) {
      flush();
      shotCount++;
      const n = Number(num[1] ?? num[2]);
      if (shotList) current = { text: num[3] as string, line, index: Number.isFinite(n) ? n : shotCount };
      else current = { text: num[3] as string, line, index: null };
      continue;
    }
    const bullet = BULLET_RE.exec(raw);
    if (bullet) {
      flush();
      // In a shot list a bulleted line is still a shot; number it after the previous one.
      current = { text: bullet[1] as string, line, index: shotList ? ++shotCount : null };
      continue;
    }
    if (current) current.text += ` ${raw.trim()}`;
    else current = { text: raw.trim(), line, index: null };
  }
  flush();
  return doc;
}

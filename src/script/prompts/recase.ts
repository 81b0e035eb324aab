/**
 * Screenplay capitals into prompt case, for any alphabet. Characters' names become Title case
 * ("ÉLODIE" → "Élodie"); a short run of capitals is a name or a place ("EIFFEL TOWER"); camera and
 * sound words and whole shouted sentences go to lower case; a lone two-letter acronym (TV) stays.
 */
import type { Cast } from "../shots/cast";
import { isNameStopWord, titleCase } from "../shots/names";

const WORD = /[\p{L}\p{M}'’-]+/gu;
const SHOUT = /\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}/u;

/** a place as prompts write it: a heading's capitals in Title case, anything else as written */
export function placeName(location: string): string {
  return /\p{Ll}/u.test(location) ? location : titleCase(location);
}

const castWords = new WeakMap<Cast, Set<string>>();

function wordsOf(cast: Cast | undefined): Set<string> {
  if (!cast) return new Set();
  let s = castWords.get(cast);
  if (!s) {
    s = new Set(cast.members.flatMap((m) => m.variants.flatMap((v) => v.toLowerCase().replace(/\./g, "").split(/\s+/))));
    castWords.set(cast, s);
  }
  return s;
}

function isShout(w: string): boolean {
  return w.length >= 2 && SHOUT.test(w) && !/\p{Ll}/u.test(w);
}

export function recase(text: string, cast?: Cast): string {
  if (!/\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}/u.test(text)) return text;
  const names = wordsOf(cast);
  const words = [...text.matchAll(WORD)].map((m) => ({ at: m.index!, w: m[0] }));
  let out = "";
  let from = 0;
  for (let i = 0; i < words.length; ) {
    if (!isShout(words[i]!.w)) {
      i++;
      continue;
    }
    // a run: shouted words separated only by spaces
    let j = i + 1;
    while (j < words.length && isShout(words[j]!.w) && joins(text.slice(words[j - 1]!.at + words[j - 1]!.w.length, words[j]!.at), words[j - 1]!.w)) j++;
    const run = words.slice(i, j);
    const stop = run.some((r) => isNameStopWord(r.w));
    for (const r of run) {
      const lower = r.w.toLowerCase();
      let w: string;
      if (names.has(lower.replace(/['’]s$/, ""))) w = titleCase(r.w);
      else if (run.length === 1 && r.w.length === 2) w = r.w;
      else if (run.length >= 2 && run.length <= 3 && !stop) w = titleCase(r.w);
      else w = sentenceStart(text, r.at) ? titleCase(lower.slice(0, 1)) + lower.slice(1) : lower;
      out += text.slice(from, r.at) + w;
      from = r.at + r.w.length;
    }
    i = j;
  }
  return out + text.slice(from);
}

/** words of one run are apart by spaces, or by an abbreviation's full stop ("MR. SOGGYBOTTOM") */
function joins(between: string, prev: string): boolean {
  return /^ +$/.test(between) || (prev.length <= 3 && /^\. +$/.test(between));
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  if (at <= 4 && /^\s*["'“(]?$/.test(before)) return true;
  return /[.!?…:]\s+["'“(]?$/.test(before);
}

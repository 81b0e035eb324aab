/**
 * Screenplay capitals into prompt case, for any alphabet. Characters' names become Title case
 * ("ÉLODIE" → "Élodie"); a short run of capitals is a name or a place ("EIFFEL TOWER"); camera and
 * sound words and whole shouted sentences go to lower case; a lone two-letter acronym (TV) stays.
 */
import type { Cast } from "../shots/cast";
import { isNameStopWord, titleCase } from "../shots/names";


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

// a run of shouted words, apart by spaces or an abbreviation's full stop ("MR. SOGGYBOTTOM")
const RUN = /(?<![\p{L}\p{M}'’-])\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}(?:\.? +\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu})*(?![\p{L}\p{M}'’-])/gu;

export function recase(text: string, cast?: Cast): string {
  if (!/\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}/u.test(text)) return text;
  const names = wordsOf(cast);
  return text.replace(RUN, (run: string, at: number) => {
    // "FLASH. THE DOOR": a full stop after a long word ends the run; recase each part alone
    const parts = run.split(/(?<=\p{L}{4,})(\. +)/u);
    if (parts.length === 1) return recaseRun(text, run, at, names);
    let pos = at;
    return parts
      .map((p, i) => {
        const out = i % 2 ? p : recaseRun(text, p, pos, names);
        pos += p.length;
        return out;
      })
      .join("");
  });
}

function recaseRun(text: string, run: string, at: number, names: Set<string>): string {
  const words = run.split(/(\.? +)/);
  const count = Math.ceil(words.length / 2);
  const stop = words.some((w, i) => i % 2 === 0 && isNameStopWord(w));
  return words
    .map((w, i) => {
      if (i % 2 === 1) return w;
      const lower = w.toLowerCase();
      if (names.has(lower.replace(/['’]s$/, ""))) return titleCase(w);
      if (count === 1 && w.length === 2) return w;
      if (count >= 2 && count <= 3 && !stop) return titleCase(w);
      return i === 0 && sentenceStart(text, at) ? lower.slice(0, 1).toUpperCase() + lower.slice(1) : lower;
    })
    .join("");
}

function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  if (at <= 4 && /^\s*["'“(]?$/.test(before)) return true;
  return /[.!?…:]\s+["'“(]?$/.test(before);
}

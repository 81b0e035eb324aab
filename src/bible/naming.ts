/**
 * Which bible entries a shot names: the characters the breakdown put in it (cue or action), names
 * and variants found in its words, the place of its scene heading, and the looks that apply to every
 * shot. Built once per bible as an index, so a 1,500-shot plan asks it cheaply (bench: bible.plan).
 */
import { keysOf, nameKey, type Bible, type BibleEntry } from "./model";

/** what a shot offers for naming (a script Shot, an editable draft, or a bare prompt) */
export interface NamingShot {
  readonly text: string;
  readonly characters?: readonly string[];
  /** the scene heading's location */
  readonly location?: string | null;
  /** names of entries the shot was made with before (a draft's provenance), of any kind */
  readonly entries?: readonly string[];
}

export interface BibleIndex {
  /** entries the shot names, characters first (in the order they appear), then the place, then looks */
  named(shot: NamingShot): BibleEntry[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NONE: readonly BibleEntry[] = [];
const NONE_NAMES: readonly string[] = [];

/** words only, lower case: "Dr. Okafor's" → "dr okafor s"; names and text are compared this way */
function words(s: string): string[] {
  // a scan, not a Unicode split: a 1,500-shot plan reads every shot's words on every keystroke
  const lower = s.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (c < 128) word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < lower.length) {
      width = 2;
      word = WORD_CHAR.test(lower.slice(i, i + 2));
    } else word = WORD_CHAR.test(lower[i]!);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

export function indexBible(bible: Bible): BibleIndex {
  const byKey = new Map<string, BibleEntry[]>();
  // names as word runs ("harbour café"), looked up by the word runs of a shot's text
  const byWords = new Map<string, BibleEntry[]>();
  // most words of a shot start no name: only these begin a run worth building
  const starts = new Set<string>();
  let longest = 1;
  const always: BibleEntry[] = [];
  const push = (m: Map<string, BibleEntry[]>, k: string, e: BibleEntry) => {
    const list = m.get(k);
    if (!list) m.set(k, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const e of bible.entries) {
    if (e.kind === "look" && e.always) always.push(e);
    for (const k of keysOf(e)) {
      push(byKey, k, e);
      const w = words(k);
      // one-letter names would match everywhere
      if (!w.length || w.join("").length < 2) continue;
      longest = Math.max(longest, w.length);
      starts.add(w[0]!);
      push(byWords, w.join(" "), e);
    }
  }
  const order = { character: 0, place: 1, look: 2 } as const;
  // the breakdown repeats the same few names thousands of times: normalise each once
  const keys = new Map<string, string>();
  const keyOf = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = nameKey(s)));
    return k;
  };
  // characters first (in the order named), then places, then looks: one sortable number per hit
  const RANK_SPAN = 2 ** 40;
  const rankOf = (e: BibleEntry, at: number): number => order[e.kind] * RANK_SPAN + at;
  return {
    named(shot) {
      // a shot names a handful of entries: parallel arrays and an insertion sort beat maps here (bench: bible.plan)
      const found: BibleEntry[] = [];
      const ranks: number[] = [];
      const note = (e: BibleEntry, at: number): void => {
        const r = rankOf(e, at);
        const i = found.indexOf(e);
        if (i < 0) {
          found.push(e);
          ranks.push(r);
        } else if (r < ranks[i]!) ranks[i] = r;
      };
      const cs = shot.characters ?? [];
      for (let i = 0; i < cs.length; i++) for (const e of byKey.get(keyOf(cs[i]!)) ?? NONE) if (e.kind === "character") note(e, i - 1000);
      if (shot.location) for (const e of byKey.get(keyOf(shot.location)) ?? NONE) if (e.kind === "place") note(e, -1);
      const made = shot.entries ?? NONE_NAMES;
      for (let i = 0; i < made.length; i++) for (const e of byKey.get(keyOf(made[i]!)) ?? NONE) note(e, i - 500);
      const w = words(shot.text);
      for (let i = 0; i < w.length; i++) {
        if (!starts.has(w[i]!)) continue;
        let run = "";
        for (let n = 0; n < longest && i + n < w.length; n++) {
          run = n === 0 ? w[i]! : `${run} ${w[i + n]!}`;
          const hit = byWords.get(run);
          if (hit) for (const e of hit) note(e, i);
        }
      }
      for (const e of always) note(e, RANK_SPAN - 1);
      for (let i = 1; i < found.length; i++) {
        const e = found[i]!;
        const r = ranks[i]!;
        let j = i - 1;
        for (; j >= 0 && ranks[j]! > r; j--) {
          found[j + 1] = found[j]!;
          ranks[j + 1] = ranks[j]!;
        }
        found[j + 1] = e;
        ranks[j + 1] = r;
      }
      return found;
    },
  };
}

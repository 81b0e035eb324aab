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

/** words only, lower case: "Dr. Okafor's" → "dr okafor s"; names and text are compared this way */
function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

export function indexBible(bible: Bible): BibleIndex {
  const byKey = new Map<string, BibleEntry[]>();
  // names as word runs ("harbour café"), looked up by the word runs of a shot's text
  const byWords = new Map<string, BibleEntry[]>();
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
  return {
    named(shot) {
      // a shot names a handful of entries: parallel arrays beat a map here (bench: bible.plan)
      const found: BibleEntry[] = [];
      const ats: number[] = [];
      const note = (e: BibleEntry, at: number) => {
        const i = found.indexOf(e);
        if (i < 0) {
          found.push(e);
          ats.push(at);
        } else if (at < ats[i]!) ats[i] = at;
      };
      const cs = shot.characters ?? [];
      for (let i = 0; i < cs.length; i++) for (const e of byKey.get(keyOf(cs[i]!)) ?? []) if (e.kind === "character") note(e, -1000 + i);
      if (shot.location) for (const e of byKey.get(keyOf(shot.location)) ?? []) if (e.kind === "place") note(e, -1);
      const made = shot.entries ?? [];
      for (let i = 0; i < made.length; i++) for (const e of byKey.get(keyOf(made[i]!)) ?? []) note(e, -500 + i);
      const w = words(shot.text);
      for (let i = 0; i < w.length; i++) {
        let run = "";
        for (let n = 0; n < longest && i + n < w.length; n++) {
          run = n === 0 ? w[i]! : `${run} ${w[i + n]!}`;
          const hit = byWords.get(run);
          if (hit) for (const e of hit) note(e, i);
        }
      }
      for (const e of always) note(e, Number.MAX_SAFE_INTEGER);
      const idx = found.map((_e, i) => i).sort((a, b) => order[found[a]!.kind] - order[found[b]!.kind] || ats[a]! - ats[b]!);
      return idx.map((i) => found[i]!);
    },
  };
}

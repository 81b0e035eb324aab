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
}

export interface BibleIndex {
  /** entries the shot names, characters first (in the order they appear), then the place, then looks */
  named(shot: NamingShot): BibleEntry[];
}

const WORD = /[\p{L}\p{N}]/u;

export function indexBible(bible: Bible): BibleIndex {
  const byKey = new Map<string, BibleEntry[]>();
  const textKeys: Array<{ key: string; entry: BibleEntry }> = [];
  const always: BibleEntry[] = [];
  for (const e of bible.entries) {
    if (e.kind === "look" && e.always) always.push(e);
    for (const k of keysOf(e)) {
      byKey.set(k, [...(byKey.get(k) ?? []), e]);
      // one-letter names would match everywhere
      if (k.length >= 2) textKeys.push({ key: k, entry: e });
    }
  }
  const order = { character: 0, place: 1, look: 2 } as const;
  return {
    named(shot) {
      const found = new Map<string, { entry: BibleEntry; at: number }>();
      const note = (e: BibleEntry, at: number) => {
        const had = found.get(e.id);
        if (!had || at < had.at) found.set(e.id, { entry: e, at });
      };
      shot.characters?.forEach((c, i) => byKey.get(nameKey(c))?.forEach((e) => e.kind === "character" && note(e, -1000 + i)));
      if (shot.location) byKey.get(nameKey(shot.location))?.forEach((e) => e.kind === "place" && note(e, -1));
      const lower = shot.text.toLowerCase();
      for (const { key, entry } of textKeys) {
        const at = wordAt(lower, key);
        if (at >= 0) note(entry, at);
      }
      for (const e of always) note(e, Number.MAX_SAFE_INTEGER);
      return [...found.values()].sort((a, b) => order[a.entry.kind] - order[b.entry.kind] || a.at - b.at).map((f) => f.entry);
    },
  };
}

/** first index of `key` as a whole word in `text`, or -1 */
function wordAt(text: string, key: string): number {
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    const before = i === 0 ? "" : text[i - 1]!;
    const after = text[i + key.length] ?? "";
    if (!WORD.test(before) && !WORD.test(after)) return i;
  }
  return -1;
}

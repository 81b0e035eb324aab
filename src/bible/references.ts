/**
 * What a shot takes from the bible: the descriptions of the entries it names (word for word in its
 * prompt) and the best reference images within what the model accepts. Characters come first, then
 * the place, then looks; each entry's first reference before anyone's second, so two characters in
 * a three-reference model get one each before the place gets its one.
 */
import type { BibleEntry, BibleReference, EntryKind } from "./model";

/** what a model takes (the backends' capabilities say it the same way) */
export interface ReferenceLimit {
  readonly max: number;
  readonly kinds: readonly EntryKind[];
}

export interface PickedReference {
  readonly path: string;
  readonly kind: EntryKind;
  /** the entry's name: the label providers that tag references (`@Mara`) use */
  readonly name: string;
  readonly entryId: string;
}

export function pickReferences(named: readonly BibleEntry[], limit: ReferenceLimit | undefined): PickedReference[] {
  const max = limit?.max ?? 0;
  if (max <= 0) return [];
  const usable = named.filter((e) => limit!.kinds.includes(e.kind) && e.references.length > 0);
  const out: PickedReference[] = [];
  const seen = new Set<string>();
  const deepest = usable.reduce((n, e) => Math.max(n, e.references.length), 0);
  for (let round = 0; round < deepest && out.length < max; round++) {
    for (const e of usable) {
      const r: BibleReference | undefined = e.references[round];
      if (!r || seen.has(r.path)) continue;
      seen.add(r.path);
      out.push({ path: r.path, kind: e.kind, name: e.name, entryId: e.id });
      if (out.length >= max) break;
    }
  }
  return out;
}

export interface DescribedPrompt {
  readonly prompt: string;
  /** entries whose description is in the prompt (already, or added) */
  readonly described: readonly string[];
  /** entries whose description did not fit the model's prompt limit */
  readonly dropped: readonly string[];
}

const RANK: Readonly<Record<EntryKind, number>> = { character: 0, place: 1, look: 2 };

/**
 * The prompt with each named entry's description added once, verbatim ("Mara: 60s, weathered, red
 * scarf"). When the model's limit is short, looks go first, then places, then the last characters;
 * the shot's own words are cut only when they alone pass the limit.
 */
export function describePrompt(prompt: string, named: readonly BibleEntry[], maxChars: number): DescribedPrompt {
  const base = prompt.trim();
  const already: string[] = [];
  let extra: BibleEntry[] = [];
  for (const e of named) {
    if (!e.description) continue;
    if (base.includes(e.description)) already.push(e.name);
    else extra.push(e);
  }
  if (!extra.length) return { prompt: base.length <= maxChars ? base : cutAtWord(base, maxChars), described: already, dropped: [] };
  const dropped: string[] = [];
  const head = trimDot(base);
  const join = (es: readonly BibleEntry[]) => (head ? `${head}. ` : "") + es.map(lineOf).join(". ") + ".";
  while (extra.length && join(extra).length > maxChars) {
    const worst = extra.reduce((w, e, i) => (RANK[e.kind] >= RANK[extra[w]!.kind] ? i : w), 0);
    dropped.push(extra[worst]!.name);
    extra = extra.filter((_e, i) => i !== worst);
  }
  const out = extra.length ? join(extra) : base;
  return { prompt: out.length <= maxChars ? out : cutAtWord(out, maxChars), described: [...already, ...extra.map((e) => e.name)], dropped };
}

/**
 * The prompt without the description lines `describePrompt` once added for these entries: a draft made
 * before its description was edited is described again, not twice. A line runs from ". Name: " to the
 * next entry's line or the end, so a description with full stops of its own goes whole.
 */
export function withoutDescriptions(prompt: string, entries: readonly BibleEntry[]): string {
  let out = prompt.trim();
  const markers = entries.map((e) => `. ${e.name}: `);
  for (const marker of markers) {
    const at = out.indexOf(marker);
    if (at < 0) continue;
    let end = out.length;
    for (const other of markers) {
      const i = out.indexOf(other, at + marker.length);
      if (i >= 0 && i < end) end = i;
    }
    out = out.slice(0, at) + out.slice(end);
  }
  return out === prompt.trim() ? out : trimDot(out);
}

/** "Mara: 60s, weathered", worked out once per entry (a 1,500-shot plan repeats the same few) */
const lines = new WeakMap<BibleEntry, string>();

function lineOf(e: BibleEntry): string {
  let l = lines.get(e);
  if (l === undefined) lines.set(e, (l = `${e.name}: ${trimDot(e.description)}`));
  return l;
}

function trimDot(s: string): string {
  return s.trim().replace(/[.\s]+$/, "");
}

function cutAtWord(s: string, max: number): string {
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "");
}

/**
 * Editing the bible by hand: add, edit, merge, remove entries and their references. Every function
 * returns a new bible (the old one is untouched) or throws a BibleError with a sentence for the editor.
 * Removing an entry or a reference forgets it; the image files stay where they are.
 */
import { CutawayError } from "../core/errors";
import { keysOf, MAX_ENTRIES, MAX_REFERENCES, nameKey, type Bible, type BibleEntry, type BibleReference, type EntryKind } from "./model";

export class BibleError extends CutawayError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = "BibleError";
  }
}

const KIND_WORD: Readonly<Record<EntryKind, string>> = { character: "character", place: "place", look: "look" };

/** a stable id from kind and name ("character:mara"), suffixed when taken */
export function entryId(bible: Bible, kind: EntryKind, name: string): string {
  const base = `${kind}:${nameKey(name).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "entry"}`;
  const taken = new Set(bible.entries.map((e) => e.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** the entry of this kind that answers to `name` (its name or one of its variants) */
export function findByName(bible: Bible, kind: EntryKind, name: string): BibleEntry | undefined {
  const k = nameKey(name);
  return bible.entries.find((e) => e.kind === kind && keysOf(e).includes(k));
}

function clashes(bible: Bible, kind: EntryKind, names: readonly string[], except?: string): BibleEntry | undefined {
  const wanted = new Set(names.map(nameKey));
  return bible.entries.find((e) => e.id !== except && e.kind === kind && keysOf(e).some((k) => wanted.has(k)));
}

export interface NewEntry {
  readonly kind: EntryKind;
  readonly name: string;
  readonly description?: string;
  readonly variants?: readonly string[];
  readonly always?: boolean;
  readonly fromBreakdown?: boolean;
}

export function addEntry(bible: Bible, n: NewEntry): { bible: Bible; entry: BibleEntry } {
  const name = n.name.replace(/\s+/g, " ").trim();
  if (!name) throw new BibleError("bible_no_name", `Give the ${KIND_WORD[n.kind]} a name first.`);
  if (bible.entries.length >= MAX_ENTRIES) throw new BibleError("bible_full", `The bible holds at most ${MAX_ENTRIES} entries; merge or remove some first.`);
  const variants = cleanVariants(name, n.variants ?? []);
  const other = clashes(bible, n.kind, [name, ...variants]);
  if (other) throw new BibleError("bible_duplicate", `“${name}” is already in the bible as ${other.name}; edit that ${KIND_WORD[n.kind]} or merge the two.`);
  const entry: BibleEntry = {
    id: entryId(bible, n.kind, name),
    kind: n.kind,
    name,
    variants,
    description: (n.description ?? "").trim(),
    references: [],
    fromBreakdown: n.fromBreakdown ?? false,
    ...(n.always !== undefined ? { always: n.always } : {}),
  };
  return { bible: { ...bible, entries: [...bible.entries, entry] }, entry };
}

export interface EntryPatch {
  readonly name?: string;
  readonly description?: string;
  readonly variants?: readonly string[];
  readonly always?: boolean;
}

export function updateEntry(bible: Bible, id: string, patch: EntryPatch): Bible {
  const e = entryOf(bible, id);
  const name = patch.name !== undefined ? patch.name.replace(/\s+/g, " ").trim() : e.name;
  if (!name) throw new BibleError("bible_no_name", `A ${KIND_WORD[e.kind]} needs a name.`);
  const variants = cleanVariants(name, patch.variants ?? e.variants);
  const other = clashes(bible, e.kind, [name, ...variants], id);
  if (other) throw new BibleError("bible_duplicate", `“${other.name}” already answers to one of those names; merge the two instead.`);
  const next: BibleEntry = {
    ...e,
    name,
    variants,
    ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
    ...(patch.always !== undefined ? { always: patch.always } : {}),
  };
  return replace(bible, next);
}

/** Forgets the entry. Media generated with it and its reference images are not touched. */
export function removeEntry(bible: Bible, id: string): Bible {
  entryOf(bible, id);
  return { ...bible, entries: bible.entries.filter((e) => e.id !== id) };
}

/**
 * `from` becomes a variant of `into`: its name and variants join, its references fill the free
 * places, and its description is kept only when `into` has none.
 */
export function mergeEntries(bible: Bible, intoId: string, fromId: string): Bible {
  if (intoId === fromId) return bible;
  const into = entryOf(bible, intoId);
  const from = entryOf(bible, fromId);
  if (into.kind !== from.kind) throw new BibleError("bible_merge_kinds", `${from.name} is a ${KIND_WORD[from.kind]} and ${into.name} a ${KIND_WORD[into.kind]}; only entries of one kind merge.`);
  const seen = new Set(into.references.map((r) => r.path));
  const merged: BibleEntry = {
    ...into,
    variants: cleanVariants(into.name, [...into.variants, from.name, ...from.variants]),
    description: into.description || from.description,
    references: [...into.references, ...from.references.filter((r) => !seen.has(r.path))].slice(0, MAX_REFERENCES),
    fromBreakdown: into.fromBreakdown || from.fromBreakdown,
  };
  return { ...bible, entries: bible.entries.filter((e) => e.id !== fromId).map((e) => (e.id === intoId ? merged : e)) };
}

export function addReference(bible: Bible, id: string, ref: Omit<BibleReference, "id">): Bible {
  const e = entryOf(bible, id);
  if (!/\.(png|jpe?g)$/i.test(ref.path)) throw new BibleError("bible_reference_type", "A reference image must be a PNG or JPEG file.");
  if (e.references.some((r) => r.path === ref.path)) return bible;
  if (e.references.length >= MAX_REFERENCES) {
    throw new BibleError("bible_references_full", `${e.name} already has ${MAX_REFERENCES} reference images; remove one before adding another.`);
  }
  const refId = `${e.id}#${e.references.length + 1}-${Math.abs(hash(ref.path)).toString(36)}`;
  return replace(bible, { ...e, references: [...e.references, { ...ref, id: refId }] });
}

/** Forgets the reference; the image file stays. */
export function removeReference(bible: Bible, id: string, referenceId: string): Bible {
  const e = entryOf(bible, id);
  return replace(bible, { ...e, references: e.references.filter((r) => r.id !== referenceId) });
}

/** moves a reference first: the first references are the ones sent when a model takes few */
export function preferReference(bible: Bible, id: string, referenceId: string): Bible {
  const e = entryOf(bible, id);
  const r = e.references.find((x) => x.id === referenceId);
  if (!r) return bible;
  return replace(bible, { ...e, references: [r, ...e.references.filter((x) => x !== r)] });
}

export function entryOf(bible: Bible, id: string): BibleEntry {
  const e = bible.entries.find((x) => x.id === id);
  if (!e) throw new BibleError("bible_no_entry", "That bible entry no longer exists; it may have been merged or removed.");
  return e;
}

function replace(bible: Bible, next: BibleEntry): Bible {
  return { ...bible, entries: bible.entries.map((e) => (e.id === next.id ? next : e)) };
}

function cleanVariants(name: string, variants: readonly string[]): string[] {
  const own = nameKey(name);
  const out: string[] = [];
  const seen = new Set([own]);
  for (const v of variants) {
    const t = v.replace(/\s+/g, " ").trim();
    const k = nameKey(t);
    if (!t || seen.has(k)) continue;
    seen.add(k);
    out.push(t.slice(0, 120));
  }
  return out.slice(0, 20);
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

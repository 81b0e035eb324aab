/**
 * The bible: the film's characters, places and looks, each with a name (and the variants that mean
 * the same one), a description used verbatim in every prompt that names it, and a few reference
 * images. A project document, JSON-safe, validated with zod whenever it is read back.
 */
import { z } from "zod";

export const BIBLE_VERSION = 1;
/** per entry: a front, a side and a detail is what identity models use; more only dilutes them */
export const MAX_REFERENCES = 4;
export const MAX_ENTRIES = 500;

export const ENTRY_KINDS = ["character", "place", "look"] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** where a reference image came from: a frame of the cut, a file the editor picked, an image model */
export const REFERENCE_ORIGINS = ["timeline", "file", "image-model"] as const;
export type ReferenceOrigin = (typeof REFERENCE_ORIGINS)[number];

export const bibleReferenceSchema = z.object({
  id: z.string().min(1).max(100),
  /** native absolute path of a PNG or JPEG; the bible never owns or deletes the file */
  path: z.string().min(1).max(4000),
  origin: z.enum(REFERENCE_ORIGINS),
  addedAt: z.string().max(40),
  /** timeline: the sequence timecode it was taken at; image-model: the model id */
  note: z.string().max(300).optional(),
});

export const bibleEntrySchema = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(ENTRY_KINDS),
  name: z.string().trim().min(1).max(120),
  /** other names for the same entry ("Dr. Okafor", "the doctor"); matched like the name */
  variants: z.array(z.string().trim().min(1).max(120)).max(20),
  /** goes into every prompt that names this entry, word for word */
  description: z.string().max(600),
  references: z.array(bibleReferenceSchema).max(MAX_REFERENCES),
  /** found by the script breakdown (else added by hand) */
  fromBreakdown: z.boolean(),
  /** a look that applies to every shot, named or not */
  always: z.boolean().optional(),
});

export const bibleSchema = z.object({
  version: z.literal(BIBLE_VERSION),
  /** bumped on every save: a reloaded panel can tell it has the newest */
  revision: z.number().int().min(0),
  entries: z.array(bibleEntrySchema).max(MAX_ENTRIES),
});

export type BibleReference = z.infer<typeof bibleReferenceSchema>;
export type BibleEntry = z.infer<typeof bibleEntrySchema>;
export type Bible = z.infer<typeof bibleSchema>;

export const EMPTY_BIBLE: Bible = { version: BIBLE_VERSION, revision: 0, entries: [] };

/** "  DR. OKAFOR " → "dr. okafor": how names and variants are compared */
export function nameKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** every name the entry answers to, as keys */
export function keysOf(e: Pick<BibleEntry, "name" | "variants">): string[] {
  return [...new Set([e.name, ...e.variants].map(nameKey).filter(Boolean))];
}

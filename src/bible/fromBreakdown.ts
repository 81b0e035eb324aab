/**
 * The script breakdown seeds the bible: every character it found (with the description the script
 * gives at first mention) and every scene location. Entries the bible already has — by name or
 * variant — are left exactly as the editor made them; only new names are added.
 */
import { displayName, type Cast } from "../script/shots/cast";
import { addEntry, findByName } from "./entries";
import type { Bible, BibleEntry } from "./model";
import { MAX_ENTRIES } from "./model";

/** what the breakdown says of a shot (src/script's Shot fits) */
export interface BreakdownShot {
  readonly characters: readonly string[];
  readonly scene: { readonly location: string } | null;
}

/** name → the description the script gives (the breakdown's cast bible) */
export type CastDescriptions = ReadonlyMap<string, string | null>;

/** The breakdown's cast as the bible seeds from it: each member with the description at first mention. */
export function castDescriptions(cast: Cast): CastDescriptions {
  return new Map(cast.members.map((m) => [m.name, cast.describe(m.name, null)] as const));
}

export interface SeedResult {
  readonly bible: Bible;
  readonly added: readonly BibleEntry[];
}

export function seedFromBreakdown(bible: Bible, shots: readonly BreakdownShot[], cast: CastDescriptions = new Map()): SeedResult {
  const characters = new Map<string, string>();
  const places = new Set<string>();
  for (const [name, desc] of cast) characters.set(name, desc ?? "");
  for (const s of shots) {
    for (const c of s.characters) if (!characters.has(c)) characters.set(c, cast.get(c) ?? "");
    const loc = s.scene?.location.trim();
    if (loc) places.add(displayName(loc));
  }
  let b = bible;
  const added: BibleEntry[] = [];
  const add = (kind: "character" | "place", name: string, description: string) => {
    if (!name.trim() || b.entries.length >= MAX_ENTRIES || findByName(b, kind, name)) return;
    const r = addEntry(b, { kind, name, description, fromBreakdown: true });
    b = r.bible;
    added.push(r.entry);
  };
  for (const [name, desc] of characters) add("character", name, desc);
  for (const p of places) add("place", p, "");
  return { bible: b, added };
}

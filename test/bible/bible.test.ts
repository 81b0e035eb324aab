/** The bible as a pure model: seeded from a breakdown, edited by hand, asked which entries a shot names. */
import {
  castDescriptions,
  addEntry,
  addReference,
  bibleSchema,
  describePrompt,
  EMPTY_BIBLE,
  findByName,
  indexBible,
  mergeEntries,
  pickReferences,
  removeEntry,
  seedFromBreakdown,
  updateEntry,
  withoutDescriptions,
  MAX_REFERENCES,
  type Bible,
} from "../../src/bible";
import { cafeBreakdown } from "./fixtures";

const ref = (path: string) => ({ path, origin: "file" as const, addedAt: "2026-12-02T00:00:00Z" });

function seeded(): Bible {
  const b = cafeBreakdown();
  return seedFromBreakdown(EMPTY_BIBLE, b.shots, castDescriptions(b.cast)).bible;
}

test("the breakdown seeds two characters (with the script's description) and the scene's place", () => {
  const b = seeded();
  expect(b.entries.map((e) => [e.kind, e.name])).toEqual([
    ["character", "Mara"],
    ["character", "Jonah"],
    ["place", "Harbour Café"],
  ]);
  expect(findByName(b, "character", "MARA")?.description).toBe("60s, weathered, red scarf");
  expect(b.entries.every((e) => e.fromBreakdown)).toBe(true);
  expect(bibleSchema.parse(b)).toEqual(b);
});

test("breaking the script down again keeps the editor's edits and adds only new names", () => {
  let b = seeded();
  const mara = findByName(b, "character", "Mara")!;
  b = updateEntry(b, mara.id, { description: "sixty, silver hair in a bun, red wool scarf" });
  const again = cafeBreakdown();
  const r = seedFromBreakdown(b, again.shots, castDescriptions(again.cast));
  expect(r.added).toEqual([]);
  expect(findByName(r.bible, "character", "Mara")?.description).toBe("sixty, silver hair in a bun, red wool scarf");
});

test("variants merge: a name added as a variant finds the same entry, and merging joins names and references", () => {
  let b = addEntry(EMPTY_BIBLE, { kind: "character", name: "Dr. Okafor", description: "surgeon, 40s" }).bible;
  b = addEntry(b, { kind: "character", name: "Ada" }).bible;
  const okafor = findByName(b, "character", "dr. okafor")!;
  const ada = findByName(b, "character", "Ada")!;
  b = addReference(b, ada.id, ref("/refs/ada.png"));
  b = mergeEntries(b, okafor.id, ada.id);
  expect(b.entries).toHaveLength(1);
  expect(findByName(b, "character", "ADA")?.id).toBe(okafor.id);
  expect(b.entries[0]!.references.map((r) => r.path)).toEqual(["/refs/ada.png"]);
  expect(b.entries[0]!.description).toBe("surgeon, 40s");
  expect(() => addEntry(b, { kind: "character", name: "ada" })).toThrow(/already in the bible as Dr. Okafor/);
});

test("references: PNG or JPEG only, at most a few per entry; removing an entry leaves others alone", () => {
  let b = seeded();
  const mara = findByName(b, "character", "Mara")!;
  expect(() => addReference(b, mara.id, ref("/refs/mara.gif"))).toThrow(/PNG or JPEG/);
  for (let i = 1; i <= MAX_REFERENCES; i++) b = addReference(b, mara.id, ref(`/refs/mara-${i}.png`));
  expect(() => addReference(b, mara.id, ref("/refs/one-more.jpg"))).toThrow(/remove one/);
  const after = removeEntry(b, mara.id);
  expect(after.entries.map((e) => e.name)).toEqual(["Jonah", "Harbour Café"]);
  expect(b.entries).toHaveLength(3);
});

test("which entries a shot names: characters from the cue or action, the place from the heading, every-shot looks", () => {
  let b = seeded();
  b = addEntry(b, { kind: "look", name: "Sodium night", description: "sodium-orange streetlight, wet reflections", always: true }).bible;
  const idx = indexBible(b);
  const shots = cafeBreakdown().shots;
  const names = shots.map((s) => idx.named({ text: s.text, characters: s.characters, location: s.scene?.location ?? null }).map((e) => e.name));
  expect(names[0]).toEqual(["Harbour Café", "Sodium night"]); // the establishing shot
  expect(names).toContainEqual(["Mara", "Harbour Café", "Sodium night"]);
  expect(names).toContainEqual(["Mara", "Jonah", "Harbour Café", "Sodium night"]);
  // a bare prompt (fill a gap) names entries by its words, whole words only
  expect(idx.named({ text: "Jonah at the window" }).map((e) => e.name)).toEqual(["Jonah", "Sodium night"]);
  expect(idx.named({ text: "Jonahs" }).map((e) => e.name)).toEqual(["Sodium night"]);
});

test("picking references: each named entry's first before anyone's second, within the model's count and kinds", () => {
  let b = seeded();
  const [mara, jonah, cafe] = b.entries;
  b = addReference(b, mara!.id, ref("/r/mara-1.png"));
  b = addReference(b, mara!.id, ref("/r/mara-2.png"));
  b = addReference(b, jonah!.id, ref("/r/jonah-1.png"));
  b = addReference(b, cafe!.id, ref("/r/cafe-1.png"));
  const named = indexBible(b).named({ text: "Mara and Jonah talk", location: "HARBOUR CAFÉ" });
  expect(pickReferences(named, { max: 3, kinds: ["character", "place", "look"] }).map((r) => r.path)).toEqual(["/r/mara-1.png", "/r/jonah-1.png", "/r/cafe-1.png"]);
  expect(pickReferences(named, { max: 4, kinds: ["character"] }).map((r) => r.path)).toEqual(["/r/mara-1.png", "/r/jonah-1.png", "/r/mara-2.png"]);
  expect(pickReferences(named, undefined)).toEqual([]);
});

test("descriptions go into the prompt verbatim, once; when the limit is short the place goes before a character", () => {
  let b = seeded();
  const cafe = findByName(b, "place", "Harbour Café")!;
  b = updateEntry(b, cafe.id, { description: "tiled 1950s café, steamed windows" });
  const named = indexBible(b).named({ text: "Mara pours a coffee", characters: ["Mara"], location: "Harbour Café" });
  const p = describePrompt("Mara pours a coffee", named, 1000);
  expect(p.prompt).toBe("Mara pours a coffee. Mara: 60s, weathered, red scarf. Harbour Café: tiled 1950s café, steamed windows.");
  // a prompt that already carries the script's description gets it once
  expect(describePrompt("Mara (60s, weathered, red scarf) pours", named, 1000).prompt).toBe("Mara (60s, weathered, red scarf) pours. Harbour Café: tiled 1950s café, steamed windows.");
  const short = describePrompt("Mara pours a coffee", named, 60);
  expect(short.prompt).toBe("Mara pours a coffee. Mara: 60s, weathered, red scarf.");
  expect(short.dropped).toEqual(["Harbour Café"]);
});

test("the schema refuses a bible of another version and a damaged entry", () => {
  expect(bibleSchema.safeParse({ ...seeded(), version: 2 }).success).toBe(false);
  expect(bibleSchema.safeParse({ version: 1, revision: 0, entries: [{ id: "x", kind: "prop", name: "Key", variants: [], description: "", references: [], fromBreakdown: false }] }).success).toBe(false);
});

test("a draft described before an edit is described again with today's words, once: the old lines go whole, the shot's own words stay", () => {
  let b = seeded();
  const cafe = findByName(b, "place", "Harbour Café")!;
  b = updateEntry(b, cafe.id, { description: "tiled café. Steamed windows" });
  const named = indexBible(b).named({ text: "", entries: ["Mara", "Harbour Café"] });
  const old = describePrompt("Mara pours a coffee", named, 1000).prompt;
  expect(old).toBe("Mara pours a coffee. Mara: 60s, weathered, red scarf. Harbour Café: tiled café. Steamed windows.");
  expect(withoutDescriptions(old, named)).toBe("Mara pours a coffee");
  const mara = findByName(b, "character", "Mara")!;
  const edited = indexBible(updateEntry(b, mara.id, { description: "sixty, silver bun" })).named({ text: "", entries: ["Mara", "Harbour Café"] });
  expect(describePrompt(withoutDescriptions(old, edited), edited, 1000).prompt).toBe("Mara pours a coffee. Mara: sixty, silver bun. Harbour Café: tiled café. Steamed windows.");
  // words the editor wrote are left alone
  expect(withoutDescriptions("Mara pours a coffee", named)).toBe("Mara pours a coffee");
});

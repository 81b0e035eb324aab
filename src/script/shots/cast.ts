/**
 * The cast bible: who is in the film and how they look, so every shot describes them the same way.
 * Characters come only from character cues and first-appearance introductions in action ("WILL (17),
 * braces"); sound effects and camera words in capitals are not people. Name variants (Edward / Edward
 * Bloom) are one character. A later introduction describes the character from its scene on, and the
 * editor's override, when given, wins everywhere.
 */
import type { ScriptElement } from "../parse/model";
import { displayName, isNameStopWord, NAME_QUALIFIERS, TITLES } from "./names";

export { displayName };

export interface CastDescription {
  /** the scene (1-based, counting every scene heading) the description holds from */
  readonly fromScene: number;
  readonly text: string;
}

export interface CastMember {
  /** the fullest form of the name, as prompts write it ("Edward Bloom") */
  readonly name: string;
  /** every form the script uses for this character, fullest first */
  readonly variants: readonly string[];
  readonly speaks: boolean;
  readonly descriptions: readonly CastDescription[];
}

/** name → description, set by the editor; keys may be any variant of the name */
export type CastOverrides = Readonly<Record<string, string>>;

export interface Cast {
  readonly members: readonly CastMember[];
  /** the member a name (a cue, a variant, an LLM's spelling) refers to */
  resolve(name: string): CastMember | undefined;
  /** how the character looks in a scene: the editor's override, else the latest introduction so far */
  describe(name: string, scene: number | null): string | null;
}

// An introduction: a name in capitals, then a parenthetical or an appositive after a comma.
const INTRO = /(?<![\p{L}\p{N}'’.])((?:\p{Lu}\. ?)*\p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?(?: \p{Lu}[\p{Lu}'’.-]*\.?){0,3})(?![\p{Ll}\p{N}])\s*(?:\(([^()]{1,80})\)(?:,\s*(\p{Ll}[^,.;()]{1,40})(?=,))?|,\s*([^\s,.;()][^,.;()]{1,79}))/gu;
const EXTENSION = /^(?:V\.?O\.?|O\.?S\.?|O\.?C\.?|CONT'?D|CONT’D|CONTINUED|OFF|ON SCREEN|PRELAP|PRE-LAP|FILTERED|INTO PHONE|ON PHONE|SUBTITLED|MORE)$/i;
// An appositive that describes a person: an age, "now 17", "a/an …", "late 40s", or adjectives.
const AGE = /^(?:now\s+|aged?\s+|about\s+|around\s+)?(?:\d{1,3}s?\b|(?:early|mid|late)[- ]?(?:\d0s|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)|teens?\b|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)/i;
const APPOSITIVE = /^(?:now\s+\S|aged?\s+\d|an?\s+\p{Ll}|his\s|her\s|their\s)/u;

interface Draft {
  variants: Set<string>;
  speaks: boolean;
  descriptions: CastDescription[];
}

export function castOf(elements: readonly ScriptElement[], overrides: CastOverrides = {}): Cast {
  const drafts = new Map<string, Draft>();
  const draft = (name: string): Draft => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { variants: new Set([name]), speaks: false, descriptions: [] }));
    return d;
  };
  let scene = 0;
  for (const el of elements) {
    if (el.type === "scene_heading") scene++;
    else if (el.type === "dialogue") {
      const n = displayName(el.character);
      if (n) draft(n).speaks = true;
    } else if (el.type === "action" && !el.lyric) {
      for (const intro of introductions(el.text)) {
        const d = draft(intro.name);
        const last = d.descriptions[d.descriptions.length - 1];
        if (!last || last.text !== intro.description) d.descriptions.push({ fromScene: scene, text: intro.description });
      }
    }
  }
  return makeCast(mergeVariants(drafts), overrides);
}

/** Names in capitals introduced with a description, in order; camera and sound words are skipped. */
export function introductions(text: string): Array<{ name: string; description: string }> {
  // an introduction needs capitals then "(" or ","; most action has neither
  if (!/\p{Lu}{2}[\p{Lu}'’.-]*\s*[(,]/u.test(text)) return [];
  const out: Array<{ name: string; description: string }> = [];
  for (const m of text.matchAll(INTRO)) {
    const name = nameOf(m[1]!);
    if (!name) continue;
    const description = describedBy(m[2], m[3], m[4]);
    if (description) out.push({ name, description });
  }
  return out;
}

/** "ANGLE ON MARA" → "Mara"; "LOW ANGLE" → null: leading camera and sound words are not a name. */
function nameOf(raw: string): string | null {
  const words = raw.split(" ");
  while (words.length && isNameStopWord(words[0]!)) words.shift();
  if (!words.length || words.every(isNameStopWord)) return null;
  const name = displayName(words.join(" "));
  return name.replace(/[.'’-]/g, "").length >= 2 ? name : null;
}

function describedBy(paren: string | undefined, after: string | undefined, appositive: string | undefined): string | null {
  if (paren !== undefined) {
    const p = paren.trim();
    if (!p || EXTENSION.test(p) || !/[\p{Ll}\d]/u.test(p)) return null;
    // "(70s, silver braid)", "(mid-thirties)", "(a tall man)": an age or a phrase, not "(wooden)"
    if (!AGE.test(p) && !/\d/.test(p) && !/\s/.test(p)) return null;
    return after ? `${p}, ${after.trim()}` : p;
  }
  const a = (appositive ?? "").trim();
  if (!a || /^\p{Ll}+ing\b/u.test(a)) return null; // "LOW ANGLE, looking up": an action, not a person
  return AGE.test(a) || APPOSITIVE.test(a) ? a : null;
}

/**
 * A one-word name joins the one fuller name it begins or ends ("Edward" → "Edward Bloom",
 * "Soggybottom" → "Mr. Soggybottom"); names qualified by age ("Young Edward") stay apart, and a
 * short name that fits several full ones stays its own character.
 */
function mergeVariants(drafts: Map<string, Draft>): Map<string, Draft> {
  const full = [...drafts.keys()].filter((n) => n.includes(" ") && !NAME_QUALIFIERS.has(firstWord(n).toUpperCase()));
  for (const short of [...drafts.keys()]) {
    if (short.includes(" ")) continue;
    const into = full.filter((f) => core(f).some((w, i, ws) => w === short && (i === 0 || i === ws.length - 1)));
    if (into.length !== 1) continue;
    const target = drafts.get(into[0]!)!;
    const from = drafts.get(short)!;
    for (const v of from.variants) target.variants.add(v);
    target.speaks ||= from.speaks;
    target.descriptions = [...target.descriptions, ...from.descriptions].sort((a, b) => a.fromScene - b.fromScene);
    drafts.delete(short);
  }
  return drafts;
}

function firstWord(n: string): string {
  return n.split(" ")[0]!;
}

/** the words of a name without a title: "Dr. Mira Okafor" → ["Mira", "Okafor"] */
function core(n: string): string[] {
  return n.split(" ").filter((w) => !TITLES.has(w.replace(/\.$/, "").toLowerCase()));
}

function makeCast(drafts: Map<string, Draft>, overrides: CastOverrides): Cast {
  const members: CastMember[] = [];
  const byVariant = new Map<string, CastMember>();
  for (const [name, d] of drafts) {
    // a capitalised word in action that never speaks and is never described is not a character
    if (!d.speaks && !d.descriptions.length) continue;
    const variants = [name, ...[...d.variants].filter((v) => v !== name).sort((a, b) => b.length - a.length)];
    const m: CastMember = { name, variants, speaks: d.speaks, descriptions: d.descriptions };
    members.push(m);
    for (const v of variants) byVariant.set(v.toLowerCase(), m);
  }
  // every shot asks about its people, often by the same spelling: each spelling is looked up once
  const resolved = new Map<string, CastMember | undefined>();
  const resolve = (name: string): CastMember | undefined => {
    if (resolved.has(name)) return resolved.get(name);
    const m = byVariant.get(displayName(name).toLowerCase()) ?? byVariant.get(name.trim().toLowerCase());
    resolved.set(name, m);
    return m;
  };
  const override = new Map<CastMember, string>();
  for (const [k, v] of Object.entries(overrides)) {
    const m = resolve(k);
    const text = v.replace(/\s+/g, " ").trim().slice(0, 200);
    if (m && text) override.set(m, text);
  }
  return {
    members,
    resolve,
    describe(name, scene) {
      const m = resolve(name);
      if (!m) return null;
      const o = override.get(m);
      if (o) return o;
      let text: string | null = null;
      for (const d of m.descriptions) if (scene === null ? text === null : d.fromScene <= scene) text = d.text;
      return text;
    },
  };
}

/** A cast from names and descriptions given whole (an LLM's answer): the same lookups, one description each. */
export function castFromList(list: ReadonlyArray<{ name: string; description: string }>, overrides: CastOverrides = {}): Cast {
  const drafts = new Map<string, Draft>();
  for (const c of list) {
    const name = displayName(c.name);
    if (!name || drafts.has(name)) continue;
    drafts.set(name, { variants: new Set([name]), speaks: true, descriptions: c.description.trim() ? [{ fromScene: 0, text: c.description.trim() }] : [] });
  }
  return makeCast(mergeVariants(drafts), overrides);
}

/**
 * Characters named in a piece of action, in the order they appear. A name counts in Title case or in
 * capitals ("Will", "WILL"), never as the common word ("she will go").
 */
export function charactersIn(raw: string, cast: Cast): string[] {
  // a description names no one in the shot: "MRS. PRYCE (80s, Edward's mother)"
  const text = raw.includes("(") ? raw.replace(/\([^()]*\)/g, (p) => " ".repeat(p.length)) : raw;
  const found: Array<{ name: string; at: number }> = [];
  for (const m of nameForms(cast)) {
    let at = Infinity;
    for (const v of m.forms) at = Math.min(at, indexOfWord(text, v));
    if (at !== Infinity) found.push({ name: m.name, at });
  }
  if (found.length < 2) return found.length ? [found[0]!.name] : [];
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

const formsByCast = new WeakMap<Cast, Array<{ name: string; forms: string[] }>>();

/** each member's variants as written and in capitals, worked out once per cast */
function nameForms(cast: Cast): Array<{ name: string; forms: string[] }> {
  let f = formsByCast.get(cast);
  if (!f) formsByCast.set(cast, (f = cast.members.map((m) => ({ name: m.name, forms: [...new Set(m.variants.flatMap((v) => [v, v.toUpperCase()]))] }))));
  return f;
}

function indexOfWord(text: string, word: string): number {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = i === 0 ? " " : text[i - 1]!;
    const after = text[i + word.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return i;
  }
  return Infinity;
}

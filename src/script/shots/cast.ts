/**
 * The cast: every character who speaks or is introduced in capitals, with the description the
 * script gives at first mention ("MARA (60s, weathered)"), so every shot describes them the same way.
 */
import type { ScriptElement } from "../parse/model";

export type Cast = ReadonlyMap<string, string | null>;

const INTRO = /\b([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})\s*(?:\(([^()]{2,80})\)|,\s*((?:\d0s|\d{1,2}|[a-z])[^,.;]{0,78}))/g;
const NOT_NAMES = new Set(["INT", "EXT", "EST", "CUT", "FADE", "THE", "A", "AN", "V.O.", "O.S.", "CONT'D", "POV", "CLOSE", "WIDE", "ANGLE", "INSERT", "BACK"]);

const names = new Map<string, string>();

/** "MARA" / "MARA (V.O.)" → "Mara"; "DR. OKAFOR" → "Dr. Okafor". */
export function displayName(character: string): string {
  let n = names.get(character);
  if (n === undefined) {
    if (names.size > 10_000) names.clear();
    names.set(character, (n = toDisplayName(character)));
  }
  return n;
}

function toDisplayName(character: string): string {
  const bare = character.replace(/\(.*?\)/g, "").replace(/[\^@]/g, "").trim();
  return bare
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w) => (w.length ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join("")
    .replace(/\bMc(\w)/g, (_m, c: string) => `Mc${c.toUpperCase()}`);
}

export function castOf(elements: readonly ScriptElement[]): Cast {
  const cast = new Map<string, string | null>();
  for (const el of elements) if (el.type === "dialogue") cast.set(displayName(el.character), cast.get(displayName(el.character)) ?? null);
  for (const el of elements) {
    if (el.type !== "action") continue;
    for (const m of el.text.matchAll(INTRO)) {
      const raw = m[1]!;
      if (NOT_NAMES.has(raw) || raw.length < 2) continue;
      const name = displayName(raw);
      const desc = (m[2] ?? m[3] ?? "").trim();
      // a capitalised intro with a description is a character even if they never speak
      if (desc && !cast.get(name)) cast.set(name, desc);
    }
  }
  return cast;
}

/** Characters named in a piece of action, in the order they appear. */
export function charactersIn(text: string, cast: Cast): string[] {
  const lower = text.toLowerCase();
  const found: Array<{ name: string; at: number }> = [];
  for (const name of cast.keys()) {
    const n = name.toLowerCase();
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
      const before = i === 0 ? " " : lower[i - 1]!;
      const after = lower[i + n.length] ?? " ";
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        found.push({ name, at: i });
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

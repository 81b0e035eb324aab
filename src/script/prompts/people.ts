/**
 * The people in a shot, described the way the cast bible says for that scene. A description the
 * script wrote in place ("EDWARD (60s, charming) lies in bed") is rewritten to the current one, so an
 * override or a later introduction reads the same in the action and in the cast line, never twice.
 */
import type { Cast } from "../shots/cast";
import type { Shot } from "../shots/shot";

export interface People {
  /** the shot's text with in-place descriptions brought up to date */
  readonly text: string;
  /** "Mara (60s, weathered); Sam" for the characters not already described in the text */
  readonly line: string;
}

export function describePeople(shot: Shot, cast: Cast, clean: (s: string) => string): People {
  if (!shot.characters.length) return { text: shot.text, line: "" };
  const scene = shot.scene?.number ?? null;
  let text = shot.text;
  const rest: string[] = [];
  for (const c of shot.characters) {
    const d = cast.describe(c, scene);
    if (!d) {
      rest.push(c);
      continue;
    }
    const m = cast.resolve(c);
    const inPlace = describedAt(text, m?.variants ?? [c], m?.descriptions.map((x) => x.text) ?? []);
    if (inPlace) text = `${text.slice(0, inPlace.from)}${inPlace.paren ? `(${d})` : d}${text.slice(inPlace.to)}`;
    else rest.push(`${c} (${clean(d)})`);
  }
  return { text, line: rest.join("; ") };
}

/** where "NAME (…)" or "NAME, <an introduction>" first stands in the text: the part to rewrite */
function describedAt(text: string, variants: readonly string[], intros: readonly string[]): { from: number; to: number; paren: boolean } | null {
  for (const v of variants) {
    for (const form of [v.toUpperCase(), v]) {
      const i = text.indexOf(form);
      if (i < 0) continue;
      const after = i + form.length;
      const m = /^\s*\([^()]{1,80}\)/.exec(text.slice(after, after + 90));
      if (m) return { from: text.indexOf("(", after), to: after + m[0].length, paren: true };
      for (const intro of intros) if (text.startsWith(`, ${intro}`, after)) return { from: after + 2, to: after + 2 + intro.length, paren: false };
    }
  }
  return null;
}

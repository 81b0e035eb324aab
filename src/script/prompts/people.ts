/**
 * The people in a shot, described the way the cast bible says for that scene. A description the
 * script wrote in place ("EDWARD (60s, charming) lies in bed") is rewritten to the current one, so an
 * override or a later introduction reads the same in the action and in the cast line, never twice.
 */
import type { Cast, CastDescription, CastMember } from "../shots/cast";
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
  let line = "";
  const add = (s: string) => (line = line ? `${line}; ${s}` : s);
  for (const c of shot.characters) {
    const d = cast.describe(c, scene);
    if (!d) {
      add(c);
      continue;
    }
    const m = text.includes("(") || text.includes(", ") ? cast.resolve(c) : undefined;
    const inPlace = m ? describedAt(text, forms(m), m.descriptions) : null;
    if (inPlace) text = `${text.slice(0, inPlace.from)}${inPlace.paren ? `(${d})` : d}${text.slice(inPlace.to)}`;
    else add(`${c} (${clean(d)})`);
  }
  return { text, line };
}

/** where "NAME (…)" or "NAME, <an introduction>" first stands in the text: the part to rewrite */
const formsOf = new WeakMap<CastMember, string[]>();

/** every way a name is written in action: in capitals and as written */
function forms(m: CastMember): string[] {
  let f = formsOf.get(m);
  if (!f) formsOf.set(m, (f = m.variants.flatMap((v) => [v.toUpperCase(), v])));
  return f;
}

function describedAt(text: string, names: readonly string[], descriptions: readonly CastDescription[]): { from: number; to: number; paren: boolean } | null {
  const intros = descriptions.map((d) => d.text);
  {
    for (const form of names) {
      const i = text.indexOf(form);
      if (i < 0) continue;
      const after = i + form.length;
      const m = /^\s*\(([^()]{1,80})\)/.exec(text.slice(after, after + 90));
      if (m) {
        // "WILL (17), braces": the introduction ran on past the parenthesis; rewrite all of it
        let to = after + m[0].length;
        for (const intro of intros) {
          const tail = intro.startsWith(`${m[1]!.trim()}, `) ? intro.slice(m[1]!.trim().length) : "";
          // the appositive's closing comma goes with it: "(20s, her boatman) holds the line"
          if (tail && text.startsWith(tail, to)) to += tail.length + (text[to + tail.length] === "," ? 1 : 0);
        }
        return { from: text.indexOf("(", after), to, paren: true };
      }
      for (const intro of intros) if (text.startsWith(`, ${intro}`, after)) return { from: after + 2, to: after + 2 + intro.length, paren: false };
    }
  }
  return null;
}

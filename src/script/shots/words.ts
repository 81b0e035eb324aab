/** Word counts and sentence splits that hold for any script: emoji, RTL and scripts without spaces. */

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g;

/** Words spoken or read; text without spaces (CJK) counts about two characters a word. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  let counted = false;
  let nonAscii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) {
      inWord = false;
      continue;
    }
    if (c > 127) nonAscii = true;
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    // a token counts once it holds a letter or digit (punctuation alone is not a word)
    if (!counted && (c > 127 || (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122))) {
      words++;
      counted = true;
    }
  }
  if (!nonAscii) return words;
  const cjk = text.match(CJK)?.length ?? 0;
  return cjk ? wordCount(text.replace(CJK, " ")) + Math.ceil(cjk / 2) : words;
}

/** Words whose full stop ends an abbreviation, not a sentence (compared lower-cased, without the dot). */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "mx", "dr", "st", "sr", "jr", "prof", "rev", "fr", "sgt", "lt", "col", "gen", "capt", "cpt", "cmdr", "maj", "det", "insp", "supt", "hon", "gov", "pres", "sen", "rep",
  "mt", "ft", "ave", "blvd", "rd", "vs", "etc", "approx", "dept", "inc", "ltd", "corp", "e.g", "i.e", "u.s", "u.k",
]);
/** Abbreviations only before a number ("No. 5", "Oct. 12"): elsewhere they are words ending a sentence. */
const NUMBER_ABBREVIATIONS = new Set(["no", "nos", "vol", "ch", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);

const BREAK_RE = /[.!?…。！？]["'”’)\]]*\s+/gu;

/**
 * Sentences, kept with their closing punctuation; one sentence when there is none. A full stop after
 * an abbreviation ("Mr.", "Dr.", "St.", "etc.") or an initial ("J. R.") does not end a sentence.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(BREAK_RE)) {
    const end = m.index! + m[0].length;
    if (m[0][0] === "." && !endsSentence(text, m.index!)) continue;
    const s = text.slice(from, end).trim();
    if (s) out.push(s);
    from = end;
  }
  const rest = text.slice(from).trim();
  if (rest) out.push(rest);
  return out.length ? out : [text.trim()];
}

/** Is the full stop at `dot` the end of a sentence, rather than of an abbreviation or an initial? */
function endsSentence(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot).replace(/^[("'“‘[]+/, "");
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Edgar"
  const w = word.toLowerCase();
  if (NUMBER_ABBREVIATIONS.has(w)) return !/^\s+\d/.test(text.slice(dot + 1));
  return !ABBREVIATIONS.has(w);
}

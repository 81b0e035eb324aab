/**
 * Placeholder rules as an editor writes them: words and examples ("PLACEHOLDER", "TBD", "SHOT 12"),
 * turned into the patterns the analysis matches. A number in an example stands for any number and
 * words match whole, any case. Patterns that are not plain words stay regular expressions (the
 * advanced option) and are shown as such.
 */

const META = /[\\^$.*+?()[\]{}|]/g;

/** "SHOT 12" → \bSHOT\s*\d+\b ; "B-ROLL" → \bB-ROLL\b */
export function wordToPattern(word: string): string | null {
  const w = word.trim().replace(/\s+/g, " ");
  if (!w) return null;
  const body = w
    .split(/(\d+)/)
    .map((part, i) => (i % 2 === 1 ? "\\d+" : part.replace(META, "\\$&").replace(/ /g, "\\s*")))
    .join("");
  const start = /^\w/.test(w) ? "\\b" : "";
  const end = /\w$/.test(w) ? "\\b" : "";
  return `${start}${body}${end}`;
}

/** The word or example a pattern stands for, or null when it is a real regular expression. */
export function patternToWord(pattern: string): string | null {
  const w = pattern
    .replace(/^\\b/, "")
    .replace(/\\b$/, "")
    .replace(/\\s[*+]/g, " ")
    .replace(/\\d\+/g, "12")
    .replace(/\\([\\^$.*+?()[\]{}|-])/g, "$1");
  const plain = w.replace(/[-– ]/g, "");
  if (/[\\^$.*+?()[\]{}|]/.test(plain)) return null;
  return w.trim() || null;
}

/** Words typed in Settings (comma or line separated) → patterns; empty entries are dropped. */
export function wordsToPatterns(text: string): string[] {
  return text
    .split(/[,\n]+/)
    .map(wordToPattern)
    .filter((x): x is string => x !== null);
}

/** Settings shows words when every pattern is one; else the advanced view is the honest one. */
export function patternsAsWords(patterns: readonly string[]): string | null {
  const words = patterns.map(patternToWord);
  return words.every((w) => w !== null) ? words.join(", ") : null;
}

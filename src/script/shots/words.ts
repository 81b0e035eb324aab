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

/** Sentences, kept with their closing punctuation; one sentence when there is none. */
export function sentences(text: string): string[] {
  const out = text
    .split(/(?<=[.!?…。！？])\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return out.length ? out : [text.trim()];
}

/** Shared text preparation so every parser sees the same line numbering and size bound. */

/** Upper bound on characters parsed; beyond this we truncate so huge pastes cannot stall the panel. */
export const MAX_INPUT_CHARS = 2_000_000;

export const TAB_WIDTH = 4;

export interface PreparedText {
  text: string;
  warnings: string[];
}

export const TRUNCATION_WARNING = `The text is longer than ${MAX_INPUT_CHARS.toLocaleString("en-US")} characters; only the beginning was read.`;

/**
 * Truncate, drop a BOM, unify newlines and expand tabs. Idempotent, so parsers can call it
 * even when parseScript already did.
 */
export function prepareText(input: unknown): PreparedText {
  const warnings: string[] = [];
  let text = typeof input === "string" ? input : input == null ? "" : String(input);
  if (text.length > MAX_INPUT_CHARS) {
    let cut = MAX_INPUT_CHARS;
    // Never leave half a surrogate pair behind: it would render as a replacement glyph.
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
    text = text.slice(0, cut);
    warnings.push(TRUNCATION_WARNING);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n").replace(/\t/g, " ".repeat(TAB_WIDTH));
  return { text, warnings };
}

export function splitLines(text: string): string[] {
  return text.split("\n");
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

/** Round to milliseconds: sources carry at most ms precision and float noise confuses comparisons. */
export function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/**
 * Share of characters that no text editor would produce (NUL, C0 controls other than whitespace).
 * Used to refuse binary files politely. U+FFFD is not counted: it marks text decoded with the wrong
 * encoding, which has its own message (parse/mojibake.ts).
 */
export function controlCharRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) bad++;
  }
  return bad / text.length;
}

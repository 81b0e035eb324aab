/**
 * Text that went through a wrong conversion. UTF-8 read as Windows-1252 ("â€™" for "’", "Ã©" for
 * "é") is reversible, so it is repaired; Windows-1252 read as UTF-8 leaves U+FFFD where a character
 * was lost, so those are taken out (a video model would draw them) and the editor is told how to fix
 * the file.
 */

// Windows-1252 bytes 0x80–0x9F that are printable characters; the rest are the same code as the byte.
const CP1252: Readonly<Record<string, number>> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e,
  "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};
const CONT = "[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]";
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, "g");
const CHEAP = /[\u00C2-\u00F4]/;

function byteOf(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? c : (CP1252[ch] ?? -1);
}

/** The UTF-8 character a run of mis-decoded bytes stood for, or null when they are not valid UTF-8. */
function decode(seq: string): string | null {
  const b = [...seq].map(byteOf);
  if (b.some((x) => x < 0)) return null;
  const n = b.length;
  let cp = n === 2 ? b[0]! & 0x1f : n === 3 ? b[0]! & 0x0f : b[0]! & 0x07;
  for (let i = 1; i < n; i++) {
    if ((b[i]! & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (b[i]! & 0x3f);
  }
  // overlong forms and surrogates are not what any encoder wrote
  if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) return null;
  return String.fromCodePoint(cp);
}

export interface RepairedText {
  readonly text: string;
  readonly warnings: readonly string[];
}

export function repairEncoding(text: string): RepairedText {
  const warnings: string[] = [];
  let out = text;
  if (CHEAP.test(out)) {
    let fixed = 0;
    out = out.replace(MOJIBAKE, (seq) => {
      const c = decode(seq);
      if (c === null) return seq;
      fixed++;
      return c;
    });
    if (fixed) warnings.push(`${fixed} character(s) had been garbled by a wrong conversion (UTF-8 read as Windows-1252, so "’" showed as "â€™"); Cutaway repaired them.`);
  }
  if (out.includes("\uFFFD")) {
    const lost = out.match(/\uFFFD/g)!.length;
    out = out.replace(/\uFFFD/g, "");
    warnings.push(
      `${lost} character(s) were lost before Cutaway saw the text (they show as "\uFFFD"): the file was probably saved as Windows-1252 or Latin-1 and read as UTF-8. They were left out of the shots; to keep them, re-save the file as UTF-8 in a text editor and paste or open it again.`,
    );
  }
  return { text: out, warnings };
}

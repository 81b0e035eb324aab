/**
 * Draws a slate card: a colour per shot, action- and title-safe frames, the shot number large, the
 * prompt wrapped (and cut with "..." when long), the duration and the timecode it will land at.
 * Pure: the same card always gives the same pixels.
 */
import { FALLBACK, GLYPHS, GLYPH_HEIGHT, GLYPH_WIDTH } from "../../../assets/font/slateFont";
import { GenerationError } from "../errors";
import { encodePng } from "./png";

export interface SlateCard {
  readonly width: number;
  readonly height: number;
  readonly shotNumber: number;
  readonly prompt: string;
  readonly durationSeconds: number;
  readonly timecode?: string;
  readonly label?: string;
}

export const MAX_SLATE_SIDE = 8192;

type RGB = readonly [number, number, number];

function hsl(h: number, s: number, l: number): RGB {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** Shot colours walk the hue circle so neighbouring shots differ at a glance. */
export function shotColour(shot: number): RGB {
  return hsl((Math.abs(Math.floor(shot)) * 137) % 360, 0.45, 0.22);
}

class Canvas {
  readonly px: Uint8Array;
  constructor(
    readonly w: number,
    readonly h: number,
    bg: RGB,
  ) {
    this.px = new Uint8Array(w * h * 3);
    for (let i = 0; i < this.px.length; i += 3) {
      this.px[i] = bg[0];
      this.px[i + 1] = bg[1];
      this.px[i + 2] = bg[2];
    }
  }
  rect(x0: number, y0: number, w: number, h: number, c: RGB): void {
    const x1 = Math.min(this.w, Math.max(0, x0 + w));
    const y1 = Math.min(this.h, Math.max(0, y0 + h));
    for (let y = Math.max(0, y0); y < y1; y++) {
      for (let x = Math.max(0, x0); x < x1; x++) {
        const i = (y * this.w + x) * 3;
        this.px[i] = c[0];
        this.px[i + 1] = c[1];
        this.px[i + 2] = c[2];
      }
    }
  }
  frame(x: number, y: number, w: number, h: number, t: number, c: RGB): void {
    this.rect(x, y, w, t, c);
    this.rect(x, y + h - t, w, t, c);
    this.rect(x, y, t, h, c);
    this.rect(x + w - t, y, t, h, c);
  }
  text(s: string, x: number, y: number, scale: number, c: RGB): void {
    let cx = x;
    for (const ch of s) {
      const g = GLYPHS[ch] ?? GLYPHS[ch.toUpperCase()] ?? GLYPHS[FALLBACK]!;
      for (let row = 0; row < GLYPH_HEIGHT; row++) {
        const bits = g[row]!;
        for (let col = 0; col < GLYPH_WIDTH; col++) if (bits & (1 << (GLYPH_WIDTH - 1 - col))) this.rect(cx + col * scale, y + row * scale, scale, scale, c);
      }
      cx += (GLYPH_WIDTH + 1) * scale;
    }
  }
}

/** Plain ASCII for the bitmap font: accents folded, dashes and quotes simplified, the rest boxed. */
export function slateText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2012-\u2015]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

export function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const pieces = [...word].length > perLine ? word.match(new RegExp(`.{1,${perLine}}`, "gu")) ?? [word] : [word];
    for (const w of pieces) {
      if (!line) line = w;
      else if ([...line].length + 1 + [...w].length <= perLine) line += ` ${w}`;
      else {
        lines.push(line);
        line = w;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = [...kept[maxLines - 1]!];
    kept[maxLines - 1] = `${last.slice(0, Math.max(0, perLine - 3)).join("")}...`;
    return kept;
  }
  return lines;
}

export function renderSlate(card: SlateCard): Uint8Array {
  const { width: w, height: h } = card;
  if (!Number.isInteger(w) || !Number.isInteger(h) || w < 16 || h < 16 || w > MAX_SLATE_SIDE || h > MAX_SLATE_SIDE) {
    throw new GenerationError("invalid_request", `A slate cannot be ${w}×${h}: the frame size must be whole pixels between 16 and ${MAX_SLATE_SIDE}.`);
  }
  const ink: RGB = [236, 236, 228];
  const dim: RGB = [150, 150, 150];
  const c = new Canvas(w, h, shotColour(card.shotNumber));
  // action safe 93%, title safe 90%: editors read the card inside the frame they already trust
  const ax = Math.round(w * 0.035);
  const ay = Math.round(h * 0.035);
  c.frame(ax, ay, w - 2 * ax, h - 2 * ay, Math.max(1, Math.round(h / 540)), dim);
  const tx = Math.round(w * 0.05);
  const ty = Math.round(h * 0.05);
  c.frame(tx, ty, w - 2 * tx, h - 2 * ty, Math.max(1, Math.round(h / 1080)), dim);

  const unit = Math.max(1, Math.floor(Math.min(w, h * 1.6) / 320));
  const inner = w - 2 * tx - 4 * unit;
  const x = tx + 2 * unit;
  let y = ty + 2 * unit;
  c.text(slateText(card.label ?? "Cutaway slate"), x, y, unit, dim);
  y += (GLYPH_HEIGHT + 4) * unit;
  const big = unit * 4;
  c.text(`SHOT ${String(Math.max(0, Math.floor(card.shotNumber))).padStart(3, "0")}`, x, y, big, ink);
  y += (GLYPH_HEIGHT + 3) * big;
  const mid = unit * 2;
  const perLine = Math.max(8, Math.floor(inner / ((GLYPH_WIDTH + 1) * mid)));
  const footer = (GLYPH_HEIGHT + 4) * unit;
  const room = h - ty - 2 * unit - footer - y;
  const maxLines = Math.max(1, Math.floor(room / ((GLYPH_HEIGHT + 3) * mid)));
  for (const line of wrap(slateText(card.prompt) || "(NO PROMPT)", perLine, maxLines)) {
    c.text(line, x, y, mid, ink);
    y += (GLYPH_HEIGHT + 3) * mid;
  }
  const seconds = Number.isFinite(card.durationSeconds) ? card.durationSeconds.toFixed(1) : "?";
  const foot = [`${seconds} S`, card.timecode ? `AT ${card.timecode}` : "", `${w}X${h}`].filter(Boolean).join("   ");
  c.text(foot, x, h - ty - 2 * unit - GLYPH_HEIGHT * unit, unit, ink);
  return encodePng(w, h, c.px);
}

/**
 * Rational frame rates. 23.976 is really 24000/1001; storing it as a float drifts by a frame
 * every ~7 minutes, so rates are integer num/den and every frame boundary is computed exactly.
 */
import { InvalidInputError } from "../errors";
import { TICKS_PER_SECOND, type Ticks } from "./ticks";

export interface FrameRate {
  /** frames = num per den seconds */
  readonly num: number;
  readonly den: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function frameRate(num: number, den = 1): FrameRate {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num <= 0 || den <= 0) {
    throw new InvalidInputError(
      "bad_rate",
      `A frame rate of ${num}/${den} is not usable: both parts must be positive whole numbers.`,
    );
  }
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export const RATES = {
  fps23_976: frameRate(24000, 1001),
  fps24: frameRate(24),
  fps25: frameRate(25),
  fps29_97: frameRate(30000, 1001),
  fps30: frameRate(30),
  fps50: frameRate(50),
  fps59_94: frameRate(60000, 1001),
  fps60: frameRate(60),
} as const;

export const SUPPORTED_RATES: readonly FrameRate[] = Object.values(RATES);

/** NTSC rates (x000/1001) are shown and named with their customary decimals. */
export function parseRate(text: string): FrameRate {
  const t = text.trim();
  const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac) return frameRate(Number(frac[1]), Number(frac[2]));
  const known: Record<string, FrameRate> = {
    "23.976": RATES.fps23_976,
    "23.98": RATES.fps23_976,
    "29.97": RATES.fps29_97,
    "59.94": RATES.fps59_94,
  };
  const k = known[t];
  if (k) return k;
  if (/^\d+$/.test(t)) return frameRate(Number(t));
  throw new InvalidInputError("bad_rate", `"${text}" is not a frame rate Cutaway knows (try 23.976, 25, 29.97 or 30000/1001).`);
}

export function rateEquals(a: FrameRate, b: FrameRate): boolean {
  return a.num === b.num && a.den === b.den;
}

export function rateToNumber(r: FrameRate): number {
  return r.num / r.den;
}

export function rateLabel(r: FrameRate): string {
  if (r.den === 1) return String(r.num);
  if (r.den === 1001) return (r.num / 1001).toFixed(r.num % 1000 === 0 ? 3 : 2).replace(/0+$/, "").replace(/\.$/, "");
  return `${r.num}/${r.den}`;
}

/** Exact ticks per frame as a fraction (num/den of ticks); integral for every common rate. */
function ticksPerFrameFraction(r: FrameRate): { n: bigint; d: bigint } {
  return { n: TICKS_PER_SECOND * BigInt(r.den), d: BigInt(r.num) };
}

/** Integral ticks per frame, or null when the rate does not divide Premiere's tick clock. */
export function ticksPerFrame(r: FrameRate): Ticks | null {
  const { n, d } = ticksPerFrameFraction(r);
  return n % d === 0n ? n / d : null;
}

/**
 * Premiere's timebase string is the number of ticks per frame ("10594584000" for 23.976).
 * The rate is TICKS_PER_SECOND / tpf, reduced.
 */
export function rateFromTimebase(timebase: string): FrameRate {
  const s = timebase.trim();
  if (!/^\d+$/.test(s) || BigInt(s) === 0n) {
    throw new InvalidInputError("bad_timebase", `The sequence timebase "${timebase}" is not a tick count per frame.`);
  }
  const tpf = BigInt(s);
  let n = TICKS_PER_SECOND;
  let d = tpf;
  let a = n;
  let b = d;
  while (b !== 0n) [a, b] = [b, a % b];
  n /= a;
  d /= a;
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || d > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidInputError("bad_timebase", `The sequence timebase "${timebase}" gives an unusable frame rate.`);
  }
  return frameRate(Number(n), Number(d));
}

export function timebaseFromRate(r: FrameRate): string {
  const tpf = ticksPerFrame(r);
  if (tpf === null) throw new InvalidInputError("bad_rate", `${rateLabel(r)} fps has no whole number of ticks per frame.`);
  return tpf.toString();
}

// ---- frames <-> ticks -------------------------------------------------------------------------

function checkFrames(frames: bigint | number): bigint {
  if (typeof frames === "number") {
    if (!Number.isSafeInteger(frames)) {
      throw new InvalidInputError("bad_frames", `${frames} is not a whole number of frames.`);
    }
    return BigInt(frames);
  }
  return frames;
}

/**
 * The tick at which frame `frames` starts. For rates whose frame length is not a whole number of
 * ticks we take the ceiling, which keeps framesAt(ticksAt(n)) === n exact for every n.
 */
export function framesToTicks(frames: bigint | number, r: FrameRate): Ticks {
  const f = checkFrames(frames);
  const { n, d } = ticksPerFrameFraction(r);
  const p = f * n;
  const q = p / d;
  return p % d === 0n || p < 0n ? q : q + 1n;
}

/** The frame that contains `t` (floor). */
export function ticksToFrames(t: Ticks, r: FrameRate): bigint {
  const { n, d } = ticksPerFrameFraction(r);
  const p = t * d;
  const q = p / n;
  return p % n !== 0n && p < 0n ? q - 1n : q;
}

export type SnapMode = "floor" | "ceil" | "nearest";

export function snapToFrame(t: Ticks, r: FrameRate, mode: SnapMode = "nearest"): Ticks {
  const f = ticksToFrames(t, r);
  const start = framesToTicks(f, r);
  if (start === t || mode === "floor") return start;
  const next = framesToTicks(f + 1n, r);
  if (mode === "ceil") return next;
  return t - start < next - t ? start : next;
}

export function isOnFrame(t: Ticks, r: FrameRate): boolean {
  return framesToTicks(ticksToFrames(t, r), r) === t;
}

/** Whole frames in a duration, rounding to the nearest frame (durations from hosts can be a tick off). */
export function durationFrames(d: Ticks, r: FrameRate): bigint {
  return ticksToFrames(snapToFrame(d, r, "nearest"), r);
}

export function secondsToFrames(seconds: number, r: FrameRate): bigint {
  if (!Number.isFinite(seconds)) throw new InvalidInputError("bad_time", `${seconds} seconds is not a finite time.`);
  // frames = seconds * num / den, rounded to nearest, done on microseconds to stay exact-ish
  const micros = BigInt(Math.round(seconds * 1_000_000));
  const p = micros * BigInt(r.num);
  const q = 1_000_000n * BigInt(r.den);
  return (p * 2n + q) / (2n * q);
}

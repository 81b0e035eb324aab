/**
 * Premiere measures time in ticks: 254,016,000,000 per second. Every common frame rate has an
 * integer number of ticks per frame. A 24 h sequence is ~2.2e16 ticks, past 2^53, so ticks are
 * BigInt everywhere in Cutaway; conversion to/from host strings happens only at the adapters.
 */
import { InvalidInputError } from "../errors";

export type Ticks = bigint;

export const TICKS_PER_SECOND: Ticks = 254_016_000_000n;

export function ticksFromString(s: string): Ticks {
  if (!/^-?\d+$/.test(s.trim())) {
    throw new InvalidInputError("bad_ticks", `"${s}" is not a tick count (expected an integer string).`);
  }
  return BigInt(s.trim());
}

export function ticksToString(t: Ticks): string {
  return t.toString();
}

/** Exact conversion of a whole number of milliseconds. */
export function ticksFromMillis(ms: number): Ticks {
  if (!Number.isFinite(ms)) throw new InvalidInputError("bad_time", `A time of ${ms} ms is not a finite number.`);
  return (BigInt(Math.round(ms)) * TICKS_PER_SECOND) / 1000n;
}

/**
 * Seconds (e.g. a provider's "duration: 5", or a transcript time) to ticks, rounded to the nearest
 * microsecond first so float noise like 4.999999999 does not become a tick short.
 */
export function ticksFromSeconds(seconds: number): Ticks {
  if (!Number.isFinite(seconds)) {
    throw new InvalidInputError("bad_time", `A time of ${seconds} seconds is not a finite number.`);
  }
  const micros = BigInt(Math.round(seconds * 1_000_000));
  return (micros * TICKS_PER_SECOND) / 1_000_000n;
}

/** For display and provider requests only, never for stored times. */
export function ticksToSeconds(t: Ticks): number {
  const whole = t / TICKS_PER_SECOND;
  const rest = t % TICKS_PER_SECOND;
  return Number(whole) + Number(rest) / Number(TICKS_PER_SECOND);
}

export function minTicks(a: Ticks, b: Ticks): Ticks {
  return a < b ? a : b;
}

export function maxTicks(a: Ticks, b: Ticks): Ticks {
  return a > b ? a : b;
}

/** Half-open range [start, end). */
export interface TickRange {
  readonly start: Ticks;
  readonly end: Ticks;
}

export function rangeDuration(r: TickRange): Ticks {
  return r.end - r.start;
}

export function rangesOverlap(a: TickRange, b: TickRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function checkRange(r: TickRange, what = "range"): TickRange {
  if (r.end <= r.start) {
    throw new InvalidInputError(
      "empty_range",
      `The ${what} ends before it starts or has no length (start ${r.start}, end ${r.end} ticks).`,
    );
  }
  return r;
}

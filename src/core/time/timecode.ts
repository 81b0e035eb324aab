/**
 * SMPTE timecode. Drop-frame (29.97, 59.94) skips frame *labels* 00–01 (or 00–03) at the start of
 * every minute except each tenth minute, so the label tracks wall-clock time; no frame is dropped.
 */
import { InvalidInputError } from "../errors";
import { type FrameRate } from "./rate";
import { framesToTicks, ticksToFrames } from "./rate";
import type { Ticks } from "./ticks";

/** Labels count at the rounded rate: 30 for 29.97, 24 for 23.976. */
export function nominalFps(r: FrameRate): number {
  return Math.round(r.num / r.den);
}

/** Drop-frame applies to NTSC rates whose nominal fps is a multiple of 30 (29.97, 59.94). */
export function isDropFrameRate(r: FrameRate): boolean {
  return r.den === 1001 && nominalFps(r) % 30 === 0;
}

function dropPerMinute(r: FrameRate): bigint {
  return BigInt((nominalFps(r) / 30) * 2);
}

function pad(n: bigint, width = 2): string {
  return n.toString().padStart(width, "0");
}

export interface TimecodeOptions {
  /** default: drop-frame wherever the rate allows it */
  dropFrame?: boolean;
}

export function framesToTimecode(frame: bigint, r: FrameRate, opts: TimecodeOptions = {}): string {
  const df = (opts.dropFrame ?? true) && isDropFrameRate(r);
  const fps = BigInt(nominalFps(r));
  const negative = frame < 0n;
  let f = negative ? -frame : frame;
  if (df) {
    const drop = dropPerMinute(r);
    const per10 = fps * 600n - drop * 9n;
    const perMin = fps * 60n - drop;
    const tens = f / per10;
    const rem = f % per10;
    f += drop * 9n * tens;
    if (rem > drop) f += drop * ((rem - drop) / perMin);
  }
  const ff = f % fps;
  const totalSeconds = f / fps;
  const ss = totalSeconds % 60n;
  const mm = (totalSeconds / 60n) % 60n;
  const hh = totalSeconds / 3600n;
  const sep = df ? ";" : ":";
  return `${negative ? "-" : ""}${pad(hh)}:${pad(mm)}:${pad(ss)}${sep}${pad(ff)}`;
}

export function ticksToTimecode(t: Ticks, r: FrameRate, opts: TimecodeOptions = {}): string {
  return framesToTimecode(ticksToFrames(t, r), r, opts);
}

/** Parses HH:MM:SS:FF or HH:MM:SS;FF (drop-frame); a `;` or `.` before the frames means drop-frame. */
export function timecodeToFrames(tc: string, r: FrameRate): bigint {
  const m = /^(-)?(\d{1,3}):(\d{2}):(\d{2})([:;.,])(\d{2,3})$/.exec(tc.trim());
  if (!m) {
    throw new InvalidInputError("bad_timecode", `"${tc}" is not a timecode like 01:00:10:12 (or 01:00:10;12 for drop-frame).`);
  }
  const [, sign, h, mi, s, sep, fr] = m;
  const hh = BigInt(h!);
  const mm = BigInt(mi!);
  const ss = BigInt(s!);
  const ff = BigInt(fr!);
  const fps = BigInt(nominalFps(r));
  if (mm > 59n || ss > 59n || ff >= fps) {
    throw new InvalidInputError("bad_timecode", `"${tc}" has a field out of range for ${nominalFps(r)} fps.`);
  }
  const df = (sep === ";" || sep === ",") && isDropFrameRate(r);
  let frames = (hh * 3600n + mm * 60n + ss) * fps + ff;
  if (df) {
    const drop = dropPerMinute(r);
    if (ss === 0n && ff < drop && mm % 10n !== 0n) {
      throw new InvalidInputError("bad_timecode", `"${tc}" does not exist in drop-frame timecode (labels ;00–;0${drop - 1n} are skipped at that minute).`);
    }
    const totalMinutes = hh * 60n + mm;
    frames -= drop * (totalMinutes - totalMinutes / 10n);
  }
  return sign ? -frames : frames;
}

export function timecodeToTicks(tc: string, r: FrameRate): Ticks {
  return framesToTicks(timecodeToFrames(tc, r), r);
}

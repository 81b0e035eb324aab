/**
 * A snapshot comes from a host we do not control; before any decision rests on it, it is checked.
 * Problems are reported as sentences an editor can act on, with timecodes, not tick counts.
 */
import { InvalidInputError } from "../errors";
import { ticksPerFrame, ticksToTimecode } from "../time";
import type { SequenceSnapshot } from "./types";

export const MAX_MARKERS = 100_000;

export function validateSnapshot(s: SequenceSnapshot): SequenceSnapshot {
  if (!Number.isSafeInteger(s.rate.num) || !Number.isSafeInteger(s.rate.den) || s.rate.num <= 0 || s.rate.den <= 0) {
    throw new InvalidInputError("bad_rate", `The sequence "${s.name}" has a frame rate Cutaway cannot read (${s.rate.num}/${s.rate.den}).`);
  }
  if (ticksPerFrame(s.rate) === null) {
    throw new InvalidInputError("bad_rate", `The sequence "${s.name}" has a frame rate that does not fit Premiere's clock (${s.rate.num}/${s.rate.den}).`);
  }
  const { width, height } = s.frameSize;
  if (!Number.isFinite(width) || !Number.isFinite(height) || width <= 0 || height <= 0) {
    throw new InvalidInputError("bad_frame_size", `The sequence "${s.name}" has no usable frame size (${width}×${height}).`);
  }
  if (s.markers.length > MAX_MARKERS) {
    throw new InvalidInputError("too_many_markers", `The sequence has ${s.markers.length} markers; Cutaway reads at most ${MAX_MARKERS}.`);
  }
  for (const track of s.videoTracks) {
    let prevEnd: bigint | null = null;
    let prevStart: bigint | null = null;
    for (const clip of track.clips) {
      if (clip.end <= clip.start) {
        throw new InvalidInputError(
          "bad_clip",
          `The clip "${clip.name}" on V${track.index + 1} at ${ticksToTimecode(clip.start, s.rate)} has no length — the sequence data looks corrupted.`,
        );
      }
      if (prevStart !== null && clip.start < prevStart) {
        throw new InvalidInputError("unsorted_clips", `Clips on V${track.index + 1} are out of order — the sequence data looks corrupted.`);
      }
      if (prevEnd !== null && clip.start < prevEnd) {
        throw new InvalidInputError(
          "overlapping_clips",
          `Track V${track.index + 1} has two clips overlapping at ${ticksToTimecode(clip.start, s.rate)} — the sequence data looks corrupted. Re-open the sequence and try again.`,
        );
      }
      prevStart = clip.start;
      prevEnd = clip.end;
    }
  }
  return s;
}

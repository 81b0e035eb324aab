/**
 * Extend: a range of N frames at a clip's head or tail, edge to edge with it, for a generated shot
 * that starts on the clip's last frame (tail) or ends on its first (head). Frame counts are whole
 * frames at the sequence rate; the length is clamped to the longest clip the model makes. The range
 * becomes an ordinary target above the clip, so the planner's rule holds: the lowest track above
 * that is free over the whole range, never over another clip.
 */
import { InvalidInputError } from "../errors";
import { framesToTicks, snapToFrame, TICKS_PER_SECOND, ticksFromSeconds, ticksToFrames, type Ticks } from "../time";
import { chooseDuration } from "../plan/plan";
import type { GenerationLimits, Placement, Target } from "../plan/types";
import type { Clip, SequenceSnapshot } from "../timeline";
import { markerNotes } from "./targets";

export type ClipEdge = "head" | "tail";

export interface ExtendOptions {
  readonly edge: ClipEdge;
  /** frames asked for */
  readonly frames: number;
  /** the model's longest clip in seconds: the range is clamped to the whole frames that fit in it */
  readonly maxSeconds: number;
  /** the clip to extend; absent: the selected clip, else the clip whose edge is nearest the playhead */
  readonly clipId?: string;
  readonly prompt?: string;
  /** the model's own frame rate (its media's frame grid); null/absent: the sequence's */
  readonly mediaFps?: number | null;
}

/** Which frame of the editor's clip pins the generated shot, and where in the generated shot it goes. */
export interface FramePin {
  /** "first": the generated shot starts on this frame (tail); "last": it ends on it (head) */
  readonly role: "first" | "last";
  /** sequence time of the clip's frame to export */
  readonly at: Ticks;
}

export interface ExtendTarget {
  readonly target: Target;
  readonly clip: Clip;
  readonly edge: ClipEdge;
  readonly frames: bigint;
  readonly requestedFrames: bigint;
  /** why fewer frames than asked: the model's limit or the start of the sequence */
  readonly clampedBy: "model" | "sequence-start" | null;
  readonly pin: FramePin;
  /** the editor's enabled clips at or below the clip's track that the extension will show over */
  readonly covers: readonly Clip[];
}

function videoClips(s: SequenceSnapshot): Clip[] {
  return s.videoTracks.flatMap((t) => t.clips.filter((c) => c.enabled && c.mediaKind !== "audio"));
}

/**
 * The clip to extend: the first selected enabled video clip (lowest track first), else the clip
 * whose head (or tail) is nearest the playhead; a tie goes to the lower track, the picture's base.
 */
export function pickExtendClip(s: SequenceSnapshot, edge: ClipEdge, clipId?: string): Clip | null {
  const clips = videoClips(s);
  if (clipId !== undefined) return clips.find((c) => c.id === clipId) ?? null;
  const selected = new Set(s.selection);
  const picked = clips.filter((c) => selected.has(c.id)).sort((a, b) => a.trackIndex - b.trackIndex || (a.start < b.start ? -1 : 1));
  if (picked.length) return picked[0]!;
  let best: Clip | null = null;
  let bestDistance = 0n;
  for (const c of clips) {
    const edgeAt = edge === "head" ? c.start : c.end;
    const d = edgeAt > s.playhead ? edgeAt - s.playhead : s.playhead - edgeAt;
    if (!best || d < bestDistance || (d === bestDistance && c.trackIndex < best.trackIndex)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The whole frames of `maxSeconds` at the sequence rate (a 4 s model at 23.976 makes 95 full frames). */
export function framesInSeconds(s: SequenceSnapshot, seconds: number): bigint {
  if (!Number.isFinite(seconds)) return BigInt(Number.MAX_SAFE_INTEGER);
  return ticksToFrames(ticksFromSeconds(seconds), s.rate);
}

export function extendTarget(s: SequenceSnapshot, o: ExtendOptions): ExtendTarget {
  if (!Number.isSafeInteger(o.frames) || o.frames <= 0) {
    throw new InvalidInputError("bad_frames", `Extend by a whole number of frames (at least 1), not ${o.frames}.`);
  }
  const clip = pickExtendClip(s, o.edge, o.clipId);
  if (!clip) {
    throw new InvalidInputError("no_clip", o.clipId ? "The clip to extend is no longer in the sequence; select it again." : "Select a clip to extend, or put the playhead near one end of a clip.");
  }
  const requested = BigInt(o.frames);
  // one frame of the generated shot is the pinned frame the clip already shows: it is trimmed away
  const modelFrames = Number.isFinite(o.maxSeconds) ? ticksToFrames(ticksFromSeconds(o.maxSeconds) - pinnedFrameTicks(s, o.mediaFps), s.rate) : framesInSeconds(s, o.maxSeconds);
  let frames = requested < modelFrames ? requested : modelFrames;
  let clampedBy: ExtendTarget["clampedBy"] = frames < requested ? "model" : null;
  // clip edges are frame-aligned in Premiere; snapping again keeps a tick-off host value exact
  const startFrame = ticksToFrames(snapToFrame(clip.start, s.rate, "nearest"), s.rate);
  const endFrame = ticksToFrames(snapToFrame(clip.end, s.rate, "nearest"), s.rate);
  if (o.edge === "head" && startFrame < frames) {
    frames = startFrame;
    clampedBy = "sequence-start";
  }
  if (frames <= 0n) {
    throw new InvalidInputError("no_room", `“${clip.name}” starts at the very start of the sequence: there is no time before it to extend into.`);
  }
  const range =
    o.edge === "tail"
      ? { start: framesToTicks(endFrame, s.rate), end: framesToTicks(endFrame + frames, s.rate) }
      : { start: framesToTicks(startFrame - frames, s.rate), end: framesToTicks(startFrame, s.rate) };
  const pin: FramePin = o.edge === "tail" ? { role: "first", at: framesToTicks(endFrame - 1n, s.rate) } : { role: "last", at: framesToTicks(startFrame, s.rate) };
  const target: Target = {
    id: `extend-${o.edge}-${clip.id}`,
    range,
    prompt: o.prompt?.trim() ?? "",
    baseTrackIndex: clip.trackIndex,
    kind: "extend",
    context: [o.edge === "tail" ? `continuing "${clip.name}"` : `leading into "${clip.name}"`, ...markerNotes(s, range)],
  };
  const covers = s.videoTracks
    .slice(0, clip.trackIndex + 1)
    .flatMap((t) => t.clips.filter((c) => c.enabled && c.id !== clip.id && c.start < range.end && c.end > range.start));
  return { target, clip, edge: o.edge, frames, requestedFrames: requested, clampedBy, pin, covers };
}

/**
 * A planned shot, trimmed so a pinned frame (a copy of a clip's own) is never shown: a shot pinned by
 * its first frame (a tail, a bridge) skips it, one pinned by its last (a head) ends one frame before it. Media length is taken as
 * the nominal generated length, as the planner does for every shot.
 */
export function pinnedPlacement(p: Placement, role: FramePin["role"], s: SequenceSnapshot, limits: GenerationLimits): Placement | null {
  const one = pinnedFrameTicks(s, limits.fps);
  const len = p.range.end - p.range.start;
  const seconds = chooseDuration(len + one, limits);
  if (seconds === null) return null;
  if (role === "first") return { ...p, generationSeconds: seconds, sourceIn: one, sourceOut: one + len };
  const generated = ticksFromSeconds(seconds);
  return { ...p, generationSeconds: seconds, sourceIn: generated - one - len, sourceOut: generated - one };
}

/**
 * One frame of the generated media, the pinned frame, in ticks: at the model's own rate (rounded up
 * to whole ticks), else the sequence's. Premiere keeps source in/out on the media's frames, so
 * skipping one sequence frame of 24 fps media at 25 fps would snap back onto the pinned frame.
 */
export function pinnedFrameTicks(s: SequenceSnapshot, mediaFps: number | null | undefined): Ticks {
  if (!mediaFps || !Number.isFinite(mediaFps) || mediaFps <= 0) return framesToTicks(1, s.rate);
  const milli = BigInt(Math.round(mediaFps * 1000));
  return (TICKS_PER_SECOND * 1000n + milli - 1n) / milli;
}

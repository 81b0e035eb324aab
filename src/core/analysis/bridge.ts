/**
 * Bridges: a picture hole between two clips, filled by a shot that starts on A's last frame and ends
 * on B's first. Only holes with a clip on both sides qualify, and only models that take a first AND
 * a last frame can make one at the hole's length.
 */
import { framesToTicks, ticksToFrames, type Ticks } from "../time";
import type { Target } from "../plan/types";
import type { Clip, SequenceSnapshot } from "../timeline";
import { findPictureHoles, holeAt, inOutRange, wholeSequence, type Gap } from "./gaps";
import { markerNotes } from "./targets";

export interface Bridge {
  readonly target: Target;
  readonly before: Clip;
  readonly after: Clip;
  /** A's last frame (sequence time): the generated shot starts on it */
  readonly firstFrameAt: Ticks;
  /** B's first frame: the generated shot ends on it */
  readonly lastFrameAt: Ticks;
}

export type BridgeScope = "playhead" | "inout" | "all";

function bridgeOf(s: SequenceSnapshot, g: Gap, prompt: string): Bridge | null {
  if (!g.before || !g.after) return null;
  const lastOfA = framesToTicks(ticksToFrames(g.before.end, s.rate) - 1n, s.rate);
  return {
    target: {
      id: `bridge-${g.range.start}`,
      range: g.range,
      prompt,
      baseTrackIndex: g.trackIndex,
      kind: "bridge",
      context: [`from "${g.before.name}"`, `to "${g.after.name}"`, ...markerNotes(s, g.range)],
    },
    before: g.before,
    after: g.after,
    firstFrameAt: lastOfA,
    lastFrameAt: g.after.start,
  };
}

/** Holes with a clip on each side, in the scope asked for. */
export function findBridges(s: SequenceSnapshot, scope: BridgeScope, prompt = ""): Bridge[] {
  if (scope === "playhead") {
    const g = holeAt(s, s.playhead);
    const b = g ? bridgeOf(s, g, prompt) : null;
    return b ? [b] : [];
  }
  const within = scope === "inout" ? inOutRange(s) : wholeSequence(s);
  if (!within || within.end <= within.start) return [];
  return findPictureHoles(s, within).flatMap((g) => bridgeOf(s, g, prompt) ?? []);
}

export interface BridgeModel {
  readonly id: string;
  readonly label: string;
  readonly imageToVideo: boolean;
  readonly lastFrame: boolean;
  readonly durationsSeconds: readonly number[];
  /** lengths allowed when a last frame is given (Veo 3.1: 8 s only); absent: any of durationsSeconds */
  readonly lastFrameDurationsSeconds?: readonly number[];
}

/** Models that can start on one frame and end on another, for a bridge of `seconds` (plan-time check). */
export function bridgeCapable<M extends BridgeModel>(models: readonly M[], seconds: number): M[] {
  return models.filter((m) => {
    if (!m.imageToVideo || !m.lastFrame) return false;
    const lengths = m.lastFrameDurationsSeconds ?? m.durationsSeconds;
    return lengths.length === 0 || Math.max(...lengths) >= seconds - 1e-9;
  });
}

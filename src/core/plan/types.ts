/**
 * Plans are data: where each generated shot lands and how it is trimmed. Nothing here executes.
 */
import type { Ticks, TickRange } from "../time";
import type { FrameSize } from "../timeline";

/** What the planner needs to know of a backend model; the backends' capabilities map onto it. */
export interface GenerationLimits {
  /** allowed clip lengths in whole or fractional seconds, ascending (e.g. [4, 6, 8]); empty = any from min to max */
  readonly durationsSeconds: readonly number[];
  readonly minSeconds?: number;
  readonly maxSeconds?: number;
  /** e.g. ["16:9", "9:16", "1:1"] */
  readonly aspects: readonly string[];
  readonly sizes: readonly (FrameSize & { readonly aspect: string })[];
  /** null = the backend follows the sequence rate (slates) */
  readonly fps: number | null;
  readonly maxPromptChars: number;
}

/** What the editor wants filled: one range on the timeline, with what to generate there. */
export interface Target {
  readonly id: string;
  readonly range: TickRange;
  readonly prompt: string;
  readonly negativePrompt?: string;
  /** track the target belongs to (the gap's track, the A-roll clip's track); placement goes above */
  readonly baseTrackIndex: number;
  /** clip to disable when the placement lands (placeholder replacement) */
  readonly replacesClipId?: string;
  readonly kind: "gap" | "hole" | "broll" | "placeholder" | "script" | "playhead" | "inout" | "extend" | "bridge" | "conform";
  /** placements must stay BELOW this track (a protected title or graphic above the range) */
  readonly ceilingTrackIndex?: number;
  /** always land on a new top track (script inserted at the playhead) */
  readonly forceNewTrack?: boolean;
  /** words for the prompt when the editor gave none: marker notes, neighbour names, transcript */
  readonly context?: readonly string[];
}

export interface Placement {
  readonly id: string;
  readonly targetId: string;
  /** 1-based shot number across the whole request, used in names ("Cutaway 012 – …") */
  readonly shotNumber: number;
  /** where the clip lands on the timeline */
  readonly range: TickRange;
  /** video track index; >= the current track count means "a new track" */
  readonly trackIndex: number;
  readonly newTrack: boolean;
  /** what to ask the backend for */
  readonly generationSeconds: number;
  /** source in/out of the generated media so the clip ends exactly on range.end (out exclusive) */
  readonly sourceIn: Ticks;
  readonly sourceOut: Ticks;
  readonly aspect: string;
  readonly size: FrameSize;
  readonly name: string;
  readonly prompt: string;
  readonly negativePrompt?: string;
  readonly replacesClipId?: string;
  /** set when the range is longer than the backend allows and the planner split it */
  readonly part?: { readonly index: number; readonly of: number };
}

export interface PlanWarning {
  readonly targetId: string;
  readonly code: string;
  readonly message: string;
}

export interface Plan {
  readonly placements: readonly Placement[];
  readonly warnings: readonly PlanWarning[];
}

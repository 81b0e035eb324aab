/**
 * An immutable snapshot of one sequence, as Cutaway sees it. Hosts (Premiere, the in-memory
 * stand-in) produce it; analysis and planning only read it. All times are ticks, ranges half-open.
 */
import type { FrameRate, Ticks } from "../time";

/** What a clip's media is, as far as placeholder rules care. */
export type MediaKind =
  | "video"
  | "still"
  | "audio"
  | "colorMatte"
  | "bars"
  | "slug"
  | "title"
  | "graphic"
  | "adjustment"
  | "sequence"
  | "unknown";

/** Where a generated clip came from; written to the host's metadata, read back on snapshot. */
export interface Provenance {
  readonly prompt: string;
  readonly backend: string;
  readonly model: string;
  readonly jobId: string;
  readonly seed?: number;
  readonly createdAt: string; // ISO 8601
  /** true for Cutaway's own draft slates: they count as placeholders later */
  readonly slate: boolean;
  readonly shotId?: string;
  readonly take?: number;
  /** what the provider billed for this take (its estimate when the bill is not known); 0 for slates */
  readonly costUsd?: number;
  /** the bible entries (characters, places, looks) the shot was generated with */
  readonly bibleEntries?: readonly string[];
}

export interface Clip {
  /** stable within a session of the host (Premiere: derived from track index + start + project item) */
  readonly id: string;
  readonly trackIndex: number;
  readonly start: Ticks;
  readonly end: Ticks;
  /** source-relative in/out; out is exclusive */
  readonly inPoint: Ticks;
  readonly outPoint: Ticks;
  readonly name: string;
  readonly mediaPath: string | null;
  readonly mediaKind: MediaKind;
  readonly enabled: boolean;
  /** Premiere colour label index, when known */
  readonly labelIndex?: number;
  readonly provenance?: Provenance;
}

export interface Track {
  /** 0 = V1, the lowest video track */
  readonly index: number;
  readonly name: string;
  readonly locked: boolean;
  /** sorted by start; may overlap only in a corrupted snapshot (analysis reports that) */
  readonly clips: readonly Clip[];
}

export interface Marker {
  readonly id: string;
  readonly name: string;
  readonly comments: string;
  readonly start: Ticks;
  readonly duration: Ticks;
  /** Premiere marker colour index (0 green, 1 red, 2 purple, 3 orange, 4 yellow, 5 white, 6 blue, 7 cyan) */
  readonly colorIndex: number;
}

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

export interface SequenceSnapshot {
  readonly sequenceId: string;
  readonly name: string;
  readonly rate: FrameRate;
  readonly frameSize: FrameSize;
  /** video tracks only, index order */
  readonly videoTracks: readonly Track[];
  readonly audioTrackCount: number;
  readonly markers: readonly Marker[];
  readonly playhead: Ticks;
  /** null when the sequence has no in/out marked */
  readonly inPoint: Ticks | null;
  readonly outPoint: Ticks | null;
  /** ids of selected clips */
  readonly selection: readonly string[];
  /** end of the last clip */
  readonly end: Ticks;
}

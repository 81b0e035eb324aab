/**
 * The stand-in's state: a project (bins, clip items with source in/out and metadata) and its sequences.
 * Plain data, so a transaction can run on a copy and be thrown away on failure, and undo is a stack
 * of earlier states.
 */
export type SimMediaKind = "video" | "still" | "colorMatte" | "slug" | "bars" | "title" | "graphic" | "adjustment" | "sequence";

export interface SimItem {
  id: string;
  kind: "bin" | "clip";
  name: string;
  parentId: string | null;
  /** "" for synthetic media (mattes, slugs, titles), as Premiere reports it */
  mediaPath: string;
  media: SimMediaKind;
  /** media length; null for stills (they take the default still duration) */
  durationTicks: bigint | null;
  hasAudio: boolean;
  /** the media's own frame duration in ticks (in/out snap to it); null or absent for stills and synthetic media */
  frameTicks?: bigint | null;
  /** source in/out set on the project item; null = whole media */
  inPoint: bigint | null;
  outPoint: bigint | null;
  colorLabel: number;
  /** project metadata fields by name (Premiere keeps them in the project's metadata XML) */
  metadata: Record<string, string>;
}

export interface SimClip {
  uid: number;
  start: bigint;
  end: bigint;
  inPoint: bigint;
  outPoint: bigint;
  name: string;
  itemId: string;
  disabled: boolean;
}

export interface SimTrack {
  name: string;
  locked: boolean;
  /** sorted by start, never overlapping */
  clips: SimClip[];
}

export interface SimAudioTrack {
  name: string;
  /** sorted by start, never overlapping */
  clips: SimClip[];
}

export interface SimMarker {
  name: string;
  comments: string;
  start: bigint;
  duration: bigint;
  colorIndex: number;
}

export interface SimSequence {
  guid: string;
  name: string;
  ticksPerFrame: bigint;
  width: number;
  height: number;
  tracks: SimTrack[];
  /** kept equal to audioTracks.length (the workbench draws from it) */
  audioTrackCount: number;
  /** absent in states saved before audio was modelled: read through audioTracksOf */
  audioTracks?: SimAudioTrack[];
  markers: SimMarker[];
  playhead: bigint;
  /** null = no mark (Premiere then answers 0 and the sequence end) */
  inPoint: bigint | null;
  outPoint: bigint | null;
  selection: number[];
}

export interface SimState {
  items: SimItem[];
  sequences: SimSequence[];
  activeGuid: string | null;
  nextUid: number;
  nextItem: number;
  /** names added with addPropertyToProjectMetadataSchema */
  schema: string[];
}

export const ROOT_BIN_ID = "root";
/** Premiere's default still duration (5 s) in ticks. */
export const DEFAULT_STILL_TICKS = 5n * 254_016_000_000n;

export function emptyState(): SimState {
  return {
    items: [{ id: ROOT_BIN_ID, kind: "bin", name: "Root", parentId: null, mediaPath: "", media: "video", durationTicks: null, hasAudio: false, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} }],
    sequences: [],
    activeGuid: null,
    nextUid: 1,
    nextItem: 1,
    schema: [],
  };
}

export function cloneState(s: SimState): SimState {
  return structuredClone(s);
}

/** The audio tracks of a sequence, filling in empty ones for states saved before audio clips were modelled. */
export function audioTracksOf(seq: SimSequence): SimAudioTrack[] {
  const tracks = (seq.audioTracks ??= []);
  while (tracks.length < seq.audioTrackCount) tracks.push({ name: `Audio ${tracks.length + 1}`, clips: [] });
  seq.audioTrackCount = tracks.length;
  return tracks;
}

export function sequenceEnd(seq: SimSequence): bigint {
  let end = 0n;
  for (const t of [...seq.tracks, ...(seq.audioTracks ?? [])]) {
    const last = t.clips[t.clips.length - 1];
    if (last && last.end > end) end = last.end;
  }
  return end;
}

/**
 * Overwrite semantics, as Premiere's overwrite edit: whatever lies in [start, end) on the track is cut
 * away (clips are trimmed or removed); nothing outside the range moves.
 */
export function overwriteRange(track: { clips: SimClip[] }, clip: SimClip, newUid: () => number): void {
  const out: SimClip[] = [];
  for (const c of track.clips) {
    if (c.end <= clip.start || c.start >= clip.end) {
      out.push(c);
      continue;
    }
    if (c.start < clip.start) out.push({ ...c, end: clip.start, outPoint: c.inPoint + (clip.start - c.start) });
    if (c.end > clip.end) out.push({ ...c, uid: newUid(), start: clip.end, inPoint: c.inPoint + (clip.end - c.start) });
  }
  out.push(clip);
  out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  track.clips = out;
}

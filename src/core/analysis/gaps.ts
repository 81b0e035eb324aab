/**
 * Gaps: on one track (between its clips), and picture holes — ranges where no ENABLED clip on any
 * video track covers the picture, i.e. what the viewer would see as black. Both are O(n log n).
 */
import { checkRange, snapToFrame, ticksToFrames, ticksToTimecode, type FrameRate, type TickRange, type Ticks } from "../time";
import type { Clip, SequenceSnapshot, Track } from "../timeline";

export interface Gap {
  readonly range: TickRange;
  /** whole frames */
  readonly frames: number;
  readonly startTimecode: string;
  readonly endTimecode: string;
  /** track whose gap this is; for picture holes, the lowest track (0) */
  readonly trackIndex: number;
  /** neighbours, for context (names, markers) and continuity frames */
  readonly before: Clip | null;
  readonly after: Clip | null;
}

/** Snap a raw hole inwards to whole frames; null when less than one frame remains (a sliver). */
function frameAligned(start: Ticks, end: Ticks, rate: FrameRate): TickRange | null {
  const s = snapToFrame(start, rate, "ceil");
  const e = snapToFrame(end, rate, "floor");
  return e > s ? { start: s, end: e } : null;
}

/** Timecodes are formatted only when read: most gaps of a long sequence are never shown. */
class FoundGap implements Gap {
  readonly frames: number;
  constructor(
    readonly range: TickRange,
    private readonly rate: FrameRate,
    readonly trackIndex: number,
    readonly before: Clip | null,
    readonly after: Clip | null,
  ) {
    this.frames = Number(ticksToFrames(range.end - range.start, rate));
  }
  get startTimecode(): string {
    return ticksToTimecode(this.range.start, this.rate);
  }
  get endTimecode(): string {
    return ticksToTimecode(this.range.end, this.rate);
  }
  toJSON(): object {
    const { range, frames, trackIndex, before, after } = this;
    return { range, frames, startTimecode: this.startTimecode, endTimecode: this.endTimecode, trackIndex, before, after };
  }
}

function makeGap(range: TickRange, rate: FrameRate, trackIndex: number, before: Clip | null, after: Clip | null): Gap {
  return new FoundGap(range, rate, trackIndex, before, after);
}

/** Earlier start first; at the same start the higher track first (it is what the viewer sees). */
function byStartThenTopmost(a: Clip, b: Clip): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : b.trackIndex - a.trackIndex;
}

function mergeTwo(a: readonly Clip[], b: readonly Clip[]): Clip[] {
  const out: Clip[] = new Array<Clip>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byStartThenTopmost(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Tracks are already sorted by start (validated), so a pairwise merge is O(n log tracks), not a full sort. */
function mergeSortedRuns(runs: Clip[][]): Clip[] {
  if (runs.length === 0) return [];
  let level = runs;
  while (level.length > 1) {
    const next: Clip[][] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** The part of the sequence analysed: whole (0 → end), in–out, or any range. */
export function wholeSequence(s: SequenceSnapshot): TickRange {
  return { start: 0n, end: s.end };
}

export function inOutRange(s: SequenceSnapshot): TickRange | null {
  if (s.inPoint === null || s.outPoint === null || s.outPoint <= s.inPoint) return null;
  return { start: s.inPoint, end: s.outPoint };
}

/** Gaps between the clips of one track (any clip, enabled or not, occupies the track). */
export function findTrackGaps(track: Track, within: TickRange, rate: FrameRate): Gap[] {
  checkRange(within, "range to search");
  const gaps: Gap[] = [];
  let cursor = within.start;
  let before: Clip | null = null;
  for (const clip of track.clips) {
    if (clip.end <= within.start) {
      before = clip;
      continue;
    }
    if (clip.start >= within.end) {
      if (within.end > cursor) {
        const r = frameAligned(cursor, within.end, rate);
        if (r) gaps.push(makeGap(r, rate, track.index, before, clip));
      }
      cursor = within.end;
      break;
    }
    if (clip.start > cursor) {
      const r = frameAligned(cursor, clip.start, rate);
      if (r) gaps.push(makeGap(r, rate, track.index, before, clip));
    }
    if (clip.end > cursor) cursor = clip.end;
    before = clip;
  }
  if (cursor < within.end) {
    const r = frameAligned(cursor, within.end, rate);
    if (r) gaps.push(makeGap(r, rate, track.index, before, null));
  }
  return gaps;
}

/**
 * Picture holes across all video tracks within `within`. Disabled clips do not cover the picture.
 * Neighbours are the covering clips that end at / start at the hole (topmost track wins).
 */
export function findPictureHoles(s: SequenceSnapshot, within: TickRange): Gap[] {
  checkRange(within, "range to search");
  const covering = mergeSortedRuns(
    s.videoTracks.map((t) => t.clips.filter((c) => c.enabled && c.end > within.start && c.start < within.end)),
  );

  const holes: Gap[] = [];
  let cursor = within.start;
  // the clip that currently reaches furthest (for "before")
  let reach: Clip | null = null;
  for (const c of covering) {
    if (c.start > cursor) {
      const r = frameAligned(cursor, c.start, s.rate);
      if (r) holes.push(makeGap(r, s.rate, 0, reach, c));
    }
    if (!reach || c.end > reach.end || (c.end === reach.end && c.trackIndex > reach.trackIndex)) {
      if (c.end >= cursor) reach = c;
    }
    if (c.end > cursor) cursor = c.end;
  }
  if (cursor < within.end) {
    const r = frameAligned(cursor, within.end, s.rate);
    if (r) holes.push(makeGap(r, s.rate, 0, reach, null));
  }
  return holes;
}

/** The picture hole that contains `at`, if any. */
export function holeAt(s: SequenceSnapshot, at: Ticks): Gap | null {
  if (s.end <= 0n || at < 0n || at >= s.end) return null;
  const holes = findPictureHoles(s, wholeSequence(s));
  let lo = 0;
  let hi = holes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = holes[mid]!;
    if (at < h.range.start) hi = mid - 1;
    else if (at >= h.range.end) lo = mid + 1;
    else return h;
  }
  return null;
}

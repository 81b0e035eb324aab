/**
 * Targets: what the editor wants filled, as ranges with a base track (placements go above it).
 * Each source the panel offers has one function here.
 */
import { framesToTicks, snapToFrame, ticksFromSeconds, type TickRange, type Ticks } from "../time";
import type { Target } from "../plan/types";
import type { Clip, Marker, SequenceSnapshot } from "../timeline";
import { findPictureHoles, findTrackGaps, holeAt, inOutRange, wholeSequence, type Gap } from "./gaps";
import type { Placeholder } from "./placeholders";

/** Media kinds that B-roll must never cover. */
const PROTECTED_KINDS = new Set(["title", "graphic"]);

function clipsOverlapping(s: SequenceSnapshot, r: TickRange): Clip[] {
  const out: Clip[] = [];
  for (const t of s.videoTracks) {
    // clips are sorted and non-overlapping: binary search the first clip ending after r.start
    let lo = 0;
    let hi = t.clips.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t.clips[mid]!.end <= r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < t.clips.length && t.clips[i]!.start < r.end; i++) out.push(t.clips[i]!);
  }
  return out;
}

/** Notes from markers that overlap the range (for prompts derived from context). */
export function markerNotes(s: SequenceSnapshot, r: TickRange): string[] {
  const notes: string[] = [];
  for (const m of s.markers) {
    const end = m.start + (m.duration > 0n ? m.duration : 1n);
    if (m.start < r.end && end > r.start) {
      const text = [m.name, m.comments].filter((x) => x.trim()).join(": ");
      if (text) notes.push(text.slice(0, 500));
    }
  }
  return notes;
}

function gapContext(s: SequenceSnapshot, g: Gap): string[] {
  const ctx = markerNotes(s, g.range);
  if (g.before) ctx.push(`after "${g.before.name}"`);
  if (g.after) ctx.push(`before "${g.after.name}"`);
  return ctx;
}

function gapTarget(s: SequenceSnapshot, g: Gap, kind: Target["kind"], prompt: string, id: string): Target {
  return { id, range: g.range, prompt, baseTrackIndex: g.trackIndex, kind, context: gapContext(s, g) };
}

/** Every picture hole in the sequence (or within in–out when `scope` is "inout"). */
export function targetsFromHoles(s: SequenceSnapshot, scope: "all" | "inout", prompt = ""): Target[] {
  const range = scope === "inout" ? inOutRange(s) : wholeSequence(s);
  if (!range || range.end <= range.start) return [];
  return findPictureHoles(s, range).map((g, i) => gapTarget(s, g, scope === "inout" ? "inout" : "hole", prompt, `hole-${i + 1}-${g.range.start}`));
}

/** Gaps on one track. Placements go above that track. */
export function targetsFromTrackGaps(s: SequenceSnapshot, trackIndex: number, prompt = ""): Target[] {
  const track = s.videoTracks[trackIndex];
  if (!track || s.end <= 0n) return [];
  return findTrackGaps(track, wholeSequence(s), s.rate).map((g, i) => gapTarget(s, g, "gap", prompt, `gap-v${trackIndex + 1}-${i + 1}-${g.range.start}`));
}

/** The hole under the playhead; else `defaultFrames` from the playhead, above whatever is there. */
export function targetFromPlayhead(s: SequenceSnapshot, defaultFrames = 48, prompt = ""): Target {
  const at = snapToFrame(s.playhead, s.rate, "floor");
  const hole = holeAt(s, at);
  if (hole) return gapTarget(s, hole, "playhead", prompt, `playhead-${hole.range.start}`);
  const range = { start: at, end: at + framesToTicks(defaultFrames, s.rate) };
  return withBase(s, { id: `playhead-${at}`, range, prompt, baseTrackIndex: -1, kind: "playhead", context: markerNotes(s, range) });
}

/**
 * B-roll targets sit above the picture in their range but below any title/graphic there, so a
 * cutaway never covers a protected element.
 */
function withBase(s: SequenceSnapshot, t: Target, extraProtected: ReadonlySet<string> = new Set()): Target {
  let base = -1;
  let ceiling: number | undefined;
  for (const c of clipsOverlapping(s, t.range)) {
    if (!c.enabled) continue;
    if (PROTECTED_KINDS.has(c.mediaKind) || extraProtected.has(c.id)) {
      ceiling = ceiling === undefined ? c.trackIndex : Math.min(ceiling, c.trackIndex);
    }
  }
  for (const c of clipsOverlapping(s, t.range)) {
    if (!c.enabled) continue;
    if (ceiling !== undefined && c.trackIndex >= ceiling) continue;
    base = Math.max(base, c.trackIndex);
  }
  return { ...t, baseTrackIndex: base, ...(ceiling !== undefined ? { ceilingTrackIndex: ceiling } : {}) };
}

/** One target per selected clip, over its range. */
export function targetsFromSelection(s: SequenceSnapshot, prompt = "", protectedClipIds: ReadonlySet<string> = new Set()): Target[] {
  const selected = new Set(s.selection);
  const out: Target[] = [];
  for (const t of s.videoTracks) {
    for (const c of t.clips) {
      if (!selected.has(c.id)) continue;
      const ctx = [c.name, ...markerNotes(s, c)];
      out.push(withBase(s, { id: `sel-${c.id}`, range: { start: c.start, end: c.end }, prompt, baseTrackIndex: c.trackIndex, kind: "broll", context: ctx }, protectedClipIds));
    }
  }
  return out.sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0));
}

/** The in–out range as one B-roll target. */
export function targetFromInOut(s: SequenceSnapshot, prompt = "", protectedClipIds: ReadonlySet<string> = new Set()): Target | null {
  const r = inOutRange(s);
  if (!r) return null;
  return withBase(s, { id: `inout-${r.start}`, range: r, prompt, baseTrackIndex: -1, kind: "inout", context: markerNotes(s, r) }, protectedClipIds);
}

export interface MarkerFilter {
  readonly colorIndex?: number;
  /** case-insensitive substring of the marker name */
  readonly name?: string;
  /** length for markers without a duration */
  readonly defaultSeconds?: number;
}

/** One target per marker that passes the filter; a marker's comment is its prompt context. */
export function targetsFromMarkers(s: SequenceSnapshot, filter: MarkerFilter = {}, prompt = "", protectedClipIds: ReadonlySet<string> = new Set()): Target[] {
  const want = filter.name?.toLowerCase();
  const fallback = ticksFromSeconds(filter.defaultSeconds ?? 3);
  const out: Target[] = [];
  for (const m of s.markers) {
    if (filter.colorIndex !== undefined && m.colorIndex !== filter.colorIndex) continue;
    if (want && !m.name.toLowerCase().includes(want)) continue;
    const range = markerRange(s, m, fallback);
    if (!range) continue;
    const note = [m.name, m.comments].filter((x) => x.trim()).join(": ");
    out.push(withBase(s, { id: `marker-${m.id}`, range, prompt, baseTrackIndex: -1, kind: "broll", context: note ? [note] : [] }, protectedClipIds));
  }
  return out;
}

function markerRange(s: SequenceSnapshot, m: Marker, fallback: Ticks): TickRange | null {
  const start = snapToFrame(m.start, s.rate, "nearest");
  const end = snapToFrame(m.start + (m.duration > 0n ? m.duration : fallback), s.rate, "nearest");
  return end > start ? { start, end } : null;
}

/**
 * B-roll under words: one target per transcript stretch (sequence time), framed to whole frames,
 * above the picture there and below any protected title, like marker B-roll.
 */
export function targetsFromRanges(s: SequenceSnapshot, ranges: readonly { id: string; start: Ticks; end: Ticks; prompt: string }[], protectedClipIds: ReadonlySet<string> = new Set()): Target[] {
  const out: Target[] = [];
  for (const r of ranges) {
    const start = snapToFrame(r.start, s.rate, "nearest");
    const end = snapToFrame(r.end, s.rate, "nearest");
    if (end <= start || start < 0n) continue;
    const range = { start, end };
    out.push(withBase(s, { id: `words-${r.id}`, range, prompt: r.prompt, baseTrackIndex: -1, kind: "broll", context: markerNotes(s, range) }, protectedClipIds));
  }
  return out;
}

/** Placeholders become targets of the same range; the original is disabled when the shot lands. */
export function targetsFromPlaceholders(s: SequenceSnapshot, placeholders: readonly Placeholder[], prompt = ""): Target[] {
  return placeholders.map((p) => {
    const slatePrompt = p.clip.provenance?.slate ? p.clip.provenance.prompt : "";
    const ctx = [p.clip.name, ...markerNotes(s, p.clip)];
    return {
      id: `ph-${p.clip.id}`,
      range: { start: p.clip.start, end: p.clip.end },
      prompt: prompt || slatePrompt,
      baseTrackIndex: p.clip.trackIndex,
      kind: "placeholder" as const,
      replacesClipId: p.clip.id,
      context: ctx,
    };
  });
}

/** Script shots laid end to end from `start`, on a new track (or V1 of a new sequence). */
export function targetsEndToEnd(
  s: SequenceSnapshot,
  shots: readonly { id: string; durationTicks: Ticks; prompt: string }[],
  start: Ticks,
  where: "new-sequence" | "new-track",
): Target[] {
  let cursor = snapToFrame(start, s.rate, "nearest");
  return shots.map((shot) => {
    const len = snapToFrame(shot.durationTicks, s.rate, "nearest");
    const range = { start: cursor, end: cursor + (len > 0n ? len : framesToTicks(1, s.rate)) };
    cursor = range.end;
    return {
      id: `script-${shot.id}`,
      range,
      prompt: shot.prompt,
      baseTrackIndex: where === "new-sequence" ? -1 : s.videoTracks.length - 1,
      kind: "script" as const,
      ...(where === "new-track" ? { forceNewTrack: true } : {}),
    };
  });
}

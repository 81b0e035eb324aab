/**
 * What the workbench's timeline view shows, worked out from the stand-in's state without drawing:
 * each clip's origin and provenance, picture holes, the ghosts of holes Cutaway filled, and ruler
 * ticks labelled in the sequence's own timecode (drop-frame where the rate uses it).
 */
import { findPictureHoles, wholeSequence, type Gap } from "../core/analysis";
import { framesToTicks, framesToTimecode, isDropFrameRate, nominalFps, rateFromTimebase, timecodeToFrames, type FrameRate, type TickRange, type Ticks } from "../core/time";
import type { Provenance, SequenceSnapshot } from "../core/timeline";
import { provenanceFromField } from "../host/premiere/provenance";
import type { SimClip, SimItem, SimSequence, SimState } from "../host/sim/simModel";

export type Origin = "editor" | "generated" | "slate";

export function provenanceOf(item: SimItem | undefined): Provenance | null {
  const stored = item?.metadata.CutawayProvenance;
  if (!stored) return null;
  return provenanceFromField(stored);
}

export function originOf(p: Provenance | null): Origin {
  if (!p) return "editor";
  return p.slate ? "slate" : "generated";
}

export function sequenceRate(seq: SimSequence): FrameRate {
  return rateFromTimebase(seq.ticksPerFrame.toString());
}

export function contentEnd(seq: SimSequence): Ticks {
  let end = 0n;
  for (const t of seq.tracks) for (const c of t.clips) if (c.end > end) end = c.end;
  return end;
}

/** The stand-in's sequence as the analysis sees it; `keep` drops clips, `enableAll` counts disabled ones as picture. */
function snapshotOf(seq: SimSequence, keep: (c: SimClip) => boolean, enableAll: boolean): SequenceSnapshot {
  const rate = sequenceRate(seq);
  return {
    sequenceId: seq.guid,
    name: seq.name,
    rate,
    frameSize: { width: seq.width, height: seq.height },
    audioTrackCount: seq.audioTrackCount,
    markers: [],
    playhead: 0n,
    inPoint: null,
    outPoint: null,
    selection: [],
    end: contentEnd(seq),
    videoTracks: seq.tracks.map((t, index) => ({
      index,
      name: t.name,
      locked: t.locked,
      clips: t.clips.filter(keep).map((c) => ({ id: String(c.uid), trackIndex: index, start: c.start, end: c.end, inPoint: c.inPoint, outPoint: c.outPoint, name: c.name, mediaPath: null, mediaKind: "video" as const, enabled: enableAll || !c.disabled })),
    })),
  };
}

export function pictureHoles(seq: SimSequence): Gap[] {
  const snap = snapshotOf(seq, () => true, false);
  return snap.end > 0n ? findPictureHoles(snap, wholeSequence(snap)) : [];
}

/**
 * Holes Cutaway filled: where the picture would be black without Cutaway's clips (and with the
 * originals it disabled back on), minus what is still black now. Worked out from the timeline alone,
 * so Undo of a fill takes its ghost away with it.
 */
export function formerHoles(seq: SimSequence, items: ReadonlyMap<string, SimItem>): TickRange[] {
  const ours = (c: SimClip): boolean => provenanceOf(items.get(c.itemId)) !== null;
  const base = snapshotOf(seq, (c) => !ours(c), true);
  if (base.end <= 0n) return [];
  const before = findPictureHoles(base, wholeSequence(base)).map((h) => h.range);
  const now = pictureHoles(seq).map((h) => h.range);
  return before.flatMap((r) => subtract(r, now));
}

function subtract(r: TickRange, cuts: readonly TickRange[]): TickRange[] {
  let pieces: TickRange[] = [r];
  for (const c of cuts) {
    if (c.end <= r.start || c.start >= r.end) continue;
    pieces = pieces.flatMap((p) => {
      if (c.end <= p.start || c.start >= p.end) return [p];
      const out: TickRange[] = [];
      if (c.start > p.start) out.push({ start: p.start, end: c.start });
      if (c.end < p.end) out.push({ start: c.end, end: p.end });
      return out;
    });
  }
  return pieces;
}

export interface RulerTick {
  readonly at: Ticks;
  readonly label: string;
}

const STEPS_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/**
 * Ticks at whole timecode seconds, spaced so labels at least `minGapPx` apart fit in `widthPx` for a
 * ruler spanning [0, span). In drop-frame a minute's first labels do not exist, so its tick sits on
 * the first label that does (00:01:00;02 at 29.97), as Premiere's ruler shows it.
 */
export function rulerTicks(span: Ticks, rate: FrameRate, widthPx: number, minGapPx = 84): RulerTick[] {
  if (span <= 0n || widthPx <= 0) return [];
  const fps = nominalFps(rate);
  const spanSeconds = Number(span) / Number(framesToTicks(BigInt(fps), rate)) || 1;
  const step = STEPS_SECONDS.find((s) => (s / spanSeconds) * widthPx >= minGapPx) ?? STEPS_SECONDS[STEPS_SECONDS.length - 1]!;
  const df = isDropFrameRate(rate);
  const drop = df ? fps / 15 : 0;
  const ticks: RulerTick[] = [];
  for (let sec = 0; ; sec += step) {
    const hh = Math.floor(sec / 3600);
    const mm = Math.floor(sec / 60) % 60;
    const ss = sec % 60;
    const ff = df && ss === 0 && mm % 10 !== 0 ? drop : 0;
    const two = (n: number): string => String(n).padStart(2, "0");
    const frame = timecodeToFrames(`${two(hh)}:${two(mm)}:${two(ss)}${df ? ";" : ":"}${two(ff)}`, rate);
    const at = framesToTicks(frame, rate);
    if (at >= span) break;
    ticks.push({ at, label: framesToTimecode(frame, rate) });
  }
  return ticks;
}

/** The view's time span: the content plus a little room after it, so the last clip is not on the edge. */
export function viewSpan(seq: SimSequence): Ticks {
  const end = contentEnd(seq);
  const rate = sequenceRate(seq);
  const room = end / 20n;
  const oneSecond = framesToTicks(BigInt(nominalFps(rate)), rate);
  const span = end + (room > oneSecond ? room : oneSecond);
  return span > seq.playhead ? span : seq.playhead + oneSecond;
}

export function activeSequence(state: SimState): SimSequence | null {
  return state.sequences.find((s) => s.guid === state.activeGuid) ?? null;
}

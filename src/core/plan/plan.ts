/**
 * Targets + what the backend can make → placements. Rules the editor relies on:
 * - never a track where any part of the range holds a clip, never a locked track;
 * - the lowest free track above the target (below a protected title), else ONE new top track
 *   (Premiere adds only one track per transaction);
 * - the generated clip is the smallest allowed length ≥ the range, trimmed so it ends exactly on
 *   the range's last frame; ranges longer than the model allows are split into frame-aligned parts.
 */
import { InvalidInputError } from "../errors";
import { snapToFrame, TICKS_PER_SECOND, ticksFromSeconds, ticksToSeconds, type TickRange, type Ticks } from "../time";
import type { FrameSize, SequenceSnapshot, Track } from "../timeline";
import type { GenerationLimits, Placement, Plan, PlanWarning, Target } from "./types";

export interface PlanOptions {
  /** split ranges longer than the longest allowed clip (default true); false → a warning instead */
  readonly split?: boolean;
  /** number of the first shot in names (continues numbering across requests) */
  readonly firstShotNumber?: number;
}

/** Smallest allowed generation length (seconds) that covers `ticks`, or null if none does. */
export function chooseDuration(ticks: Ticks, limits: GenerationLimits): number | null {
  if (limits.durationsSeconds.length > 0) {
    for (const d of [...limits.durationsSeconds].sort((a, b) => a - b)) if (ticksFromSeconds(d) >= ticks) return d;
    return null;
  }
  const min = limits.minSeconds ?? 1;
  const max = limits.maxSeconds ?? Number.POSITIVE_INFINITY;
  // continuous range: whole seconds, rounded up, never below the minimum
  const whole = Number((ticks + TICKS_PER_SECOND - 1n) / TICKS_PER_SECOND);
  const d = Math.max(min, whole);
  return d <= max ? d : null;
}

export function longestSeconds(limits: GenerationLimits): number {
  if (limits.durationsSeconds.length > 0) return Math.max(...limits.durationsSeconds);
  return limits.maxSeconds ?? Number.POSITIVE_INFINITY;
}

/** Closest allowed aspect to the sequence frame, with the size that best matches its height. */
export function chooseSize(frame: FrameSize, limits: GenerationLimits): { aspect: string; size: FrameSize } {
  const ratio = frame.width / frame.height;
  const parse = (a: string): number => {
    const m = /^(\d+(?:\.\d+)?)\s*[:x/]\s*(\d+(?:\.\d+)?)$/.exec(a);
    return m ? Number(m[1]) / Number(m[2]) : Number.NaN;
  };
  const aspects = limits.aspects.length > 0 ? limits.aspects : limits.sizes.map((s) => s.aspect);
  let aspect = aspects[0] ?? `${frame.width}:${frame.height}`;
  let best = Number.POSITIVE_INFINITY;
  for (const a of aspects) {
    const d = Math.abs(Math.log(parse(a) / ratio));
    if (d < best) {
      best = d;
      aspect = a;
    }
  }
  const sizes = limits.sizes.filter((s) => s.aspect === aspect);
  if (sizes.length === 0) return { aspect, size: frame };
  // smallest size at least as tall as the sequence, else the tallest
  const sorted = [...sizes].sort((a, b) => a.height - b.height);
  const pick = sorted.find((s) => s.height >= frame.height) ?? sorted[sorted.length - 1]!;
  return { aspect, size: { width: pick.width, height: pick.height } };
}

/** whitespace that needs folding: a run, a tab or newline, or any at either end */
const UNTIDY = /\s\s|[^\S ]|^\s|\s$/;

export function capPrompt(prompt: string, maxChars: number): string {
  // a 1,500-shot plan runs this per shot on every keystroke: tidy prompts are not copied
  const clean = UNTIDY.test(prompt) ? prompt.replace(/\s+/g, " ").trim() : prompt;
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, maxChars + 1);
  const space = cut.lastIndexOf(" ");
  return (space > maxChars * 0.6 ? cut.slice(0, space) : clean.slice(0, maxChars)).trim();
}

export function shotName(n: number, prompt: string): string {
  // the first six words only: a long prompt is not split whole
  const re = /\S+/g;
  const first: string[] = [];
  for (let m = re.exec(prompt); m && first.length < 6; m = re.exec(prompt)) first.push(m[0]);
  const words = first.join(" ");
  const label = words.length > 40 ? `${words.slice(0, 39)}…` : words;
  return `Cutaway ${String(n).padStart(3, "0")} – ${label || "shot"}`;
}

/**
 * Is [r.start, r.end) free of clips on a track? Queries come in start order, so each track keeps a
 * cursor that only moves forward: the whole plan walks every track once instead of searching it per target.
 */
class FreeRangeIndex {
  private readonly cursors: number[];
  constructor(private readonly tracks: readonly Track[]) {
    this.cursors = tracks.map(() => 0);
  }
  isFree(index: number, r: TickRange): boolean {
    const clips = this.tracks[index]!.clips;
    let i = this.cursors[index]!;
    while (i < clips.length && clips[i]!.end <= r.start) i++;
    this.cursors[index] = i;
    const c = clips[i];
    return !c || c.start >= r.end;
  }
}

function checkTarget(t: Target): void {
  if (typeof t.range.start !== "bigint" || typeof t.range.end !== "bigint") {
    throw new InvalidInputError("bad_range", `The range of "${t.id}" is not a tick range.`);
  }
  if (t.range.end <= t.range.start) {
    throw new InvalidInputError("empty_range", `The range of "${t.id}" ends before it starts or has no length.`);
  }
}

export function planPlacements(s: SequenceSnapshot, targets: readonly Target[], limits: GenerationLimits, options: PlanOptions = {}): Plan {
  const split = options.split ?? true;
  let shotNumber = options.firstShotNumber ?? 1;
  const warnings: PlanWarning[] = [];
  const placements: Placement[] = [];
  const { aspect, size } = chooseSize(s.frameSize, limits);
  const longest = longestSeconds(limits);
  const trackCount = s.videoTracks.length;
  const newTrackIndex = trackCount;
  // ranges this plan already uses, per track; targets are processed in start order so the last
  // range on each track is the only one a new range can overlap
  const lastUsed = new Map<number, Ticks>();
  const occupied = new FreeRangeIndex(s.videoTracks);

  const sorted = [...targets].sort((a, b) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0));
  for (const t of sorted) {
    checkTarget(t);
    const start = snapToFrame(t.range.start, s.rate, "nearest");
    const end = snapToFrame(t.range.end, s.rate, "nearest");
    if (end <= start) {
      warnings.push({ targetId: t.id, code: "sub_frame", message: "This range is shorter than one frame; nothing to fill." });
      continue;
    }
    const range = { start, end };
    const free = (index: number): boolean => {
      const used = lastUsed.get(index);
      if (used !== undefined && used > range.start) return false;
      if (index >= trackCount) return true;
      const track = s.videoTracks[index]!;
      return !track.locked && occupied.isFree(index, range);
    };
    let trackIndex = -1;
    if (!t.forceNewTrack) {
      const top = Math.min(t.ceilingTrackIndex ?? trackCount, trackCount);
      for (let i = Math.max(0, t.baseTrackIndex + 1); i < top; i++) {
        if (free(i)) {
          trackIndex = i;
          break;
        }
      }
    }
    if (trackIndex < 0) {
      if (t.ceilingTrackIndex !== undefined && t.ceilingTrackIndex < trackCount) {
        warnings.push({ targetId: t.id, code: "no_track_below_title", message: `No free track between the picture and the title on V${t.ceilingTrackIndex + 1}; free a track below the title and try again.` });
        continue;
      }
      if (!free(newTrackIndex)) {
        warnings.push({ targetId: t.id, code: "overlaps_plan", message: "This range overlaps another shot of the same request on the new track; run it again after this one lands." });
        continue;
      }
      trackIndex = newTrackIndex;
    }

    const parts = splitRange(range, longest, s);
    if (parts.length > 1 && !split) {
      warnings.push({ targetId: t.id, code: "too_long", message: `This range is longer than the model's longest clip (${longest} s); allow splitting to fill it with ${parts.length} shots.` });
      continue;
    }
    const prompt = capPrompt(t.prompt, limits.maxPromptChars);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const len = part.end - part.start;
      const seconds = chooseDuration(len, limits);
      if (seconds === null) {
        warnings.push({ targetId: t.id, code: "no_duration", message: `The model cannot make a ${ticksToSeconds(len).toFixed(2)} s clip.` });
        continue;
      }
      placements.push({
        id: parts.length > 1 ? `${t.id}#${k + 1}` : t.id,
        targetId: t.id,
        shotNumber,
        range: part,
        trackIndex,
        newTrack: trackIndex >= trackCount,
        generationSeconds: seconds,
        sourceIn: 0n,
        sourceOut: len,
        aspect,
        size,
        name: shotName(shotNumber, prompt),
        prompt,
        ...(t.negativePrompt ? { negativePrompt: t.negativePrompt } : {}),
        ...(t.replacesClipId && k === 0 ? { replacesClipId: t.replacesClipId } : {}),
        ...(parts.length > 1 ? { part: { index: k + 1, of: parts.length } } : {}),
      });
      shotNumber++;
    }
    lastUsed.set(trackIndex, range.end);
  }
  return { placements, warnings };
}

/** Consecutive frame-aligned parts no longer than `maxSeconds` each. */
function splitRange(r: TickRange, maxSeconds: number, s: SequenceSnapshot): TickRange[] {
  if (!Number.isFinite(maxSeconds)) return [r];
  const max = snapToFrame(ticksFromSeconds(maxSeconds), s.rate, "floor");
  if (max <= 0n || r.end - r.start <= max) return [r];
  const parts: TickRange[] = [];
  for (let a = r.start; a < r.end; a += max) parts.push({ start: a, end: a + max < r.end ? a + max : r.end });
  return parts;
}

/** Display-ready views of core data for the panel: timecodes and seconds, never raw ticks. */
import { rateLabel, ticksToFrames, ticksToSeconds, ticksToTimecode, type TickRange } from "../core/time";
import type { SequenceSnapshot } from "../core/timeline";
import type { SequenceView, TargetItemView } from "./api";

export function sequenceView(s: SequenceSnapshot): SequenceView {
  return {
    name: s.name,
    rateLabel: `${rateLabel(s.rate)} fps`,
    width: s.frameSize.width,
    height: s.frameSize.height,
    aspect: aspectLabel(s.frameSize.width, s.frameSize.height),
    videoTrackCount: s.videoTracks.length,
    playheadTimecode: ticksToTimecode(s.playhead, s.rate),
  };
}

export function trackName(index: number): string {
  return `V${index + 1}`;
}

/** A track as the editor will see it after the edit: "V2", or "V4 (new)" for one the edit adds. */
export function trackLabel(s: SequenceSnapshot, index: number): string {
  return index >= s.videoTracks.length ? `${trackName(index)} (new)` : trackName(index);
}

export function rangeView(s: SequenceSnapshot, id: string, label: string, range: TickRange, trackIndex: number): TargetItemView {
  return {
    id,
    label,
    startTimecode: ticksToTimecode(range.start, s.rate),
    endTimecode: ticksToTimecode(range.end, s.rate),
    durationFrames: Number(ticksToFrames(range.end - range.start, s.rate)),
    durationSeconds: Math.round(ticksToSeconds(range.end - range.start) * 100) / 100,
    trackName: trackName(trackIndex),
  };
}

export function aspectLabel(width: number, height: number): string {
  const r = width / height;
  const known: [string, number][] = [
    ["16:9", 16 / 9],
    ["9:16", 9 / 16],
    ["1:1", 1],
    ["4:3", 4 / 3],
    ["3:4", 3 / 4],
    ["21:9", 21 / 9],
    ["4:5", 4 / 5],
  ];
  let best = known[0]!;
  for (const k of known) if (Math.abs(Math.log(k[1] / r)) < Math.abs(Math.log(best[1] / r))) best = k;
  return best[0];
}

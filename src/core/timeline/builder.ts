/**
 * A tiny builder for snapshots: tests, the demo and the benches describe sequences in frames
 * (what an editor counts) and get exact ticks.
 */
import { InvalidInputError } from "../errors";
import { framesToTicks, RATES, type FrameRate, type Ticks } from "../time";
import type { Clip, FrameSize, Marker, MediaKind, Provenance, SequenceSnapshot, Track } from "./types";

export interface ClipSpec {
  /** start and length in frames */
  at: number;
  len: number;
  name?: string;
  /** source in point in frames (default 0) */
  srcIn?: number;
  media?: string | null;
  kind?: MediaKind;
  enabled?: boolean;
  label?: number;
  provenance?: Provenance;
  id?: string;
  selected?: boolean;
}

export interface MarkerSpec {
  at: number;
  len?: number;
  name?: string;
  comments?: string;
  color?: number;
}

export class SnapshotBuilder {
  private tracks: { name: string; locked: boolean; clips: ClipSpec[] }[] = [];
  private markers: MarkerSpec[] = [];
  private playheadFrames = 0;
  private inOut: [number, number] | null = null;
  private size: FrameSize = { width: 1920, height: 1080 };
  private audioTracks = 1;

  constructor(
    private readonly rate: FrameRate = RATES.fps23_976,
    private readonly name = "Sequence 01",
  ) {}

  frameSize(width: number, height: number): this {
    this.size = { width, height };
    return this;
  }

  /** adds a video track above the existing ones */
  track(clips: ClipSpec[] = [], opts: { name?: string; locked?: boolean } = {}): this {
    this.tracks.push({ name: opts.name ?? `Video ${this.tracks.length + 1}`, locked: opts.locked ?? false, clips });
    return this;
  }

  marker(m: MarkerSpec): this {
    this.markers.push(m);
    return this;
  }

  playhead(frame: number): this {
    this.playheadFrames = frame;
    return this;
  }

  inOutFrames(inFrame: number, outFrame: number): this {
    this.inOut = [inFrame, outFrame];
    return this;
  }

  audio(count: number): this {
    this.audioTracks = count;
    return this;
  }

  build(): SequenceSnapshot {
    const f = (n: number): Ticks => framesToTicks(n, this.rate);
    const selection: string[] = [];
    let end = 0n;
    const tracks: Track[] = this.tracks.map((t, index) => {
      const clips: Clip[] = [...t.clips]
        .sort((a, b) => a.at - b.at)
        .map((c, i) => {
          if (c.len <= 0) throw new InvalidInputError("bad_clip", `Clip "${c.name ?? i}" needs a positive length.`);
          const id = c.id ?? `v${index + 1}-${i + 1}`;
          if (c.selected) selection.push(id);
          const start = f(c.at);
          const stop = f(c.at + c.len);
          if (stop > end) end = stop;
          const srcIn = f(c.srcIn ?? 0);
          return {
            id,
            trackIndex: index,
            start,
            end: stop,
            inPoint: srcIn,
            outPoint: srcIn + (stop - start),
            name: c.name ?? `Clip ${index + 1}.${i + 1}`,
            mediaPath: c.media === undefined ? `/media/${(c.name ?? `clip-${index + 1}-${i + 1}`).replace(/[^\w.-]+/g, "_")}.mov` : c.media,
            mediaKind: c.kind ?? "video",
            enabled: c.enabled ?? true,
            ...(c.label !== undefined ? { labelIndex: c.label } : {}),
            ...(c.provenance ? { provenance: c.provenance } : {}),
          };
        });
      return { index, name: t.name, locked: t.locked, clips };
    });
    const markers: Marker[] = this.markers.map((m, i) => ({
      id: `m${i + 1}`,
      name: m.name ?? "",
      comments: m.comments ?? "",
      start: f(m.at),
      duration: f(m.len ?? 0),
      colorIndex: m.color ?? 0,
    }));
    return {
      sequenceId: `seq-${this.name.replace(/\s+/g, "-").toLowerCase()}`,
      name: this.name,
      rate: this.rate,
      frameSize: this.size,
      videoTracks: tracks,
      audioTrackCount: this.audioTracks,
      markers,
      playhead: f(this.playheadFrames),
      inPoint: this.inOut ? f(this.inOut[0]) : null,
      outPoint: this.inOut ? f(this.inOut[1]) : null,
      selection,
      end,
    };
  }
}

export function snapshotBuilder(rate?: FrameRate, name?: string): SnapshotBuilder {
  return new SnapshotBuilder(rate, name);
}

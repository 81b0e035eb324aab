/**
 * The stand-in's sequence object: tracks, playhead, marks, selection, markers and settings. A
 * sequence object stays valid across commits (Premiere's does); the tracks and items it hands out
 * do not.
 */
import type { PAction, PAudioTrack, PFrameRate, PMarker, PMarkers, PRectF, PSequence, PSequenceSettings, PTickTime, PTrackItemSelection, PVideoTrack } from "../premiere/premiereApi";
import { SimRefusal, type SimCore } from "./simCore";
import { audioTracksOf, sequenceEnd, type SimMarker } from "./simModel";
import { SimAudioTrack, SimTrackItem, SimVideoTrack } from "./simObjects";
import { SimTickTime } from "./simTime";

const tt = (v: bigint): SimTickTime => new SimTickTime(v);

class SimMarkerObj implements PMarker {
  constructor(private readonly m: SimMarker) {}
  getName(): string {
    return this.m.name;
  }
  getComments(): string {
    return this.m.comments;
  }
  getStart(): PTickTime {
    return tt(this.m.start);
  }
  getDuration(): PTickTime {
    return tt(this.m.duration);
  }
  getColorIndex(): number {
    return this.m.colorIndex;
  }
}

export class SimMarkers implements PMarkers {
  constructor(private readonly markers: readonly SimMarker[]) {}
  getMarkers(): PMarker[] {
    return this.markers.map((m) => new SimMarkerObj(m));
  }
}

export class SimFrameRate implements PFrameRate {
  constructor(readonly ticksPerFrame: number) {}
  get value(): number {
    return 254_016_000_000 / this.ticksPerFrame;
  }
}

/** A detached copy of a sequence's settings: changes reach the sequence only through createSetSettingsAction. */
export class SimSequenceSettings implements PSequenceSettings {
  constructor(
    public ticksPerFrame: bigint,
    public width: number,
    public height: number,
  ) {}
  getVideoFrameRate(): PFrameRate {
    return new SimFrameRate(Number(this.ticksPerFrame));
  }
  setVideoFrameRate(rate: PFrameRate): boolean {
    if (!Number.isInteger(rate.ticksPerFrame) || rate.ticksPerFrame <= 0) return false;
    this.ticksPerFrame = BigInt(rate.ticksPerFrame);
    return true;
  }
  async getVideoFrameRect(): Promise<PRectF> {
    return { width: this.width, height: this.height };
  }
  async setVideoFrameRect(rect: PRectF): Promise<boolean> {
    if (!(rect.width >= 16 && rect.height >= 16)) return false;
    this.width = Math.round(rect.width);
    this.height = Math.round(rect.height);
    return true;
  }
}

export class SimSequenceObj implements PSequence {
  constructor(
    private readonly core: SimCore,
    readonly guidString: string,
  ) {}
  private get s() {
    this.core.count();
    return this.core.sequence(this.guidString);
  }
  get guid() {
    return { toString: () => this.guidString };
  }
  get name(): string {
    return this.core.sequence(this.guidString).name;
  }
  async getVideoTrackCount(): Promise<number> {
    return this.s.tracks.length;
  }
  async getVideoTrack(i: number): Promise<PVideoTrack> {
    if (!this.s.tracks[i]) throw new SimRefusal(`no video track ${i}`);
    return new SimVideoTrack(this.core, this.guidString, i);
  }
  async getAudioTrackCount(): Promise<number> {
    return audioTracksOf(this.s).length;
  }
  async getAudioTrack(i: number): Promise<PAudioTrack> {
    if (!audioTracksOf(this.s)[i]) throw new SimRefusal(`no audio track ${i}`);
    return new SimAudioTrack(this.core, this.guidString, i);
  }
  async getSettings(): Promise<PSequenceSettings> {
    const s = this.s;
    return new SimSequenceSettings(s.ticksPerFrame, s.width, s.height);
  }
  createSetSettingsAction(settings: PSequenceSettings): PAction {
    this.core.count();
    if (!(settings instanceof SimSequenceSettings)) throw new SimRefusal("createSetSettingsAction: not a settings object of this host");
    const { ticksPerFrame, width, height } = settings;
    const guid = this.guidString;
    return this.core.action("createSetSettingsAction", (d) => {
      const seq = d.sequences.find((q) => q.guid === guid);
      if (!seq) throw new SimRefusal("the sequence was closed");
      Object.assign(seq, { ticksPerFrame, width, height });
    });
  }
  async getPlayerPosition(): Promise<PTickTime> {
    return tt(this.s.playhead);
  }
  /** unmarked, Premiere answers the sequence start and end */
  async getInPoint(): Promise<PTickTime> {
    return tt(this.s.inPoint ?? 0n);
  }
  async getOutPoint(): Promise<PTickTime> {
    const s = this.s;
    return tt(s.outPoint ?? sequenceEnd(s));
  }
  async getEndTime(): Promise<PTickTime> {
    return tt(sequenceEnd(this.s));
  }
  async getSelection(): Promise<PTrackItemSelection> {
    const uids = [...this.s.selection];
    return { getTrackItems: async () => uids.map((u) => new SimTrackItem(this.core, u)) };
  }
  async getFrameSize(): Promise<PRectF> {
    const s = this.s;
    return { width: s.width, height: s.height };
  }
  async getTimebase(): Promise<string> {
    return this.s.ticksPerFrame.toString();
  }
}

/**
 * The stand-in's host objects: sequences, tracks, track items and project items with the declared
 * (async) getters and create…Action methods. Each one reads the live state through SimCore, so a
 * reference held across an undo behaves like Premiere's: it sees the new state, or refuses when its
 * object is gone.
 */
import type {
  PAction,
  PClipProjectItem,
  PFolderItem,
  PMarker,
  PMarkers,
  PProjectItem,
  PRectF,
  PSequence,
  PTickTime,
  PTrackItemSelection,
  PVideoClipTrackItem,
  PVideoTrack,
  TrackItemTypeValue,
} from "../premiere/premiereApi";
import { draftClip, SimRefusal, type SimCore } from "./simCore";
import { ROOT_BIN_ID, sequenceEnd, type SimItem, type SimMarker } from "./simModel";
import { SimTickTime, ticksOf } from "./simTime";

export const SIM_TYPE_CLIP = 1;
export const SIM_TYPE_BIN = 2;
export const SIM_TRACK_ITEM_CLIP = 1 satisfies TrackItemTypeValue;

const tt = (v: bigint): SimTickTime => new SimTickTime(v);

export class SimProjectItem implements PProjectItem {
  constructor(
    protected readonly core: SimCore,
    readonly id: string,
  ) {}
  protected get data(): SimItem {
    return this.core.item(this.id);
  }
  get type(): number {
    return this.data.kind === "bin" ? SIM_TYPE_BIN : SIM_TYPE_CLIP;
  }
  get name(): string {
    return this.data.name;
  }
  getId(): string {
    this.core.count();
    return this.id;
  }
  async getColorLabelIndex(): Promise<number> {
    this.core.count();
    return this.data.colorLabel;
  }
  createSetColorLabelAction(index: number): PAction {
    this.core.count();
    const id = this.id;
    return this.core.action("createSetColorLabelAction", (d) => {
      if (!Number.isInteger(index) || index < 0 || index > 15) throw new SimRefusal(`colour label ${index} out of range`);
      this.core.item(id, d).colorLabel = index;
    });
  }
}

export class SimClipProjectItem implements PClipProjectItem {
  constructor(
    private readonly core: SimCore,
    readonly id: string,
  ) {}
  get type(): number {
    return SIM_TYPE_CLIP;
  }
  get name(): string {
    return this.core.item(this.id).name;
  }
  async getMediaFilePath(): Promise<string> {
    this.core.count();
    return this.core.item(this.id).mediaPath;
  }
  async isSequence(): Promise<boolean> {
    this.core.count();
    return false;
  }
  createSetInOutPointsAction(inPoint: PTickTime, outPoint: PTickTime): PAction {
    this.core.count();
    const id = this.id;
    const a = ticksOf(inPoint);
    const b = ticksOf(outPoint);
    return this.core.action("createSetInOutPointsAction", (d) => {
      const it = this.core.item(id, d);
      if (a < 0n || b <= a) throw new SimRefusal(`in/out ${a}–${b} is empty or negative`);
      if (it.durationTicks !== null && b > it.durationTicks) throw new SimRefusal(`out point ${b} is past the end of the media (${it.durationTicks})`);
      it.inPoint = a;
      it.outPoint = b;
    });
  }
}

export class SimFolderItem implements PFolderItem {
  constructor(
    private readonly core: SimCore,
    readonly id: string,
  ) {}
  get type(): number {
    return SIM_TYPE_BIN;
  }
  get name(): string {
    return this.core.item(this.id).name;
  }
  async getItems(): Promise<PProjectItem[]> {
    this.core.count();
    return this.core.state.items.filter((i) => i.parentId === this.id).map((i) => new SimProjectItem(this.core, i.id));
  }
  createBinAction(name: string, makeUnique: boolean): PAction {
    this.core.count();
    const parent = this.id;
    return this.core.action("createBinAction", (d) => {
      let final = name;
      const siblings = new Set(d.items.filter((i) => i.parentId === parent).map((i) => i.name));
      for (let n = 1; makeUnique && siblings.has(final); n++) final = `${name} ${String(n).padStart(2, "0")}`;
      d.items.push({ id: `item-${d.nextItem++}`, kind: "bin", name: final, parentId: parent, mediaPath: "", media: "video", durationTicks: null, hasAudio: false, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} });
    });
  }
}

export class SimTrackItem implements PVideoClipTrackItem {
  constructor(
    private readonly core: SimCore,
    readonly uid: number,
  ) {}
  private get c() {
    this.core.count();
    return this.core.clip(this.uid);
  }
  async getName(): Promise<string> {
    return this.c.clip.name;
  }
  async getStartTime(): Promise<PTickTime> {
    return tt(this.c.clip.start);
  }
  async getEndTime(): Promise<PTickTime> {
    return tt(this.c.clip.end);
  }
  async getInPoint(): Promise<PTickTime> {
    return tt(this.c.clip.inPoint);
  }
  async getOutPoint(): Promise<PTickTime> {
    return tt(this.c.clip.outPoint);
  }
  async isDisabled(): Promise<boolean> {
    return this.c.clip.disabled;
  }
  async isAdjustmentLayer(): Promise<boolean> {
    return this.core.item(this.c.clip.itemId).media === "adjustment";
  }
  async getTrackIndex(): Promise<number> {
    return this.c.trackIndex;
  }
  async getProjectItem(): Promise<PProjectItem> {
    return new SimProjectItem(this.core, this.c.clip.itemId);
  }
  createSetDisabledAction(disabled: boolean): PAction {
    this.core.count();
    const uid = this.uid;
    return this.core.action("createSetDisabledAction", (d) => {
      const { seq, trackIndex, clip } = draftClip(d, uid);
      if (seq.tracks[trackIndex]!.locked) return; // a locked track ignores edits
      clip.disabled = disabled;
    });
  }
  createSetEndAction(time: PTickTime): PAction {
    this.core.count();
    const uid = this.uid;
    const end = ticksOf(time);
    return this.core.action("createSetEndAction", (d) => {
      const { seq, trackIndex, clip } = draftClip(d, uid);
      const track = seq.tracks[trackIndex]!;
      if (track.locked) return;
      if (end <= clip.start) throw new SimRefusal("end before start");
      const next = track.clips.find((c) => c.start >= clip.end && c.uid !== uid);
      if (next && end > next.start) throw new SimRefusal("setEnd would overlap the next clip");
      const item = this.core.item(clip.itemId, d);
      const out = clip.inPoint + (end - clip.start);
      if (item.durationTicks !== null && out > item.durationTicks) throw new SimRefusal("setEnd past the end of the media");
      clip.end = end;
      clip.outPoint = out;
    });
  }
}

export class SimVideoTrack implements PVideoTrack {
  constructor(
    private readonly core: SimCore,
    private readonly guid: string,
    private readonly index: number,
  ) {}
  private get data() {
    const t = this.core.sequence(this.guid).tracks[this.index];
    if (!t) throw new SimRefusal(`video track ${this.index} no longer exists`);
    return t;
  }
  get name(): string {
    return this.data.name;
  }
  getTrackItems(type: TrackItemTypeValue, includeEmpty: boolean): PVideoClipTrackItem[] {
    this.core.count();
    if (includeEmpty) throw new SimRefusal("EMPTY track items are not modelled: compute gaps from clip start/end.");
    if (type !== SIM_TRACK_ITEM_CLIP) throw new SimRefusal(`getTrackItems type ${type}: read the value from ppro.Constants.TrackItemType.CLIP`);
    return this.data.clips.map((c) => new SimTrackItem(this.core, c.uid));
  }
  async getIndex(): Promise<number> {
    this.core.count();
    return this.index;
  }
}

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
    return this.s.audioTrackCount;
  }
  async getPlayerPosition(): Promise<PTickTime> {
    return tt(this.s.playhead);
  }
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

export function rootFolder(core: SimCore): SimFolderItem {
  return new SimFolderItem(core, ROOT_BIN_ID);
}

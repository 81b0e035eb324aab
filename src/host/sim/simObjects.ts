/**
 * The stand-in's project items, tracks and track items with the declared (async) getters and
 * create…Action methods. Each reads the live state through SimCore and remembers the commit
 * generation it was read in: used after a later commit it throws, as Premiere's objects do
 * ("script object is no longer valid").
 */
import type { PAction, PAudioTrack, PClipProjectItem, PFolderItem, PProjectItem, PTickTime, PVideoClipTrackItem, PVideoTrack, TrackItemTypeValue } from "../premiere/premiereApi";
import { draftClip, SimRefusal, type SimCore } from "./simCore";
import { audioTracksOf, ROOT_BIN_ID, type SimItem } from "./simModel";
import { SimTickTime, ticksOf } from "./simTime";

export const SIM_TYPE_CLIP = 1;
export const SIM_TYPE_BIN = 2;
/** Not the typings' ordinal (CLIP is 1 there): a hard-coded number fails, as it can in Premiere. */
export const SIM_TRACK_ITEM_CLIP = 11 as TrackItemTypeValue;

const tt = (v: bigint): SimTickTime => new SimTickTime(v);

/** A host object bound to the commit generation it was read in. */
abstract class SimHostObject {
  protected readonly generation: number;
  constructor(protected readonly core: SimCore) {
    this.generation = core.generation;
  }
  protected use(what: string): void {
    this.core.count();
    this.core.live(this.generation, what);
  }
}

export class SimProjectItem extends SimHostObject implements PProjectItem {
  constructor(
    core: SimCore,
    readonly id: string,
  ) {
    super(core);
  }
  protected get data(): SimItem {
    this.core.live(this.generation, "ProjectItem");
    return this.core.item(this.id);
  }
  get type(): number {
    return this.data.kind === "bin" ? SIM_TYPE_BIN : SIM_TYPE_CLIP;
  }
  get name(): string {
    return this.data.name;
  }
  getId(): string {
    this.use("ProjectItem.getId");
    return this.id;
  }
  async getColorLabelIndex(): Promise<number> {
    this.use("ProjectItem.getColorLabelIndex");
    return this.data.colorLabel;
  }
  createSetColorLabelAction(index: number): PAction {
    this.use("ProjectItem.createSetColorLabelAction");
    const id = this.id;
    return this.core.action("createSetColorLabelAction", (d) => {
      if (!Number.isInteger(index) || index < 0 || index > 15) throw new SimRefusal(`colour label ${index} out of range`);
      this.core.item(id, d).colorLabel = index;
    });
  }
}

/** Snaps a source time down to the media's own frame grid (Premiere keeps source in/out on media frames). */
function snap(core: SimCore, t: bigint, frameTicks: bigint | null | undefined): bigint {
  if (!core.strict.sourceSnapsToMediaFrames || !frameTicks) return t;
  return (t / frameTicks) * frameTicks;
}

export class SimClipProjectItem extends SimHostObject implements PClipProjectItem {
  constructor(
    core: SimCore,
    readonly id: string,
  ) {
    super(core);
  }
  get type(): number {
    return SIM_TYPE_CLIP;
  }
  get name(): string {
    this.core.live(this.generation, "ClipProjectItem");
    return this.core.item(this.id).name;
  }
  async getMediaFilePath(): Promise<string> {
    this.use("ClipProjectItem.getMediaFilePath");
    return this.core.item(this.id).mediaPath;
  }
  async isSequence(): Promise<boolean> {
    this.use("ClipProjectItem.isSequence");
    return this.core.item(this.id).media === "sequence";
  }
  createSetInOutPointsAction(inPoint: PTickTime, outPoint: PTickTime): PAction {
    this.use("ClipProjectItem.createSetInOutPointsAction");
    const id = this.id;
    const a = ticksOf(inPoint);
    const b = ticksOf(outPoint);
    return this.core.action("createSetInOutPointsAction", (d) => {
      const it = this.core.item(id, d);
      if (a < 0n || b <= a) throw new SimRefusal(`in/out ${a}–${b} is empty or negative`);
      if (it.durationTicks !== null && b > it.durationTicks) throw new SimRefusal(`out point ${b} is past the end of the media (${it.durationTicks})`);
      it.inPoint = snap(this.core, a, it.frameTicks);
      it.outPoint = snap(this.core, b, it.frameTicks);
      if (it.outPoint <= it.inPoint) throw new SimRefusal(`in/out ${a}–${b} is shorter than one frame of the media`);
    });
  }
}

export class SimFolderItem extends SimHostObject implements PFolderItem {
  constructor(
    core: SimCore,
    readonly id: string,
  ) {
    super(core);
  }
  get type(): number {
    return SIM_TYPE_BIN;
  }
  get name(): string {
    this.core.live(this.generation, "FolderItem");
    return this.core.item(this.id).name;
  }
  async getItems(): Promise<PProjectItem[]> {
    this.use("FolderItem.getItems");
    return this.core.state.items.filter((i) => i.parentId === this.id && this.core.visible(i.id)).map((i) => new SimProjectItem(this.core, i.id));
  }
  createBinAction(name: string, makeUnique: boolean): PAction {
    this.use("FolderItem.createBinAction");
    const parent = this.id;
    return this.core.action("createBinAction", (d) => {
      let final = name;
      const siblings = new Set(d.items.filter((i) => i.parentId === parent).map((i) => i.name));
      for (let n = 1; makeUnique && siblings.has(final); n++) final = `${name} ${String(n).padStart(2, "0")}`;
      d.items.push({ id: `item-${d.nextItem++}`, kind: "bin", name: final, parentId: parent, mediaPath: "", media: "video", durationTicks: null, hasAudio: false, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} });
    });
  }
}

/** Media Premiere makes itself with no project item behind the track item (titles, graphics). */
const NO_PROJECT_ITEM = new Set(["title", "graphic"]);

export class SimTrackItem extends SimHostObject implements PVideoClipTrackItem {
  constructor(
    core: SimCore,
    readonly uid: number,
  ) {
    super(core);
  }
  private get c() {
    this.use("VideoClipTrackItem");
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
  async getProjectItem(): Promise<PProjectItem | null> {
    const item = this.core.item(this.c.clip.itemId);
    if (this.core.strict.clipsWithoutProjectItem && NO_PROJECT_ITEM.has(item.media)) return null;
    return new SimProjectItem(this.core, item.id);
  }
  createSetDisabledAction(disabled: boolean): PAction {
    this.use("VideoClipTrackItem.createSetDisabledAction");
    const uid = this.uid;
    return this.core.action("createSetDisabledAction", (d) => {
      const { seq, trackIndex, clip } = draftClip(d, uid);
      if (seq.tracks[trackIndex]!.locked) return; // a locked track ignores edits
      clip.disabled = disabled;
    });
  }
  createSetEndAction(time: PTickTime): PAction {
    this.use("VideoClipTrackItem.createSetEndAction");
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

export class SimVideoTrack extends SimHostObject implements PVideoTrack {
  constructor(
    core: SimCore,
    private readonly guid: string,
    private readonly index: number,
  ) {
    super(core);
  }
  private get data() {
    this.core.live(this.generation, "VideoTrack");
    const t = this.core.sequence(this.guid).tracks[this.index];
    if (!t) throw new SimRefusal(`video track ${this.index} no longer exists`);
    return t;
  }
  get name(): string {
    return this.data.name;
  }
  getTrackItems(type: TrackItemTypeValue, includeEmpty: boolean): PVideoClipTrackItem[] {
    this.use("VideoTrack.getTrackItems");
    if (includeEmpty) throw new SimRefusal("EMPTY track items are not modelled: compute gaps from clip start/end.");
    if (type !== SIM_TRACK_ITEM_CLIP) throw new SimRefusal(`getTrackItems type ${String(type)}: read the value from ppro.Constants.TrackItemType.CLIP (the typings' numbers are not Premiere's)`);
    return this.data.clips.map((c) => new SimTrackItem(this.core, c.uid));
  }
  async getIndex(): Promise<number> {
    this.use("VideoTrack.getIndex");
    return this.index;
  }
}

export class SimAudioTrack extends SimHostObject implements PAudioTrack {
  constructor(
    core: SimCore,
    private readonly guid: string,
    private readonly index: number,
  ) {
    super(core);
  }
  private get data() {
    this.core.live(this.generation, "AudioTrack");
    const t = audioTracksOf(this.core.sequence(this.guid))[this.index];
    if (!t) throw new SimRefusal(`audio track ${this.index} no longer exists`);
    return t;
  }
  get name(): string {
    return this.data.name;
  }
  async getIndex(): Promise<number> {
    this.use("AudioTrack.getIndex");
    return this.index;
  }
  createSetNameAction(name: string): PAction {
    this.use("AudioTrack.createSetNameAction");
    const { guid, index } = this;
    return this.core.action("AudioTrack.createSetNameAction", (d) => {
      const seq = d.sequences.find((s) => s.guid === guid);
      const t = seq ? audioTracksOf(seq)[index] : undefined;
      if (!t) throw new SimRefusal(`audio track ${index} is gone`);
      t.name = name;
    });
  }
}

export function rootFolder(core: SimCore): SimFolderItem {
  return new SimFolderItem(core, ROOT_BIN_ID);
}

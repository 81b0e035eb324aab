/**
 * An in-memory Premiere Pro: implements the `premierepro` projection the adapter is written against
 * (`PremiereModule`), so tests and the workbench run the real adapter code. Build one with
 * `createPremiereSim(state)`; `module` is what the adapter receives in place of the host's premierepro module,
 * `core` holds the state, undo stack, faults, clock and call count for tests and the workbench view.
 * Strict by default in every way listed in `strictness.ts`.
 */
import type { PClipProjectItem, PCompoundAction, PFolderItem, PProject, PProjectItem, PremiereModule, PSequence, PTickTime, ProjectEventValue, SequenceEventValue } from "../premiere/premiereApi";
import { virtualClock, type SimClock } from "./simClock";
import { SimCore, SimRefusal } from "./simCore";
import { simSequenceEditor } from "./simEditor";
import { metadataPacket, readPacketFields } from "./simMetadata";
import { DEFAULT_STILL_TICKS, ROOT_BIN_ID, type SimMediaKind, type SimState } from "./simModel";
import { rootFolder, SIM_TRACK_ITEM_CLIP, SIM_TYPE_BIN, SIM_TYPE_CLIP, SimClipProjectItem, SimFolderItem, SimProjectItem } from "./simObjects";
import { SimMarkers, SimSequenceObj } from "./simSequence";
import { simTickTimeStatic, ticksOf } from "./simTime";
import { STRICT, type SimStrictness } from "./strictness";

export interface ProbedMedia {
  readonly media: SimMediaKind;
  /** null for stills */
  readonly durationTicks: bigint | null;
  readonly hasAudio: boolean;
  /** the media's frame duration in ticks; absent = 24 fps for video */
  readonly frameTicks?: bigint | null;
  /** how the file system spells the path (its case), when it differs from what was asked */
  readonly diskPath?: string;
}

export interface PremiereSimOptions {
  /** what importFiles finds at a path; null = no such file (the import fails) */
  probe?: (path: string) => Promise<ProbedMedia | null>;
  /** writes a still for Exporter.exportSequenceFrame; without it the export answers false */
  exportFrame?: (directory: string, filename: string, width: number, height: number, atTicks: bigint) => Promise<boolean>;
  projectPath?: string;
  projectName?: string;
  /** switches to relax (each defaults to strict) */
  strict?: Partial<SimStrictness>;
  clock?: SimClock;
  /** Premiere's "default still duration" preference */
  defaultStillTicks?: bigint;
}

const STILL = /\.(png|jpe?g|tiff?|gif|bmp)$/i;
const FPS24 = 254_016_000_000n / 24n;
/** Premiere's default sequence preset: 1080p at 29.97. */
const DEFAULT_PRESET = { ticksPerFrame: 8_475_667_200n, width: 1920, height: 1080 };

/** Without a probe: stills by extension, video files of 10 s at 24 fps with no audio. */
async function defaultProbe(path: string): Promise<ProbedMedia> {
  return STILL.test(path) ? { media: "still", durationTicks: null, hasAudio: false } : { media: "video", durationTicks: 10n * 254_016_000_000n, hasAudio: false, frameTicks: FPS24 };
}

/** Runtime enum values are not the typings' ordinals (Premiere's are strings or other numbers). */
const SEQUENCE_EVENT = { ACTIVATED: "sequenceActivated" as unknown as SequenceEventValue, CLOSED: "sequenceClosed" as unknown as SequenceEventValue, SELECTION_CHANGED: "sequenceSelectionChanged" as unknown as SequenceEventValue };
const PROJECT_EVENT = { DIRTY: "projectDirty" as unknown as ProjectEventValue, ACTIVATED: "projectActivated" as unknown as ProjectEventValue, OPENED: "projectOpened" as unknown as ProjectEventValue };

export interface PremiereSim {
  readonly module: PremiereModule;
  readonly core: SimCore;
  readonly clock: SimClock;
  /** fires a host event by hand (tests of panels that must not depend on one) */
  fire(event: "selection" | "dirty"): void;
  /**
   * Another project comes forward (opened, or the current one saved under a new name): the active
   * project answers the new path. The sequences stay those of the sim; Cutaway's project documents
   * are what follow the path.
   */
  switchProject(path: string, name?: string): void;
}

/** A path as Premiere reports it on Windows: backslashes. */
const windowsSpelling = (p: string): string => p.replace(/\//g, "\\");

export function createPremiereSim(state: SimState, options: PremiereSimOptions = {}): PremiereSim {
  const strict: SimStrictness = { ...STRICT, ...options.strict };
  const clock = options.clock ?? virtualClock();
  const core = new SimCore(state, strict, clock);
  const probe = options.probe ?? defaultProbe;
  const defaultStill = options.defaultStillTicks ?? DEFAULT_STILL_TICKS;
  const listeners = new Map<unknown, Set<(e?: object) => void>>();
  const fire = (key: unknown, reason: string): void => listeners.get(key)?.forEach((h) => h({ reason }));
  core.onChange((reason) => {
    if (!strict.selectionEventSilent) fire(SEQUENCE_EVENT.SELECTION_CHANGED, reason);
    // selecting, parking the playhead and marking do not dirty a project
    if (reason !== "selection") fire(PROJECT_EVENT.DIRTY, reason);
  });

  const where = { name: options.projectName ?? "Demo.prproj", path: options.projectPath ?? "/projects/Demo/Demo.prproj" };
  const project: PProject = {
    get name() {
      return where.name;
    },
    get path() {
      return where.path;
    },
    async getActiveSequence(): Promise<PSequence | null> {
      core.count();
      const seq = core.activeSequence();
      return seq ? new SimSequenceObj(core, seq.guid) : null;
    },
    async setActiveSequence(sequence: PSequence): Promise<boolean> {
      core.count();
      if (!(sequence instanceof SimSequenceObj)) return false;
      const guid = sequence.guidString;
      core.sequence(guid);
      core.mutate((s) => void (s.activeGuid = guid));
      fire(SEQUENCE_EVENT.ACTIVATED, "activated");
      return true;
    },
    async openSequence(sequence: PSequence): Promise<boolean> {
      core.count();
      return sequence instanceof SimSequenceObj && core.state.sequences.some((s) => s.guid === sequence.guidString);
    },
    async createSequence(name: string): Promise<PSequence> {
      core.count();
      const active = core.activeSequence();
      const preset = strict.createSequenceDefaultPreset || !active ? DEFAULT_PRESET : active;
      const guid = `seq-${core.state.nextItem++}`;
      core.mutate((s) => {
        s.sequences.push({ guid, name, ticksPerFrame: preset.ticksPerFrame, width: preset.width, height: preset.height, tracks: [1, 2, 3].map((n) => ({ name: `Video ${n}`, locked: false, clips: [] })), audioTrackCount: 3, audioTracks: [1, 2, 3].map((n) => ({ name: `Audio ${n}`, clips: [] })), markers: [], playhead: 0n, inPoint: null, outPoint: null, selection: [] });
        if (!strict.createSequenceDefaultPreset) s.activeGuid = guid;
      });
      return new SimSequenceObj(core, guid);
    },
    async getRootItem(): Promise<PFolderItem> {
      core.count();
      return rootFolder(core);
    },
    async importFiles(paths: string[], _suppressUI?: boolean, targetBin?: PProjectItem | null): Promise<boolean> {
      core.count();
      if (core.faults.failNextImport) {
        core.faults.failNextImport = false;
        return false;
      }
      if (targetBin === undefined) throw new SimRefusal("importFiles without a bin: pass the bin (Premiere wants null, not undefined, for none).");
      const binId = targetBin === null ? ROOT_BIN_ID : targetBin.getId();
      if (core.item(binId).kind !== "bin") throw new SimRefusal("importFiles target is not a bin.");
      const probed = await Promise.all(paths.map((p) => probe(p)));
      if (probed.some((p) => p === null)) return false;
      const visibleAt = clock.now() + strict.importDelayMs;
      core.mutate((s) => {
        paths.forEach((path, i) => {
          const m = probed[i]!;
          const onDisk = m.diskPath ?? path;
          const name = onDisk.split(/[\\/]/).pop() ?? onDisk;
          const id = `item-${s.nextItem++}`;
          const frameTicks = m.media === "video" ? (m.frameTicks === undefined ? FPS24 : m.frameTicks) : null;
          s.items.push({ id, kind: "clip", name, parentId: binId, mediaPath: strict.windowsPaths ? windowsSpelling(onDisk) : onDisk, media: m.media, durationTicks: m.durationTicks, hasAudio: m.hasAudio, frameTicks, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} });
          if (strict.importDelayMs > 0) core.hiddenUntil.set(id, visibleAt);
        });
      });
      return true;
    },
    executeTransaction(callback: (c: PCompoundAction) => void, undoString?: string): boolean {
      core.count();
      return core.executeTransaction((add) => {
        let empty = true;
        callback({
          addAction: (a: object) => {
            empty = false;
            return add(a);
          },
          get empty() {
            return empty;
          },
        });
      }, undoString);
    },
    lockedAccess(callback: () => void): void {
      core.count();
      core.lockedAccess(callback);
    },
  };

  const module: PremiereModule = {
    Project: {
      async getActiveProject() {
        core.count();
        return project;
      },
    },
    ProjectItem: {
      cast(item: PFolderItem | PClipProjectItem): PProjectItem {
        core.count();
        if (item instanceof SimFolderItem || item instanceof SimClipProjectItem) return new SimProjectItem(core, item.id);
        throw new SimRefusal("ProjectItem.cast: not a stand-in item");
      },
      TYPE_BIN: SIM_TYPE_BIN,
      TYPE_CLIP: SIM_TYPE_CLIP,
    },
    ClipProjectItem: {
      cast(item: PProjectItem): PClipProjectItem | null {
        core.count();
        if (!(item instanceof SimProjectItem)) throw new SimRefusal("ClipProjectItem.cast: not a project item of this host");
        const it = core.item(item.getId());
        if (it.kind !== "clip") return null;
        if (strict.clipsWithoutProjectItem && (it.media === "adjustment" || it.media === "title" || it.media === "graphic")) return null;
        return new SimClipProjectItem(core, item.id);
      },
    },
    FolderItem: {
      cast(item: PProjectItem): PFolderItem {
        core.count();
        if (!(item instanceof SimProjectItem) || core.item(item.getId()).kind !== "bin") throw new SimRefusal("FolderItem.cast: not a bin");
        return new SimFolderItem(core, item.id);
      },
    },
    SequenceEditor: {
      getEditor: (sequence: PSequence) => simSequenceEditor(core, sequence, defaultStill),
    },
    Markers: {
      async getMarkers(owner) {
        core.count();
        if (!(owner instanceof SimSequenceObj)) throw new SimRefusal("clip markers are not modelled");
        return new SimMarkers(core.sequence(owner.guidString).markers);
      },
    },
    Metadata: {
      METADATA_TYPE_TEXT: 2,
      async getProjectMetadata(item: PProjectItem): Promise<string> {
        core.count();
        return metadataPacket(core.item(item.getId()).metadata, strict.metadataPacketQuirks);
      },
      createSetProjectMetadataAction(item: PProjectItem, xml: string, updatedFields: string[]) {
        core.count();
        const id = item.getId();
        return core.action("createSetProjectMetadataAction", (d) => {
          const found = readPacketFields(xml);
          const it = core.item(id, d);
          for (const f of updatedFields) {
            if (!d.schema.includes(f)) throw new SimRefusal(`metadata field "${f}" is not in the project schema (addPropertyToProjectMetadataSchema first)`);
            const v = found.get(f);
            if (v === undefined) throw new SimRefusal(`metadata field "${f}" is listed as updated but missing from the XML`);
            it.metadata[f] = v;
          }
        });
      },
      async addPropertyToProjectMetadataSchema(name: string): Promise<boolean> {
        core.count();
        if (!/^[A-Za-z][\w]*$/.test(name)) return false;
        core.mutate((s) => {
          if (!s.schema.includes(name)) s.schema.push(name);
        });
        return true;
      },
    },
    TickTime: simTickTimeStatic,
    Exporter: {
      async exportSequenceFrame(sequence: PSequence, time: PTickTime, filename: string, directory: string, width: number, height: number): Promise<boolean> {
        core.count();
        if (!(sequence instanceof SimSequenceObj) || !options.exportFrame) return false;
        // a full path as the file name silently writes nothing in Premiere
        if (/[\\/]/.test(filename)) return true;
        const dir = directory.replace(/[\\/]+$/, "");
        const at = ticksOf(time);
        const write = options.exportFrame;
        if (strict.exportFrameDelayMs <= 0) return write(dir, filename, width, height, at);
        clock.after(strict.exportFrameDelayMs, () => void write(dir, filename, width, height, at));
        return true;
      },
    },
    EventManager: {
      addGlobalEventListener(name, handler) {
        core.count();
        const set = listeners.get(name) ?? new Set();
        set.add(handler);
        listeners.set(name, set);
      },
      removeGlobalEventListener(name, handler) {
        core.count();
        listeners.get(name)?.delete(handler);
      },
    },
    Constants: {
      TrackItemType: { CLIP: SIM_TRACK_ITEM_CLIP },
      SequenceEvent: SEQUENCE_EVENT,
      ProjectEvent: PROJECT_EVENT,
    },
  };
  return {
    module,
    core,
    clock,
    fire: (event) => fire(event === "selection" ? SEQUENCE_EVENT.SELECTION_CHANGED : PROJECT_EVENT.DIRTY, "manual"),
    switchProject(path, name) {
      where.path = path;
      where.name = name ?? path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
      if (!strict.projectEventSilent) fire(PROJECT_EVENT.ACTIVATED, "project");
    },
  };
}

/**
 * An in-memory Premiere Pro: implements the `premierepro` projection the adapter is written against
 * (`PremiereModule`), so tests and the workbench run the real adapter code. Build one with
 * `createPremiereSim(state)`; `module` is what the adapter receives in place of the host's premierepro module,
 * `core` holds the state, undo stack, faults and call count for tests and the workbench view.
 */
import type { PClipProjectItem, PCompoundAction, PFolderItem, PProject, PProjectItem, PremiereModule, PSequence, PTickTime, ProjectEventValue, SequenceEventValue } from "../premiere/premiereApi";
import { SimCore, SimRefusal } from "./simCore";
import { DEFAULT_STILL_TICKS, overwriteRange, type SimMediaKind, type SimState } from "./simModel";
import { rootFolder, SIM_TRACK_ITEM_CLIP, SIM_TYPE_BIN, SIM_TYPE_CLIP, SimClipProjectItem, SimFolderItem, SimMarkers, SimProjectItem, SimSequenceObj } from "./simObjects";
import { simTickTimeStatic, ticksOf } from "./simTime";

export interface ProbedMedia {
  readonly media: SimMediaKind;
  /** null for stills */
  readonly durationTicks: bigint | null;
  readonly hasAudio: boolean;
}

export interface PremiereSimOptions {
  /** what importFiles finds at a path; null = no such file (the import fails) */
  probe?: (path: string) => Promise<ProbedMedia | null>;
  /** writes a still for Exporter.exportSequenceFrame; without it the export answers false */
  exportFrame?: (directory: string, filename: string, width: number, height: number, atTicks: bigint) => Promise<boolean>;
  projectPath?: string;
  projectName?: string;
}

const STILL = /\.(png|jpe?g|tiff?|gif|bmp)$/i;

/** Without a probe: stills by extension, video files of 10 s with no audio. */
async function defaultProbe(path: string): Promise<ProbedMedia> {
  return STILL.test(path) ? { media: "still", durationTicks: null, hasAudio: false } : { media: "video", durationTicks: 10n * 254_016_000_000n, hasAudio: false };
}

const SEQUENCE_EVENT = { ACTIVATED: 0 as SequenceEventValue, CLOSED: 1 as SequenceEventValue, SELECTION_CHANGED: 2 as SequenceEventValue };
const PROJECT_EVENT = { DIRTY: 2 as ProjectEventValue };
/** Premiere's private namespace for project-panel metadata columns. */
const FIELD = /<premierePrivateProjectMetaData:([\w.]+)>([\s\S]*?)<\/premierePrivateProjectMetaData:\1>/g;

export interface PremiereSim {
  readonly module: PremiereModule;
  readonly core: SimCore;
}

export function createPremiereSim(state: SimState, options: PremiereSimOptions = {}): PremiereSim {
  const core = new SimCore(state);
  const probe = options.probe ?? defaultProbe;
  const listeners = new Map<unknown, Set<(e?: object) => void>>();
  core.onChange((reason) => {
    const fire = (key: unknown): void => listeners.get(key)?.forEach((h) => h({ reason }));
    fire(SEQUENCE_EVENT.SELECTION_CHANGED);
    fire(PROJECT_EVENT.DIRTY);
  });

  const project: PProject = {
    name: options.projectName ?? "Demo.prproj",
    path: options.projectPath ?? "/projects/Demo/Demo.prproj",
    async getActiveSequence(): Promise<PSequence | null> {
      core.count();
      const seq = core.activeSequence();
      return seq ? new SimSequenceObj(core, seq.guid) : null;
    },
    async createSequence(name: string): Promise<PSequence> {
      core.count();
      const active = core.activeSequence();
      const guid = `seq-${core.state.nextItem++}`;
      core.mutate((s) => {
        s.sequences.push({ guid, name, ticksPerFrame: active?.ticksPerFrame ?? 10_594_584_000n, width: active?.width ?? 1920, height: active?.height ?? 1080, tracks: [{ name: "Video 1", locked: false, clips: [] }], audioTrackCount: 1, markers: [], playhead: 0n, inPoint: null, outPoint: null, selection: [] });
        s.activeGuid = guid;
      });
      return new SimSequenceObj(core, guid);
    },
    async getRootItem(): Promise<PFolderItem> {
      core.count();
      return rootFolder(core);
    },
    async importFiles(paths: string[], _suppressUI?: boolean, targetBin?: PProjectItem): Promise<boolean> {
      core.count();
      if (core.faults.failNextImport) {
        core.faults.failNextImport = false;
        return false;
      }
      if (targetBin === undefined) throw new SimRefusal("importFiles without a bin: pass the bin (Premiere wants null, not undefined, for none).");
      const binId = targetBin.getId();
      if (core.item(binId).kind !== "bin") throw new SimRefusal("importFiles target is not a bin.");
      const probed = await Promise.all(paths.map((p) => probe(p)));
      if (probed.some((p) => p === null)) return false;
      core.mutate((s) => {
        paths.forEach((path, i) => {
          const m = probed[i]!;
          const name = path.split(/[\\/]/).pop() ?? path;
          s.items.push({ id: `item-${s.nextItem++}`, kind: "clip", name, parentId: binId, mediaPath: path, media: m.media, durationTicks: m.durationTicks, hasAudio: m.hasAudio, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} });
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
      cast(item: PProjectItem): PClipProjectItem {
        core.count();
        if (!(item instanceof SimProjectItem) || core.item(item.id).kind !== "clip") throw new SimRefusal("ClipProjectItem.cast: not a clip item");
        return new SimClipProjectItem(core, item.id);
      },
    },
    FolderItem: {
      cast(item: PProjectItem): PFolderItem {
        core.count();
        if (!(item instanceof SimProjectItem) || core.item(item.id).kind !== "bin") throw new SimRefusal("FolderItem.cast: not a bin");
        return new SimFolderItem(core, item.id);
      },
    },
    SequenceEditor: {
      getEditor(sequence: PSequence) {
        core.count();
        if (!(sequence instanceof SimSequenceObj)) throw new SimRefusal("getEditor: not a stand-in sequence");
        const guid = sequence.guidString;
        return {
          createOverwriteItemAction(item: PProjectItem, time: PTickTime, videoTrackIndex: number, audioTrackIndex: number) {
            core.count();
            if (item instanceof SimClipProjectItem) throw new SimRefusal("createOverwriteItemAction takes the plain ProjectItem; the cast ClipProjectItem throws in Premiere.");
            if (!(item instanceof SimProjectItem)) throw new SimRefusal("createOverwriteItemAction: not a project item");
            if (!Number.isInteger(videoTrackIndex) || videoTrackIndex < 0 || !Number.isInteger(audioTrackIndex) || audioTrackIndex < 0) throw new SimRefusal("track indices must be whole numbers ≥ 0");
            const at = ticksOf(time);
            const itemId = item.id;
            return core.action("createOverwriteItemAction", (d, txn) => {
              const seq = d.sequences.find((s) => s.guid === guid);
              if (!seq) throw new SimRefusal("the sequence was closed");
              const it = core.item(itemId, d);
              if (it.kind !== "clip") throw new SimRefusal("cannot place a bin");
              if (videoTrackIndex > seq.tracks.length) throw new SimRefusal(`video track ${videoTrackIndex} is past the next new track`);
              if (videoTrackIndex === seq.tracks.length) {
                if (++txn.newVideoTracks > 1) throw new SimRefusal("only one new video track per transaction works");
                seq.tracks.push({ name: `Video ${seq.tracks.length + 1}`, locked: false, clips: [] });
              }
              if (it.hasAudio && audioTrackIndex >= seq.audioTrackCount) seq.audioTrackCount = audioTrackIndex + 1;
              const track = seq.tracks[videoTrackIndex]!;
              if (track.locked) return; // Premiere answers true and changes nothing: callers must read back
              const srcIn = it.inPoint ?? 0n;
              const srcOut = it.outPoint ?? (it.durationTicks ?? DEFAULT_STILL_TICKS);
              overwriteRange(track, { uid: d.nextUid++, start: at, end: at + (srcOut - srcIn), inPoint: srcIn, outPoint: srcOut, name: it.name, itemId, disabled: false }, () => d.nextUid++);
            });
          },
        };
      },
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
        const fields = core.item(item.getId()).metadata;
        const body = Object.entries(fields).map(([k, v]) => `<premierePrivateProjectMetaData:${k}>${v}</premierePrivateProjectMetaData:${k}>`).join("");
        return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:premierePrivateProjectMetaData="http://ns.adobe.com/premierePrivateProjectMetaData/1.0/">${body}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
      },
      createSetProjectMetadataAction(item: PProjectItem, xml: string, updatedFields: string[]) {
        core.count();
        const id = item.getId();
        return core.action("createSetProjectMetadataAction", (d) => {
          const found = new Map<string, string>();
          for (const m of xml.matchAll(FIELD)) found.set(m[1]!, m[2]!);
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
        return options.exportFrame(directory, filename, width, height, ticksOf(time));
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
  return { module, core };
}

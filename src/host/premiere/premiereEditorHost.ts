/**
 * EditorHost on Premiere Pro. Receives the `premierepro` module (or the stand-in) as a parameter, so
 * the same code runs in Premiere, in the workbench and in tests.
 */
import { HostError } from "../../app/hostError";
import type { ApplyResult, EditorHost, ImportedMedia, ResolvedPlacement } from "../../app/ports";
import { CUTAWAY_BIN } from "../../app/run/placer";
import type { FrameSize, SequenceSnapshot } from "../../core/timeline";
import type { Ticks } from "../../core/time";
import { applyPlacements, prepareMedia } from "./applyPlacements";
import { parseClipId } from "./clipIds";
import { MediaBin } from "./mediaBin";
import type { PProject, PremiereModule, PSequence } from "./premiereApi";
import { PROVENANCE_COLUMNS } from "./provenance";
import { noSequence, readSequence } from "./readSequence";
import { tickTime } from "./tickTime";

export interface PremiereHostOptions {
  readonly sleep?: (ms: number) => Promise<void>;
}

export class PremiereEditorHost implements EditorHost {
  private readonly bin: MediaBin;
  private last: SequenceSnapshot | null = null;
  private readonly suspectLocked = new Map<string, Set<number>>();
  private schemaReady = false;

  constructor(
    private readonly ppro: PremiereModule,
    options: PremiereHostOptions = {},
  ) {
    this.bin = new MediaBin(ppro, { sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))), findAttempts: 5 });
  }

  private async active(): Promise<{ project: PProject; sequence: PSequence }> {
    const project = await this.ppro.Project.getActiveProject();
    if (!project) throw new HostError("no_project", "No project is open in Premiere. Open a project and try again.");
    const sequence = await project.getActiveSequence();
    if (!sequence) throw noSequence();
    return { project, sequence };
  }

  private locked(sequenceId: string): Set<number> {
    let s = this.suspectLocked.get(sequenceId);
    if (!s) this.suspectLocked.set(sequenceId, (s = new Set()));
    return s;
  }

  async snapshot(): Promise<SequenceSnapshot> {
    const { project, sequence } = await this.active();
    const snap = await readSequence(this.ppro, sequence, {
      cutawayItemIds: await this.bin.itemIds(project, CUTAWAY_BIN),
      suspectLocked: this.locked(sequence.guid.toString()),
    });
    this.last = snap;
    return snap;
  }

  async importMedia(paths: readonly string[], binName: string): Promise<readonly ImportedMedia[]> {
    const project = await this.ppro.Project.getActiveProject();
    return this.bin.importMedia(project, paths, binName);
  }

  async applyPlacements(placements: readonly ResolvedPlacement[], undoName: string): Promise<ApplyResult> {
    let active: { project: PProject; sequence: PSequence };
    try {
      active = await this.active();
    } catch (e) {
      const reason = e instanceof HostError ? e.message : "Premiere did not answer.";
      return { undoName, applied: [], refused: placements.map((p) => ({ placementId: p.id, code: "no_sequence", reason })) };
    }
    const { project, sequence } = active;
    const guid = sequence.guid.toString();
    const last = this.last?.sequenceId === guid ? this.last : null;
    const rate = last?.rate ?? (await this.snapshot()).rate;
    const result = await applyPlacements(
      {
        ppro: this.ppro,
        project,
        sequence,
        rate,
        itemFor: (p) => this.bin.itemForPath(project, p.mediaPath, CUTAWAY_BIN),
        hintIndex: (trackIndex, at) => {
          const clips = last?.videoTracks[trackIndex]?.clips;
          if (!clips) return null;
          let lo = 0;
          let hi = clips.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (clips[mid]!.start < at) lo = mid + 1;
            else hi = mid;
          }
          return lo;
        },
        suspectLocked: this.locked(guid),
        ensureSchema: () => this.ensureSchema(),
      },
      placements,
      undoName,
    );
    // the timeline changed: the next apply must not trust this snapshot's positions blindly
    if (result.applied.length) this.last = null;
    return result;
  }

  async swapTake(clipId: string, take: ResolvedPlacement, undoName: string): Promise<ApplyResult> {
    const snap = await this.snapshot();
    const where = parseClipId(clipId);
    const clip = where ? snap.videoTracks[where.trackIndex]?.clips.find((c) => c.start === where.start) : undefined;
    if (!clip || !clip.provenance) {
      return { undoName, applied: [], refused: [{ placementId: take.id, code: "not_cutaway_clip", reason: "That clip is no longer where Cutaway placed it (or is not a Cutaway clip); the take is in the Cutaway bin." }] };
    }
    // the old take is Cutaway's own clip: overwriting exactly its range replaces it, same range, same trims
    const range = { start: clip.start, end: clip.end };
    const swap: ResolvedPlacement = { ...take, range, trackIndex: clip.trackIndex, newTrack: false, sourceOut: take.sourceIn + (range.end - range.start) };
    const { project, sequence } = await this.active();
    let ok = false;
    const item = await this.bin.itemForPath(project, take.mediaPath, CUTAWAY_BIN);
    if (!item) return { undoName, applied: [], refused: [{ placementId: take.id, code: "missing_media", reason: "The take's media is not in the project. Run it again." }] };
    await this.ensureSchema();
    if (!(await prepareMedia(this.ppro, project, [{ p: swap, item }]))) return { undoName, applied: [], refused: [{ placementId: take.id, code: "host_refused", reason: "Premiere refused to trim the take; nothing changed." }] };
    project.lockedAccess(() => {
      const editor = this.ppro.SequenceEditor.getEditor(sequence);
      ok = project.executeTransaction((c) => {
        c.addAction(editor.createOverwriteItemAction(item, tickTime(this.ppro, range.start), clip.trackIndex, snap.audioTrackCount));
      }, undoName);
    });
    this.last = null;
    if (!ok) return { undoName, applied: [], refused: [{ placementId: take.id, code: "host_refused", reason: "Premiere refused the swap; nothing changed." }] };
    return { undoName, applied: [{ placementId: take.id, clipId }], refused: [] };
  }

  async exportFrame(at: Ticks, filePath: string, size: FrameSize): Promise<string> {
    const { sequence } = await this.active();
    const cut = filePath.replace(/\\/g, "/").lastIndexOf("/");
    const ok = await this.ppro.Exporter.exportSequenceFrame(sequence, tickTime(this.ppro, at), filePath.slice(cut + 1), filePath.slice(0, cut), size.width, size.height);
    if (!ok) throw new HostError("export_failed", "Premiere could not export the neighbouring frame; the shot will be generated from the prompt alone.");
    return filePath;
  }

  async createSequence(name: string): Promise<string> {
    const project = await this.ppro.Project.getActiveProject();
    const seq = await project.createSequence(name);
    if (!seq) throw new HostError("sequence_failed", `Premiere could not create the sequence "${name}".`);
    this.last = null;
    return seq.guid.toString();
  }

  async projectFolder(): Promise<string | null> {
    const project = await this.ppro.Project.getActiveProject();
    const p = project?.path?.replace(/\\/g, "/") ?? "";
    const cut = p.lastIndexOf("/");
    return cut > 0 ? p.slice(0, cut) : null;
  }

  onChange(listener: () => void): () => void {
    const { EventManager, Constants } = this.ppro;
    const events = [Constants.SequenceEvent.SELECTION_CHANGED, Constants.SequenceEvent.ACTIVATED, Constants.ProjectEvent.DIRTY];
    const handler = (): void => listener();
    for (const e of events) EventManager.addGlobalEventListener(e, handler);
    return () => {
      for (const e of events) EventManager.removeGlobalEventListener(e, handler);
    };
  }

  private async ensureSchema(): Promise<void> {
    if (this.schemaReady) return;
    for (const [name, label] of PROVENANCE_COLUMNS) await this.ppro.Metadata.addPropertyToProjectMetadataSchema(name, label, this.ppro.Metadata.METADATA_TYPE_TEXT);
    this.schemaReady = true;
  }
}

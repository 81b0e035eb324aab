/**
 * EditorHost on Premiere Pro. Receives the `premierepro` module (or the stand-in) as a parameter, so
 * the same code runs in Premiere, in the workbench and in tests.
 */
import { HostError } from "../../app/hostError";
import type { ApplyResult, EditorHost, ImportedMedia, ResolvedPlacement } from "../../app/ports";
import { CUTAWAY_BIN } from "../../app/run/placer";
import type { FrameSize, SequenceSnapshot } from "../../core/timeline";
import type { Ticks } from "../../core/time";
import type { FileStore } from "../../platform/ports";
import { applyPlacements } from "./applyPlacements";
import { parseClipId } from "./clipIds";
import { backoff, MediaBin } from "./mediaBin";
import type { PProject, PremiereModule, PSequence } from "./premiereApi";
import { createMatchingSequence } from "./newSequence";
import { swapTake } from "./swapTake";
import { PROVENANCE_COLUMNS } from "./provenance";
import { noSequence, readSequence } from "./readSequence";
import { tickTime } from "./tickTime";

export interface PremiereHostOptions {
  readonly sleep?: (ms: number) => Promise<void>;
  /** to see files Premiere writes (exported frames): it can answer before the file exists */
  readonly files?: Pick<FileStore, "exists" | "size">;
  /** how long to wait for an import to be listable, or an exported frame to land (about 10 s) */
  readonly patienceMs?: number;
}

export class PremiereEditorHost implements EditorHost {
  private readonly bin: MediaBin;
  private last: SequenceSnapshot | null = null;
  private readonly suspectLocked = new Map<string, Set<number>>();
  private schemaReady = false;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly patienceMs: number;

  constructor(
    private readonly ppro: PremiereModule,
    private readonly options: PremiereHostOptions = {},
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.patienceMs = options.patienceMs ?? 10_000;
    this.bin = new MediaBin(ppro, { sleep: this.sleep, findForMs: this.patienceMs });
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
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readSnapshot();
      } catch (e) {
        // a commit landing between two reads (an apply, the editor) leaves what was read stale: read again
        if (e instanceof HostError || attempt >= 5) throw e;
        await this.sleep(20 * attempt);
      }
    }
  }

  private async readSnapshot(): Promise<SequenceSnapshot> {
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
        itemIdFor: (p) => this.bin.itemIdForPath(project, p.mediaPath, CUTAWAY_BIN),
        items: (ids) => this.bin.items(project, CUTAWAY_BIN, ids),
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
    const refuse = (code: string, reason: string): ApplyResult => ({ undoName, applied: [], refused: [{ placementId: take.id, code, reason }] });
    if (!clip || !clip.provenance) return refuse("not_cutaway_clip", "That clip is no longer where Cutaway placed it (or is not a Cutaway clip); the take is in the Cutaway bin.");
    const { project, sequence } = await this.active();
    const itemId = await this.bin.itemIdForPath(project, take.mediaPath, CUTAWAY_BIN);
    if (!itemId) return refuse("missing_media", "The take's media is not in the project. Run it again.");
    await this.ensureSchema();
    const result = await swapTake({ ppro: this.ppro, project, sequence, rate: snap.rate, items: (ids) => this.bin.items(project, CUTAWAY_BIN, ids) }, clip, itemId, take, undoName);
    this.last = null;
    return result;
  }

  async exportFrame(at: Ticks, filePath: string, size: FrameSize): Promise<string> {
    const { sequence } = await this.active();
    const path = filePath.replace(/\\/g, "/");
    const cut = path.lastIndexOf("/");
    // a base name and a folder ending in a separator, as the declaration's example has them
    const ok = await this.ppro.Exporter.exportSequenceFrame(sequence, tickTime(this.ppro, at), path.slice(cut + 1), path.slice(0, cut + 1), size.width, size.height);
    if (!ok) throw new HostError("export_failed", "Premiere could not export the neighbouring frame; the shot will be generated from the prompt alone.");
    const files = this.options.files;
    if (!files) return filePath;
    // Premiere can answer true before the file is on disk: wait for a non-empty file whose size has settled
    let last = -1;
    for (const wait of [0, ...backoff(this.patienceMs)]) {
      if (wait) await this.sleep(wait);
      const bytes = (await files.exists(filePath)) ? await files.size(filePath) : 0;
      if (bytes > 0 && bytes === last) return filePath;
      last = bytes;
    }
    throw new HostError("export_failed", `Premiere said it exported the neighbouring frame, but no complete file appeared within ${Math.round(this.patienceMs / 1000)} s; the shot will be generated from the prompt alone.`);
  }

  async createSequence(name: string): Promise<string> {
    const project = await this.ppro.Project.getActiveProject();
    const guid = await createMatchingSequence(this.ppro, project, name);
    this.last = null;
    return guid;
  }

  async projectFolder(): Promise<string | null> {
    const project = await this.ppro.Project.getActiveProject();
    const p = project?.path?.replace(/\\/g, "/") ?? "";
    const cut = p.lastIndexOf("/");
    return cut > 0 ? p.slice(0, cut) : null;
  }

  onChange(listener: () => void): () => void {
    const { EventManager, Constants } = this.ppro;
    // another project opened or brought forward: its bible and storyboard are read again
    const events = [Constants.SequenceEvent.SELECTION_CHANGED, Constants.SequenceEvent.ACTIVATED, Constants.ProjectEvent.DIRTY, Constants.ProjectEvent.ACTIVATED, Constants.ProjectEvent.OPENED];
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

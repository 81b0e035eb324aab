/**
 * The open project's bible: loaded at start (and found again after a reload), every edit saved at
 * once through the file store beside the project, with the revision bumped. Edits run one at a time,
 * so two quick clicks never write over each other. Reference frames from the timeline are exported
 * into the project's media folder; removing entries or references never deletes a file.
 */
import * as model from "../../bible";
import type { Bible } from "../../bible";
import { imageTypeOf } from "../../core/bytes/imageType";
import { CutawayError } from "../../core/errors";
import { snapToFrame, ticksToTimecode } from "../../core/time";
import type { SequenceSnapshot } from "../../core/timeline";
import { Observable } from "../observable";
import type { Clock, EditorHost, FileStore, ImagePicker } from "../ports";
import type { BibleApi, BibleState } from "./bibleApi";
import { BIBLE_DOCUMENT } from "./bibleFile";
import { DocumentStore } from "../documents/projectDocument";

export interface BibleServiceDeps {
  readonly host: EditorHost;
  readonly files: FileStore;
  readonly clock: Clock;
  readonly mediaFolder: () => Promise<string>;
  readonly say: (level: "info" | "warning" | "error", message: string) => void;
  /** the host's open dialog, where it has one */
  readonly picker?: ImagePicker;
}

export class BibleService implements BibleApi {
  private readonly doc: DocumentStore<Bible>;
  private readonly state = new Observable<BibleState>({ loaded: false, entries: [], revision: 0, path: null, besideProject: false });

  constructor(private readonly d: BibleServiceDeps) {
    this.doc = new DocumentStore(BIBLE_DOCUMENT, { files: d.files, projectFolder: () => d.host.projectFolder(), now: () => d.clock.now(), say: d.say });
  }

  /** the bible as planning reads it (never waits for a save) */
  current(): Bible {
    return this.doc.current();
  }

  private get bible(): Bible {
    return this.doc.current();
  }

  getState(): BibleState {
    return this.state.get();
  }

  subscribe(listener: (s: BibleState) => void): () => void {
    return this.state.subscribe(listener);
  }

  async reload(): Promise<void> {
    const bible = await this.doc.reload();
    const where = this.doc.location()!;
    this.state.update(() => ({ loaded: true, entries: bible.entries, revision: bible.revision, path: where.path, besideProject: where.besideProject }));
  }

  seedFromBreakdown(b: Parameters<BibleApi["seedFromBreakdown"]>[0]): Promise<number> {
    const cast = new Map((b.cast ?? []).map((c) => [c.name, c.description || null] as const));
    const shots = b.shots.map((s) => ({ characters: s.characters ?? [], scene: s.location ? { location: s.location } : null }));
    return this.edit((bible) => {
      const r = model.seedFromBreakdown(bible, shots, cast);
      return { bible: r.bible, result: r.added.length };
    });
  }

  addEntry(entry: Parameters<BibleApi["addEntry"]>[0]): Promise<model.BibleEntry> {
    return this.edit((bible) => {
      const r = model.addEntry(bible, entry);
      return { bible: r.bible, result: r.entry };
    });
  }

  updateEntry(id: string, patch: model.EntryPatch): Promise<void> {
    return this.edit((bible) => ({ bible: model.updateEntry(bible, id, patch), result: undefined }));
  }

  removeEntry(id: string): Promise<void> {
    return this.edit((bible) => ({ bible: model.removeEntry(bible, id), result: undefined }));
  }

  mergeEntries(intoId: string, fromId: string): Promise<void> {
    return this.edit((bible) => ({ bible: model.mergeEntries(bible, intoId, fromId), result: undefined }));
  }

  async addReferenceFromFile(id: string, path: string): Promise<void> {
    await this.checkImage(path);
    return this.edit((bible) => ({ bible: model.addReference(bible, id, { path, origin: "file", addedAt: this.now() }), result: undefined }));
  }

  canPickFiles(): boolean {
    return this.d.picker !== undefined;
  }

  async addReferenceFromPicker(id: string): Promise<boolean> {
    if (!this.d.picker) throw new CutawayError("bible_no_picker", "This host has no open dialog; type the image's path instead.");
    const entry = model.entryOf(this.bible, id);
    // refused before the dialog opens: choosing a file only to be told it cannot be added wastes a minute
    if (entry.references.length >= model.MAX_REFERENCES) {
      throw new model.BibleError("bible_references_full", `${entry.name} already has ${model.MAX_REFERENCES} reference images; remove one before adding another.`);
    }
    const path = await this.d.picker.pickImage();
    if (!path) return false;
    await this.addReferenceFromFile(id, path);
    return true;
  }

  /** a storyboard still becomes a reference, noted with the image model that made it */
  async addReferenceFromImageModel(id: string, path: string, modelId: string): Promise<void> {
    await this.checkImage(path);
    return this.edit((bible) => ({ bible: model.addReference(bible, id, { path, origin: "image-model", addedAt: this.now(), note: modelId.slice(0, 300) }), result: undefined }));
  }

  addReferenceFromPlayhead(id: string): Promise<void> {
    return this.fromTimeline(id, "playhead");
  }

  addReferenceFromSelection(id: string): Promise<void> {
    return this.fromTimeline(id, "selection");
  }

  /** a frame of the cut: at the playhead, or the middle frame of the first selected clip */
  private async fromTimeline(id: string, where: "playhead" | "selection"): Promise<void> {
    const entry = model.entryOf(this.bible, id);
    // refused before a frame is exported for nothing
    if (entry.references.length >= model.MAX_REFERENCES) {
      throw new model.BibleError("bible_references_full", `${entry.name} already has ${model.MAX_REFERENCES} reference images; remove one before adding another.`);
    }
    const s = await this.d.host.snapshot();
    const at = where === "playhead" ? s.playhead : middleOfSelection(s);
    const dir = this.d.files.join(await this.d.mediaFolder(), "Bible");
    await this.d.files.mkdirp(dir);
    const safe = entry.name.replace(/[^\p{L}\p{N}]+/gu, "_").slice(0, 40);
    const file = this.d.files.join(dir, `${safe}-${this.d.clock.now().toString(36)}.png`);
    const written = await this.d.host.exportFrame(at, file, s.frameSize);
    const note = ticksToTimecode(at, s.rate);
    return this.edit((bible) => ({ bible: model.addReference(bible, id, { path: written, origin: "timeline", addedAt: this.now(), note: `${s.name} ${note}` }), result: undefined }));
  }

  removeReference(id: string, referenceId: string): Promise<void> {
    return this.edit((bible) => ({ bible: model.removeReference(bible, id, referenceId), result: undefined }));
  }

  preferReference(id: string, referenceId: string): Promise<void> {
    return this.edit((bible) => ({ bible: model.preferReference(bible, id, referenceId), result: undefined }));
  }

  private async edit<T>(fn: (b: Bible) => { bible: Bible; result: T }): Promise<T> {
    const { doc, result, changed } = await this.doc.edit((b) => {
      const r = fn(b);
      return { doc: r.bible, result: r.result };
    });
    if (changed) this.state.update((s) => ({ ...s, entries: doc.entries, revision: doc.revision }));
    return result;
  }

  private async checkImage(path: string): Promise<void> {
    if (!(await this.d.files.exists(path))) throw new CutawayError("bible_no_file", `Cutaway cannot find ${path}; pick the image again.`);
    if (!imageTypeOf((await this.d.files.read(path)).subarray(0, 8))) throw new CutawayError("bible_not_image", "That file is not a PNG or JPEG image; export the reference as one of those.");
  }

  private now(): string {
    return new Date(this.d.clock.now()).toISOString();
  }
}

function middleOfSelection(s: SequenceSnapshot): bigint {
  const clip = s.videoTracks.flatMap((t) => t.clips).find((c) => s.selection.includes(c.id));
  if (!clip) throw new CutawayError("bible_no_selection", "Select a clip in the timeline first; its middle frame becomes the reference.");
  // the middle frame, snapped to a frame boundary: the clip's first frame is often a cut or a fade
  return snapToFrame(clip.start + (clip.end - clip.start) / 2n, s.rate, "floor");
}

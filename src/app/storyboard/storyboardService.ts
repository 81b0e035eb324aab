/**
 * The open project's storyboard review: the stills on the active sequence (seen on every timeline
 * read), the editor's approvals and edited prompts saved at once beside the project. Regenerate is a
 * run of the Upgrade drafts path for that one still, so the new still lands above and the old one is
 * disabled exactly as any replacement; the frame's prompt reaches it through planning's review.
 */
import { imageTypeOf } from "../../core/bytes/imageType";
import { CutawayError } from "../../core/errors";
import { reviewOf, setApproved, setPrompt, frameOf, storyboardStills, type FrameRef, type Storyboard, type StoryboardReview, type StoryboardStill } from "../../core/storyboard";
import { ticksToTimecode } from "../../core/time";
import type { Provenance, SequenceSnapshot } from "../../core/timeline";
import { imageDataUri } from "../../backends/http";
import type { BibleApi } from "../bible/bibleApi";
import type { GenerateRequest, PlacementMode } from "../api";
import { DocumentStore } from "../documents/projectDocument";
import { messageOf } from "../notices";
import { Observable } from "../observable";
import type { Clock, FileStore } from "../ports";
import { trackLabel } from "../views";
import type { StoryboardApi, StoryboardFrameView, StoryboardState } from "./storyboardApi";
import { STORYBOARD_DOCUMENT } from "./storyboardFile";

export interface StoryboardServiceDeps {
  readonly files: FileStore;
  readonly clock: Clock;
  readonly projectFolder: () => Promise<string | null>;
  readonly say: (level: "info" | "warning" | "error", message: string) => void;
  /** the timeline as it is now */
  readonly snapshot: () => Promise<SequenceSnapshot>;
  readonly bible: BibleApi;
  /** the app's own run: the plan, the budget, the confirmation and the journal */
  readonly run: (r: GenerateRequest, options: { confirmed?: boolean }) => Promise<{ requestId: string }>;
  readonly placement: () => PlacementMode;
  /** the number the still's job gave its shot */
  readonly shotNumberOf: (p: Provenance) => number | undefined;
  /** does this backend's model make stills */
  readonly makesStills: (backend: string, model: string) => boolean;
}

/** a still inlined as a data: URL for its thumbnail; bigger ones are not shown rather than slow the panel */
const MAX_THUMBNAIL_BYTES = 6 * 1024 * 1024;

export class StoryboardService implements StoryboardApi {
  private readonly doc: DocumentStore<Storyboard>;
  private stills: readonly StoryboardStill[] = [];
  private seen: SequenceSnapshot | null = null;
  private readonly thumbs = new Map<string, Promise<string | null>>();
  private readonly state = new Observable<StoryboardState>({ loaded: false, revision: 0, path: null, besideProject: false, frames: [], approvedCount: 0 });

  constructor(private readonly d: StoryboardServiceDeps) {
    this.doc = new DocumentStore(STORYBOARD_DOCUMENT, { files: d.files, projectFolder: d.projectFolder, now: () => d.clock.now(), say: d.say });
  }

  /** what planning reads: approvals and edited prompts as saved */
  review(): StoryboardReview {
    return reviewOf(this.doc.current());
  }

  getState(): StoryboardState {
    return this.state.get();
  }

  subscribe(listener: (s: StoryboardState) => void): () => void {
    return this.state.subscribe(listener);
  }

  async reload(): Promise<void> {
    await this.doc.reload();
    this.publish(true);
  }

  /** every timeline read: the stills on the sequence now */
  see(s: SequenceSnapshot | null): void {
    this.seen = s;
    this.stills = s ? storyboardStills(s, this.d.shotNumberOf) : [];
    this.publish(false);
  }

  approve(mediaPaths: readonly string[]): Promise<void> {
    return this.noticed(() => this.mark(mediaPaths, true));
  }

  unapprove(mediaPaths: readonly string[]): Promise<void> {
    return this.noticed(() => this.mark(mediaPaths, false));
  }

  approveAll(): Promise<void> {
    return this.noticed(async () => {
      await this.look();
      if (!this.stills.length) throw new CutawayError("storyboard_empty", "There are no storyboard stills on this sequence yet. Generate a script on an image model first.");
      return this.mark(this.stills.map((x) => x.mediaPath), true);
    });
  }

  editPrompt(mediaPath: string, prompt: string): Promise<void> {
    return this.noticed(async () => {
      const still = await this.stillOf(mediaPath);
      await this.edit((sb) => setPrompt(sb, refOf(still), prompt, still.provenance.prompt, this.now()));
    });
  }

  async regenerate(mediaPath: string, options: { readonly backend?: string; readonly model?: string; readonly confirmed?: boolean } = {}): Promise<{ requestId: string }> {
    const still = await this.noticed(() => this.stillOf(mediaPath));
    const backend = options.backend ?? still.provenance.backend;
    const model = options.model ?? still.provenance.model;
    await this.noticed(async () => {
      if (!this.d.makesStills(backend, model)) throw new CutawayError("not_a_still_model", "Regenerate makes a new still: pick an image model (Animate turns approved stills into video).");
    });
    // the app's run says its own refusals (budget, keys); only the confirmation comes back to ask
    return this.d.run(
      {
        kind: "replace-placeholders",
        scope: "drafts",
        onlyTargetIds: [`ph-${still.clip.id}`],
        // the still's prompt already carries its style; the frame's edit comes through the review
        prompt: "",
        stylePreset: "none",
        backend,
        model,
        takes: 1,
        continuity: false,
        placement: this.d.placement(),
        mode: "generate",
      },
      options.confirmed ? { confirmed: true } : {},
    );
  }

  useAsReference(mediaPath: string, entryId: string): Promise<void> {
    return this.noticed(async () => {
      const still = await this.stillOf(mediaPath);
      await this.d.bible.addReferenceFromImageModel(entryId, still.mediaPath, still.provenance.model);
    });
  }

  /** a refusal is a notice with its sentence, and still rejects for the caller */
  private async noticed<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.d.say("error", messageOf(e));
      throw e;
    }
  }

  thumbnail(mediaPath: string): Promise<string | null> {
    let t = this.thumbs.get(mediaPath);
    if (!t) {
      t = this.readThumbnail(mediaPath);
      this.thumbs.set(mediaPath, t);
      if (this.thumbs.size > 300) this.thumbs.delete(this.thumbs.keys().next().value!);
    }
    return t;
  }

  private async readThumbnail(mediaPath: string): Promise<string | null> {
    try {
      if ((await this.d.files.size(mediaPath)) > MAX_THUMBNAIL_BYTES) return null;
      const bytes = await this.d.files.read(mediaPath);
      const type = imageTypeOf(bytes);
      return type ? imageDataUri({ bytes, mimeType: type.mimeType }) : null;
    } catch {
      this.thumbs.delete(mediaPath);
      return null;
    }
  }

  private async mark(mediaPaths: readonly string[], approved: boolean): Promise<void> {
    const stills = await Promise.all(mediaPaths.map((m) => this.stillOf(m)));
    await this.edit((sb) => setApproved(sb, stills.map(refOf), approved, this.now()));
  }

  private async edit(fn: (sb: Storyboard) => Storyboard): Promise<void> {
    const { changed } = await this.doc.edit((sb) => ({ doc: fn(sb), result: undefined }));
    if (changed) this.publish(false);
  }

  /** the timeline is read again first: a still the editor just deleted is not approved blind */
  private async look(): Promise<void> {
    this.see(await this.d.snapshot());
  }

  private async stillOf(mediaPath: string): Promise<StoryboardStill> {
    const known = this.stills.find((x) => x.mediaPath === mediaPath);
    if (known) return known;
    await this.look();
    const found = this.stills.find((x) => x.mediaPath === mediaPath);
    if (!found) throw new CutawayError("storyboard_no_still", "That still is no longer on the active sequence (replaced, deleted or on another sequence).");
    return found;
  }

  private publish(loaded: boolean): void {
    const sb = this.doc.current();
    const where = this.doc.location();
    const s = this.seen;
    const frames: StoryboardFrameView[] = s ? this.stills.map((x) => frameView(s, sb, x)) : [];
    const was = this.state.get();
    // the timeline is read every few seconds: the panel redraws only when the storyboard changed
    if (was.loaded === (was.loaded || loaded) && was.revision === sb.revision && was.path === (where?.path ?? null) && JSON.stringify(was.frames) === JSON.stringify(frames)) return;
    this.state.update((st) => ({
      loaded: st.loaded || loaded,
      revision: sb.revision,
      path: where?.path ?? null,
      besideProject: where?.besideProject ?? false,
      frames,
      approvedCount: frames.filter((f) => f.approved).length,
    }));
  }

  private now(): string {
    return new Date(this.d.clock.now()).toISOString();
  }
}

function refOf(x: StoryboardStill): FrameRef {
  return { mediaPath: x.mediaPath, ...(x.shotId ? { shotId: x.shotId } : {}), ...(x.shotNumber !== undefined ? { shotNumber: x.shotNumber } : {}) };
}

function frameView(s: SequenceSnapshot, sb: Storyboard, x: StoryboardStill): StoryboardFrameView {
  const f = frameOf(sb, x.mediaPath);
  return {
    mediaPath: x.mediaPath,
    clipId: x.clip.id,
    shotNumber: x.shotNumber ?? f?.shotNumber ?? null,
    ...(x.shotId ?? f?.shotId ? { shotId: (x.shotId ?? f?.shotId)! } : {}),
    startTimecode: ticksToTimecode(x.clip.start, s.rate),
    endTimecode: ticksToTimecode(x.clip.end, s.rate),
    trackName: trackLabel(s, x.clip.trackIndex),
    prompt: f?.prompt ?? x.provenance.prompt,
    edited: f?.prompt !== undefined,
    approved: f?.approved === true,
    backend: x.provenance.backend,
    model: x.provenance.model,
    bibleEntries: x.provenance.bibleEntries ?? [],
  };
}

/**
 * The storyboard review as the panel sees and drives it: the stills on the active sequence in
 * timeline order, each approved or not, with its prompt (edited in place, or the one it was made
 * with). The review is kept as `Cutaway Storyboard.json` beside the project (storyboardFile.ts).
 */

export interface StoryboardFrameView {
  /** the still's media file: the frame's key (a regenerated still is a new frame, unapproved) */
  readonly mediaPath: string;
  readonly clipId: string;
  /** the shot it stands for, kept through regenerations; null when nothing says */
  readonly shotNumber: number | null;
  readonly shotId?: string;
  readonly startTimecode: string;
  readonly endTimecode: string;
  readonly trackName: string;
  /** what Regenerate and Animate send for this shot: the editor's edit, else the still's own prompt */
  readonly prompt: string;
  readonly edited: boolean;
  readonly approved: boolean;
  /** the image model it came from */
  readonly backend: string;
  readonly model: string;
  readonly bibleEntries: readonly string[];
}

export interface StoryboardState {
  readonly loaded: boolean;
  readonly revision: number;
  /** where the review is saved */
  readonly path: string | null;
  readonly besideProject: boolean;
  readonly frames: readonly StoryboardFrameView[];
  readonly approvedCount: number;
}

export interface StoryboardApi {
  getState(): StoryboardState;
  subscribe(listener: (state: StoryboardState) => void): () => void;
  /** reads the review of the open project again (after the editor opened another one) */
  reload(): Promise<void>;
  approve(mediaPaths: readonly string[]): Promise<void>;
  unapprove(mediaPaths: readonly string[]): Promise<void>;
  /** every still on the sequence */
  approveAll(): Promise<void>;
  /** the frame's prompt from now on; empty (or the original) goes back to the one it was made with */
  editPrompt(mediaPath: string, prompt: string): Promise<void>;
  /**
   * one still again, with its prompt as it is now, on the image model it came from (or the one given):
   * the new still lands above, the old one is disabled (the Upgrade drafts path). It starts unapproved.
   */
  regenerate(mediaPath: string, options?: { readonly backend?: string; readonly model?: string; readonly confirmed?: boolean }): Promise<{ requestId: string }>;
  /** the still becomes a reference image of a bible entry (origin "image-model", noted with the model) */
  useAsReference(mediaPath: string, entryId: string): Promise<void>;
  /** a data: URL of the still to show, or null when it cannot be read (or is too big to inline) */
  thumbnail(mediaPath: string): Promise<string | null>;
}

/** What Animate will cost after a storyboard on an image model: shown on the storyboard's plan. */
export interface AnimateCostView {
  /** the video model it is priced on ("" when the backend has none that starts from a frame) */
  readonly model: string;
  readonly label: string;
  readonly shots: number;
  readonly seconds: number;
  readonly usd: number;
  /** the backend's models that can animate a still, for the editor to pick from */
  readonly models: readonly { readonly id: string; readonly label: string }[];
  readonly summary: string;
}

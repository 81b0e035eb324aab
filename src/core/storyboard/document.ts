/**
 * The storyboard review as a document: per still (keyed by its media file, so a regenerated still,
 * a new file, starts unapproved), whether the editor approved it, the prompt they edited in place and
 * when. Pure and JSON-safe; the app keeps it beside the project like the bible.
 */
import { z } from "zod";

export const STORYBOARD_VERSION = 1;
/** a feature's storyboard is ~1,500 frames; past this it is not one storyboard */
export const MAX_FRAMES = 5_000;
export const MAX_FRAME_PROMPT = 4_000;

export const storyboardFrameSchema = z.object({
  /** the still's media file, native absolute path */
  mediaPath: z.string().min(1).max(4000),
  /** the shot it stands for, from the still's provenance (kept when it is regenerated) */
  shotId: z.string().max(200).optional(),
  shotNumber: z.number().int().min(0).max(1_000_000).optional(),
  approved: z.boolean(),
  /** the editor's own prompt for this frame; absent: the one it was made with */
  prompt: z.string().max(MAX_FRAME_PROMPT).optional(),
  /** when the editor last changed it (ISO 8601) */
  updatedAt: z.string().max(40),
});

export const storyboardSchema = z.object({
  version: z.literal(STORYBOARD_VERSION),
  revision: z.number().int().min(0),
  frames: z.array(storyboardFrameSchema).max(MAX_FRAMES),
});

export type StoryboardFrame = z.infer<typeof storyboardFrameSchema>;
export type Storyboard = z.infer<typeof storyboardSchema>;

export const EMPTY_STORYBOARD: Storyboard = { version: STORYBOARD_VERSION, revision: 0, frames: [] };

/** the still a change is about: its file and the shot it stands for */
export interface FrameRef {
  readonly mediaPath: string;
  readonly shotId?: string;
  readonly shotNumber?: number;
}

/** Premiere compares media paths without case on Windows and macOS, and either slash on Windows */
export function frameKey(mediaPath: string): string {
  return mediaPath.replace(/\\/g, "/").normalize("NFC").toLowerCase();
}

const indexes = new WeakMap<Storyboard, ReadonlyMap<string, StoryboardFrame>>();

function indexOf(sb: Storyboard): ReadonlyMap<string, StoryboardFrame> {
  let i = indexes.get(sb);
  if (!i) indexes.set(sb, (i = new Map(sb.frames.map((f) => [frameKey(f.mediaPath), f]))));
  return i;
}

export function frameOf(sb: Storyboard, mediaPath: string): StoryboardFrame | undefined {
  return indexOf(sb).get(frameKey(mediaPath));
}

/** What planning asks of the review: is this still approved, and what is its prompt now. */
export interface StoryboardReview {
  approved(mediaPath: string): boolean;
  /** the editor's edited prompt, if any */
  prompt(mediaPath: string): string | undefined;
}

export function reviewOf(sb: Storyboard): StoryboardReview {
  return {
    approved: (m) => frameOf(sb, m)?.approved === true,
    prompt: (m) => frameOf(sb, m)?.prompt,
  };
}

/** The frames changed by `fn`; a frame with nothing to remember is dropped. The same object when nothing changed. */
function change(sb: Storyboard, refs: readonly FrameRef[], at: string, fn: (f: StoryboardFrame) => StoryboardFrame): Storyboard {
  const byKey = new Map(sb.frames.map((f) => [frameKey(f.mediaPath), f]));
  let changed = false;
  for (const ref of refs) {
    const key = frameKey(ref.mediaPath);
    const was = byKey.get(key);
    const base: StoryboardFrame = was ?? { mediaPath: ref.mediaPath, approved: false, updatedAt: at };
    const withShot: StoryboardFrame = { ...base, ...(ref.shotId !== undefined ? { shotId: ref.shotId } : {}), ...(ref.shotNumber !== undefined ? { shotNumber: ref.shotNumber } : {}) };
    const next = fn(withShot);
    if (was && next.approved === was.approved && next.prompt === was.prompt) continue;
    if (!was && !next.approved && next.prompt === undefined) continue;
    changed = true;
    const stamped = { ...next, updatedAt: at };
    if (!stamped.approved && stamped.prompt === undefined) byKey.delete(key);
    else byKey.set(key, stamped);
  }
  if (!changed) return sb;
  if (byKey.size > MAX_FRAMES) throw new RangeError(`A storyboard keeps at most ${MAX_FRAMES} frames.`);
  return { ...sb, frames: [...byKey.values()] };
}

export function setApproved(sb: Storyboard, refs: readonly FrameRef[], approved: boolean, at: string): Storyboard {
  return change(sb, refs, at, (f) => ({ ...f, approved }));
}

/**
 * The editor's prompt for a frame. Cleared (back to the one it was made with) when empty or the same
 * as `original`, so an untouched frame keeps following its shot.
 */
export function setPrompt(sb: Storyboard, ref: FrameRef, prompt: string, original: string, at: string): Storyboard {
  const text = prompt.trim().slice(0, MAX_FRAME_PROMPT);
  const edited = text && text !== original.trim() ? text : undefined;
  return change(sb, [ref], at, (f) => {
    const { prompt: _old, ...rest } = f;
    return edited === undefined ? rest : { ...rest, prompt: edited };
  });
}

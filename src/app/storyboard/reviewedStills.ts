/**
 * The storyboard review meets the plan. Replacing stills (regenerate on an image model, or Animate):
 * a frame's edited prompt is that shot's prompt. Animate takes the approved stills only, says how many
 * are left as stills, and with none approved says how to approve; the timeline selection is no
 * approval. Regenerating from the Fill tab on an image model still works on the selection.
 */
import type { Target } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import { isStoryboardStill, type StoryboardReview } from "../../core/storyboard";
import type { ModelCapabilities } from "../../backends/types";
import type { GenerateRequest } from "../api";
import { NothingToDo } from "../notices";

export interface ReviewedStills {
  readonly targets: Target[];
  /** the request with each still's edited prompt as its row prompt (a prompt typed on the plan row still wins) */
  readonly request: GenerateRequest;
  readonly warnings: string[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function reviewedStills(s: SequenceSnapshot, r: GenerateRequest, model: ModelCapabilities, targets: Target[], review: StoryboardReview | null): ReviewedStills {
  if (r.kind !== "replace-placeholders") return { targets, request: r, warnings: [] };
  const clips = new Map(s.videoTracks.flatMap((t) => t.clips).map((c) => [c.id, c] as const));
  const stillOf = (t: Target) => {
    const c = t.replacesClipId ? clips.get(t.replacesClipId) : undefined;
    return c && isStoryboardStill(c) ? c : undefined;
  };
  const edits: Record<string, string> = {};
  for (const t of targets) {
    const c = stillOf(t);
    const edited = c && review?.prompt(c.mediaPath!);
    if (edited) edits[t.id] = edited;
  }
  const typed = Object.fromEntries(Object.entries(r.promptsByTarget ?? {}).filter(([, v]) => v.trim()));
  const request = Object.keys(edits).length ? { ...r, promptsByTarget: { ...edits, ...typed } } : r;
  const warnings: string[] = [];
  if (r.animate) {
    const stills = targets.filter((t) => stillOf(t));
    const approved = review ? stills.filter((t) => review.approved(stillOf(t)!.mediaPath!)) : [];
    const others = targets.length - stills.length;
    if (!stills.length) throw new NothingToDo("No storyboard stills on the sequence to animate. Make them first: break a script down and generate it on an image model (Nano Banana, FLUX, Imagen).");
    if (!approved.length) {
      throw new NothingToDo(`None of the ${plural(stills.length, "storyboard still", "storyboard stills")} is approved yet. In the Storyboard tab, Approve each frame to animate (or Approve all); Animate turns only approved frames into shots.`);
    }
    const waiting = stills.length - approved.length;
    if (waiting) warnings.push(`${plural(waiting, "still", "stills")} not approved: left as still${waiting === 1 ? "" : "s"}.`);
    if (others) warnings.push(`${plural(others, "slate", "slates")} left as ${others === 1 ? "it is" : "they are"}: Animate starts each shot from a storyboard still; upgrade slates with Animate off.`);
    return { targets: approved, request, warnings };
  }
  if (model.still && s.selection.length && !r.onlyTargetIds?.length) {
    const picked = targets.filter((t) => t.replacesClipId !== undefined && s.selection.includes(t.replacesClipId));
    if (!picked.length) throw new NothingToDo("None of the selected clips is a storyboard still or a draft; select the stills to regenerate, or clear the selection to take them all.");
    return { targets: picked, request, warnings };
  }
  return { targets, request, warnings };
}

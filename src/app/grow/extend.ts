/**
 * Extend a clip's head or tail: the core range, planned like any target above the clip, trimmed so
 * the pinned frame is not shown twice, generated from the clip's own edge frame (a tail starts on
 * its last frame; a head ends on its first, and starts on it too, as providers require a first frame).
 */
import { extendTarget, markerNotes, pinnedPlacement } from "../../core/analysis";
import { longestSeconds, planPlacements, type Placement } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import type { ModelCapabilities } from "../../backends/types";
import type { ShotRequest } from "../api";
import { limitsFromModel } from "../estimate";
import { NothingToDo } from "../notices";
import { modelsThat, primaryModel, type GrowContext, type GrowPlan, type ShotPins } from "./growPlan";

type ExtendRequest = Extract<ShotRequest, { kind: "extend" }>;

/** The edge frame carries the picture; the words only say "more of the same" (never the clip's file name). */
const continuing = (edge: "head" | "tail"): string =>
  edge === "tail" ? "The same shot continuing: same framing, light, subject and motion" : "The same shot a moment earlier: same framing, light, subject and motion";

export function planExtend(ctx: GrowContext, s: SequenceSnapshot, r: ExtendRequest, draft: boolean): GrowPlan {
  const model = primaryModel(ctx, r);
  const limits = limitsFromModel(model);
  const ext = extendTarget(s, { edge: r.edge, frames: r.frames, maxSeconds: longestSeconds(limits), mediaFps: limits.fps, ...(r.clipId ? { clipId: r.clipId } : {}), ...(r.prompt ? { prompt: r.prompt } : {}) });
  const fits = (m: ModelCapabilities): boolean => (r.edge === "tail" ? m.imageToVideo : m.imageToVideo && m.lastFrame);
  const modelProblem = (m: ModelCapabilities): string | null =>
    draft || fits(m) ? null : r.edge === "tail" ? `${m.label} cannot start from a given frame.` : `${m.label} cannot end on a given frame.`;
  const capableModels = modelsThat(ctx, fits);
  const problem = modelProblem(model);
  if (problem) {
    const which = capableModels.length ? ` Models that can: ${capableModels.map((m) => m.label).join(", ")}.` : "";
    throw new NothingToDo(`${problem} An extension continues the clip from its ${r.edge === "tail" ? "last" : "first"} frame.${which}`);
  }
  const own = ext.clip.provenance?.prompt;
  const prompt = r.prompt?.trim() || own || markerNotes(s, ext.target.range)[0] || continuing(r.edge);
  const planned = planPlacements(s, [{ ...ext.target, prompt }], limits, { split: false , firstShotNumber: ctx.firstShotNumber?.() ?? 1 });
  const warnings: string[] = [];
  const placements: Placement[] = [];
  for (const p of planned.placements) {
    const pinned = pinnedPlacement(p, ext.pin.role, s, limits);
    if (pinned) placements.push(pinned);
    else warnings.push(`${model.label} cannot make a clip one frame longer than the extension; ask for fewer frames.`);
  }
  if (ext.clampedBy === "model") warnings.push(`${model.label} makes at most ${longestSeconds(limits)} s: extending by ${ext.frames} frames, not ${ext.requestedFrames}.`);
  if (ext.clampedBy === "sequence-start") warnings.push(`Only ${ext.frames} frames before “${ext.clip.name}”: extending by that much.`);
  for (const c of ext.covers) warnings.push(`The extension plays over “${c.name}” (V${c.trackIndex + 1}) from the track above; that clip itself is not changed.`);
  if (model.nativeExtend) warnings.push(`${model.label} also has its own scene extension (${model.nativeExtend.note}); Cutaway extends from the clip's frame so any clip works.`);
  // every provider that ends on a given frame also wants a first one: a head starts and ends on the
  // clip's first frame, so whatever it shows, it cuts into the clip on that frame
  const pin: ShotPins = ext.pin.role === "first" ? { firstAt: ext.pin.at } : { firstAt: ext.pin.at, lastAt: ext.pin.at };
  return {
    kind: "extend",
    label: `Extend ${r.edge} of “${ext.clip.name}”`,
    plan: { placements, warnings: planned.warnings },
    model,
    pins: new Map(placements.map((p) => [p.id, pin])),
    notes: new Map(),
    skipped: [],
    warnings,
    capableModels,
    modelProblem,
    sameLengthTakes: r.edge === "head",
  };
}

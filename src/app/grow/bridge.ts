/**
 * Bridge a hole between two clips: a shot that starts on A's last frame and ends on B's first, made
 * only by models that take both frames; the plan names every model (of any provider) that can.
 */
import { bridgeCapable, findBridges, markerNotes, pinnedPlacement } from "../../core/analysis";
import { planPlacements, type Placement } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import { framesToTicks, ticksFromSeconds, ticksToSeconds } from "../../core/time";
import type { ModelCapabilities } from "../../backends/types";
import type { ShotRequest } from "../api";
import { limitsFromModel } from "../estimate";
import { NothingToDo } from "../notices";
import { modelsThat, primaryModel, type GrowContext, type GrowPlan, type ShotPins } from "./growPlan";

type BridgeRequest = Extract<ShotRequest, { kind: "bridge" }>;

const BRIDGE_PROMPT = "One continuous shot that moves naturally from the opening frame to the closing frame, same light and place";

export function planBridge(ctx: GrowContext, s: SequenceSnapshot, r: BridgeRequest, draft: boolean): GrowPlan {
  const model = primaryModel(ctx, r);
  const bridges = findBridges(s, r.scope, r.prompt?.trim() ?? "");
  if (!bridges.length) throw new NothingToDo(r.scope === "playhead" ? "The playhead is not in a gap between two clips; move it into one." : "No gap here has a clip on both sides to bridge.");
  const longest = Math.max(...bridges.map((b) => ticksToSeconds(b.target.range.end - b.target.range.start)));
  const canBridge = (m: ModelCapabilities): boolean => bridgeCapable([m], longest).length > 0;
  const capableModels = modelsThat(ctx, canBridge);
  const modelProblem = (m: ModelCapabilities): string | null => (draft || canBridge(m) ? null : `${m.label} cannot start on one frame and end on another at this length.`);
  const problem = modelProblem(model);
  if (problem) {
    const which = capableModels.length ? ` Models that can: ${capableModels.map((m) => m.label).join(", ")}.` : " No model you have can; fill the gap instead.";
    throw new NothingToDo(`${problem}${which}`);
  }
  // both ends are pinned by frames, so the words need only say how to get from one to the other;
  // never the clips' names (file names say nothing a model can draw)
  const targets = bridges.map((b) => ({ ...b.target, prompt: b.target.prompt || markerNotes(s, b.target.range)[0] || BRIDGE_PROMPT }));
  const limits = limitsFromModel(model);
  const planned = planPlacements(s, targets, limits, { split: false , firstShotNumber: ctx.firstShotNumber?.() ?? 1 });
  const pins = new Map<string, ShotPins>();
  const notes = new Map<string, string>();
  const placements: Placement[] = [];
  const warnings: string[] = [];
  for (const raw of planned.placements) {
    // A's last frame opens the generated shot: skip it, it is on the timeline already
    const p = pinnedPlacement(raw, "first", s, limits);
    if (!p) {
      warnings.push(`${model.label} cannot make a clip one frame longer than this gap; pick a model with longer clips.`);
      continue;
    }
    const b = bridges.find((x) => x.target.id === p.targetId)!;
    pins.set(p.id, { firstAt: b.firstFrameAt, lastAt: b.lastFrameAt });
    // without retiming, a clip longer than the gap is cut before it reaches B's first frame
    const spare = ticksFromSeconds(p.generationSeconds) - p.sourceOut;
    if (spare >= framesToTicks(2, s.rate)) notes.set(p.id, `${model.label} makes ${p.generationSeconds} s for this ${ticksToSeconds(p.range.end - p.range.start).toFixed(2)} s gap: the cut into “${b.after.name}” comes before the shot reaches its first frame.`);
    placements.push(p);
  }
  const plan = { placements, warnings: planned.warnings };
  return {
    kind: "bridge",
    label: `Bridge ${plan.placements.length} gap${plan.placements.length === 1 ? "" : "s"}`,
    plan,
    model,
    pins,
    notes,
    skipped: [],
    warnings,
    capableModels,
    modelProblem,
    sameLengthTakes: false,
  };
}

/**
 * What extend, bridge and conform share: a plan over ordinary placements plus, per shot, the frames
 * that pin it (exported from the sequence when the request starts) and a seed carried over; the take
 * stack (takes from one model or several); the preview with its cost; and the start, through the same
 * job path as fill-gaps.
 */
import { chooseDuration, type Placement, type Plan } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import type { Ticks } from "../../core/time";
import type { BackendCapabilities, ModelCapabilities } from "../../backends/types";
import type { GrowKind, ShotPlanView, ShotRequest } from "../api";
import { estimateJobs, limitsFromModel } from "../estimate";
import { messageOf, NothingToDo } from "../notices";
import type { Bible } from "../../bible";
import type { ShotBible } from "../run/bibleShots";
import { findModel, previewItems, type PlannedRequest } from "../run/planRequest";
import { enqueueShots, exportStill, newRequestId, type ShotFrames, type StartContext, type TakeSource } from "../run/startRequest";

/** Frames that pin a shot: exported from the sequence at start (`*At`), or files a draft was made with. */
export interface ShotPins {
  readonly firstAt?: Ticks;
  readonly lastAt?: Ticks;
  readonly firstFramePath?: string;
  readonly lastFramePath?: string;
  readonly seed?: number;
}

export interface GrowPlan {
  readonly kind: GrowKind;
  readonly label: string;
  readonly plan: Plan;
  readonly model: ModelCapabilities;
  readonly pins: ReadonlyMap<string, ShotPins>;
  readonly notes: ReadonlyMap<string, string>;
  readonly skipped: ShotPlanView["skipped"];
  readonly warnings: readonly string[];
  readonly capableModels: ShotPlanView["capableModels"];
  /** null when a model can make these shots, else why not (a take from it is left out) */
  readonly modelProblem: (m: ModelCapabilities) => string | null;
  /** head extensions are trimmed from their end: a take from another model must be the same length */
  readonly sameLengthTakes: boolean;
  /** what each shot takes from the bible (conform carries a draft's entries into its final) */
  readonly bible?: ReadonlyMap<string, ShotBible>;
}

/** What planning reads besides the snapshot: the providers' capabilities and the money so far. */
export interface GrowContext {
  readonly capabilities: (backend: string) => BackendCapabilities;
  readonly backendIds: () => readonly string[];
  /** the journal's request for a job (a draft's first/last frame files), when the engine still has it */
  readonly jobRequest: (jobId: string) => { firstFramePath?: string; lastFramePath?: string } | undefined;
  readonly spentUsd: () => number;
  readonly budgetUsd: () => number | null;
  readonly confirmAboveUsd: () => number;
  /** clip numbering continues across runs ("Cutaway 013" after 012) */
  readonly firstShotNumber?: () => number;
  /** the project's bible as planning reads it */
  readonly bible?: () => Bible | null;
}

export function primaryModel(ctx: GrowContext, r: ShotRequest): ModelCapabilities {
  if (!ctx.backendIds().includes(r.backend)) throw new NothingToDo(`The backend "${r.backend}" is not available. Pick another in the panel.`);
  return findModel(ctx.capabilities(r.backend), r.model);
}

/** Every model of every provider that passes `fits`, for "which models can do this". */
export function modelsThat(ctx: GrowContext, fits: (m: ModelCapabilities) => boolean): ShotPlanView["capableModels"] {
  return ctx.backendIds().flatMap((b) => ctx.capabilities(b).models.filter(fits).map((m) => ({ backend: b, model: m.id, label: m.label })));
}

/** Take k comes from takeModels[k-1] when given, else every take from the request's model. */
export function takeSources(ctx: GrowContext, r: ShotRequest, g: GrowPlan): { takes: TakeSource[]; warnings: string[] } {
  const warnings: string[] = [];
  if (r.mode === "draft") return { takes: [{ backend: r.backend, model: g.model }], warnings };
  const asked = r.takeModels?.length ? r.takeModels : Array.from({ length: Math.max(1, Math.min(8, Math.floor(r.takes) || 1)) }, () => ({ backend: r.backend, model: r.model }));
  const takes: TakeSource[] = [];
  for (const t of asked.slice(0, 8)) {
    if (!ctx.backendIds().includes(t.backend)) {
      warnings.push(`The backend "${t.backend}" is not available; its take is left out.`);
      continue;
    }
    const m = findModel(ctx.capabilities(t.backend), t.model);
    const problem = g.modelProblem(m);
    if (problem) warnings.push(`${problem} Its take is left out.`);
    else takes.push({ backend: t.backend, model: m });
  }
  if (!takes.length) throw new NothingToDo(warnings[0] ?? "No model can make these shots.");
  return { takes, warnings };
}

/** How long a take from another model is generated: long enough for the trim, or exactly the plan's length. */
export function secondsFor(g: GrowPlan): (p: Placement, m: ModelCapabilities) => number | null {
  return (p, m) => {
    if (g.sameLengthTakes) return m.durationsSeconds.includes(p.generationSeconds) ? p.generationSeconds : null;
    return chooseDuration(p.sourceOut, limitsFromModel(m));
  };
}

export interface GrowPreview {
  readonly view: ShotPlanView;
  readonly planned: PlannedRequest;
  readonly takes: readonly TakeSource[];
}

export function growPreview(ctx: GrowContext, s: SequenceSnapshot, r: ShotRequest, g: GrowPlan): GrowPreview {
  if (!g.plan.placements.length) throw new NothingToDo(g.skipped[0]?.reason ?? g.warnings[0] ?? g.plan.warnings[0]?.message ?? "Nothing to generate here.");
  const { takes, warnings } = takeSources(ctx, r, g);
  const lengthOf = secondsFor(g);
  const jobs: { seconds: number; pricePerSecondUsd: number }[] = [];
  let dropped = 0;
  for (const p of g.plan.placements) {
    takes.forEach((t, k) => {
      const seconds = k === 0 || (t.model.id === g.model.id && t.backend === takes[0]!.backend) ? p.generationSeconds : lengthOf(p, t.model);
      if (seconds === null) dropped++;
      else jobs.push({ seconds, pricePerSecondUsd: t.model.pricePerSecondUsd });
    });
  }
  if (dropped) warnings.push(`${dropped} take${dropped === 1 ? "" : "s"} left out: the model cannot make a clip of that length.`);
  const labels = [...new Set(takes.map((t) => t.model.label))];
  const estimate = estimateJobs({ shots: g.plan.placements.length, takes: takes.length, jobs, on: labels.join(" + "), spentUsd: ctx.spentUsd(), pendingUsd: 0, budgetUsd: ctx.budgetUsd(), confirmAboveUsd: ctx.confirmAboveUsd() });
  const items = previewItems(s, g.plan.placements, { model: g.model, takes: takes.length, minSeconds: limitsFromModel(g.model).minSeconds ?? 0, asksForPrompt: g.kind === "conform" }).map((item, i) => {
    const note = g.notes.get(g.plan.placements[i]!.id);
    return note ? { ...item, note } : item;
  });
  const view: ShotPlanView = { kind: g.kind, items, warnings: [...g.plan.warnings.map((w) => w.message), ...g.warnings, ...warnings], estimate, skipped: g.skipped, capableModels: g.capableModels };
  return { view, planned: { plan: g.plan, model: g.model, preview: view, bible: g.bible ?? new Map() }, takes };
}

/** Exports each shot's pin frames (a failed export is a warning: the shot is made from its prompt), then enqueues. */
export async function startGrow(start: StartContext, s: SequenceSnapshot, r: ShotRequest, g: GrowPlan, p: GrowPreview, placementMode: "as-they-arrive" | "all-at-once"): Promise<string> {
  const requestId = newRequestId(start.clock);
  const framesFor = async (placement: Placement): Promise<ShotFrames> => {
    const pin = g.pins.get(placement.id);
    if (!pin || r.mode !== "generate") return {};
    const out: ShotFrames = {};
    try {
      const first = pin.firstAt !== undefined ? await exportStill(start, pin.firstAt, requestId, placement, "first") : pin.firstFramePath;
      const last = pin.lastAt !== undefined ? (pin.lastAt === pin.firstAt && first ? first : await exportStill(start, pin.lastAt, requestId, placement, "last")) : pin.lastFramePath;
      if (first) out.firstFramePath = first;
      if (last) out.lastFramePath = last;
    } catch (e) {
      start.say?.("warning", messageOf(e));
    }
    return out;
  };
  return enqueueShots(start, {
    requestId,
    kind: g.kind,
    label: g.label,
    mode: r.mode,
    placementMode,
    snapshot: s,
    planned: p.planned,
    takes: p.takes,
    framesFor,
    seedFor: (placement) => g.pins.get(placement.id)?.seed,
    secondsFor: secondsFor(g),
  });
}

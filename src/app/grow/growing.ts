/**
 * The facade's extend / bridge / conform entry points: plan from a fresh snapshot, show the cost,
 * refuse over budget or unconfirmed spend, then start through the same job path as fill-gaps.
 */
import { refuseUnprompted } from "../shotNumbers";
import type { SequenceSnapshot } from "../../core/timeline";
import type { ShotPlanView, ShotRequest } from "../api";
import { BudgetExceeded, ConfirmationRequired, NothingToDo } from "../notices";
import type { StartContext } from "../run/startRequest";
import { planBridge } from "./bridge";
import { planConform } from "./conform";
import { planExtend } from "./extend";
import { growPreview, startGrow, type GrowContext, type GrowPlan } from "./growPlan";

export interface GrowingDeps {
  readonly ctx: GrowContext;
  readonly snapshot: () => Promise<SequenceSnapshot>;
  readonly start: () => Omit<StartContext, "plan">;
  readonly placementMode: () => "as-they-arrive" | "all-at-once";
  /** throws a sentence when a backend needs a key that is not stored */
  readonly checkKey: (backend: string) => void;
}

/** Drafts of an extension or a bridge are slates, one take; conform always makes finals. */
function asAsked(d: GrowingDeps, r: ShotRequest): ShotRequest {
  if (r.kind === "conform" && (r.mode === "draft" || r.backend === "slate")) throw new NothingToDo("Conform turns drafts into finals: pick a model other than slates.");
  if (r.mode !== "draft") return r;
  const slate = d.ctx.backendIds().includes("slate") ? d.ctx.capabilities("slate").models[0]?.id : undefined;
  if (!slate) throw new NothingToDo("Slates are not available in this build.");
  const { takeModels: _ignored, ...rest } = r;
  return { ...rest, backend: "slate", model: slate, takes: 1 };
}

function planFor(d: GrowingDeps, s: SequenceSnapshot, r: ShotRequest): GrowPlan {
  // a slate shows the prompt, not a frame: any range can be drafted with one
  const draft = r.mode === "draft" || r.backend === "slate";
  switch (r.kind) {
    case "extend":
      return planExtend(d.ctx, s, r, draft);
    case "bridge":
      return planBridge(d.ctx, s, r, draft);
    case "conform":
      return planConform(d.ctx, s, r);
  }
}

export function createGrowing(d: GrowingDeps) {
  return {
    async previewShots(request: ShotRequest): Promise<ShotPlanView> {
      const s = await d.snapshot();
      const r = asAsked(d, request);
      return growPreview(d.ctx, s, r, planFor(d, s, r)).view;
    },
    async runShots(request: ShotRequest, options: { confirmed?: boolean } = {}): Promise<{ requestId: string; preview: ShotPlanView }> {
      const s = await d.snapshot();
      const r = asAsked(d, request);
      const g = planFor(d, s, r);
      const p = growPreview(d.ctx, s, r, g);
      const est = p.view.estimate;
      if (r.mode === "dry-run") return { requestId: "", preview: p.view };
      // a draft drafted without words has nothing to send a paid model: ask before anything is spent
      if (r.mode === "generate") refuseUnprompted(p.view);
      if (est.overBudget) throw new BudgetExceeded(est.summary);
      if (est.needsConfirm && !options.confirmed) throw new ConfirmationRequired(`${est.summary}. Generate?`);
      for (const t of new Set(p.takes.map((x) => x.backend))) d.checkKey(t);
      const start = d.start();
      const requestId = await startGrow({ ...start, plan: () => p.planned }, s, r, g, p, r.placement ?? d.placementMode());
      return { requestId, preview: p.view };
    },
  };
}

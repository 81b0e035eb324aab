/**
 * The price of a request before anything is sent: model price × generated seconds × takes, set
 * against what the ledger has already spent and the editor's budget cap.
 */
import type { Placement } from "../core/plan/types";
import type { GenerationLimits } from "../core/plan/types";
import type { ModelCapabilities } from "../backends/types";
import type { EstimateView } from "./api";

export function limitsFromModel(model: ModelCapabilities): GenerationLimits {
  const durations = [...model.durationsSeconds].sort((a, b) => a - b);
  return {
    durationsSeconds: durations,
    minSeconds: durations[0] ?? 1,
    maxSeconds: durations[durations.length - 1] ?? 60,
    aspects: model.aspects,
    sizes: model.sizes.map((s) => ({ width: s.width, height: s.height, aspect: s.aspect })),
    fps: model.fps,
    maxPromptChars: model.maxPromptChars,
  };
}

export function estimateRequest(input: {
  placements: readonly Placement[];
  model: ModelCapabilities;
  takes: number;
  spentUsd: number;
  pendingUsd: number;
  budgetUsd: number | null;
  confirmAboveUsd: number;
}): EstimateView {
  const seconds = input.placements.reduce((s, p) => s + p.generationSeconds, 0) * input.takes;
  return estimateSpend({ ...input, shots: input.placements.length, seconds, usd: input.placements.reduce((n, p) => n + shotCostUsd(input.model, p.generationSeconds), 0) * input.takes, on: input.model.label });
}

/** The same estimate when takes come from several models: each job's own seconds at its own price. */
export function estimateJobs(input: {
  shots: number;
  takes: number;
  jobs: readonly { seconds: number; pricePerSecondUsd: number }[];
  on: string;
  spentUsd: number;
  pendingUsd: number;
  budgetUsd: number | null;
  confirmAboveUsd: number;
}): EstimateView {
  const seconds = input.jobs.reduce((n, j) => n + j.seconds, 0);
  const usd = input.jobs.reduce((n, j) => n + j.seconds * j.pricePerSecondUsd, 0);
  return estimateSpend({ ...input, seconds, usd });
}

function estimateSpend(input: { shots: number; takes: number; seconds: number; usd: number; on: string; spentUsd: number; pendingUsd: number; budgetUsd: number | null; confirmAboveUsd: number }): EstimateView {
  const { seconds, shots } = input;
  const usd = roundCents(input.usd);
  const committed = input.spentUsd + input.pendingUsd;
  const overBudget = input.budgetUsd !== null && usd > 0 && committed + usd > input.budgetUsd + 1e-9;
  const needsConfirm = usd > input.confirmAboveUsd;
  let summary =
    usd === 0
      ? `${shots} shot${shots === 1 ? "" : "s"} × ${input.takes} take${input.takes === 1 ? "" : "s"}, ${round1(seconds)} s — free`
      : `${shots} shot${shots === 1 ? "" : "s"} × ${input.takes} take${input.takes === 1 ? "" : "s"}, ${round1(seconds)} s ≈ $${usd.toFixed(2)} on ${input.on}`;
  if (overBudget) {
    summary += ` — over your budget ($${committed.toFixed(2)} of $${input.budgetUsd!.toFixed(2)} already used or running)`;
  }
  return {
    shots,
    takes: input.takes,
    totalSeconds: round1(seconds),
    usd,
    budgetUsd: input.budgetUsd,
    spentUsd: roundCents(input.spentUsd),
    overBudget,
    needsConfirm,
    summary,
  };
}

/** one take of one shot: per second for video, per image for stills (storyboard frames) */
export function shotCostUsd(model: Pick<ModelCapabilities, "still" | "pricePerImageUsd" | "pricePerSecondUsd">, generationSeconds: number): number {
  return model.still ? (model.pricePerImageUsd ?? 0) : generationSeconds * model.pricePerSecondUsd;
}

function roundCents(x: number): number {
  return Math.round(x * 100) / 100;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

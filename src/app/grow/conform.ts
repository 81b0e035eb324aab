/**
 * Conform drafts to finals in place: each draft (slate, storyboard still, cheap-model shot) keeps its
 * range and shot spec — prompt, seed where the final model takes one, the first/last frames its job
 * was made with — and the final lands above it, the draft disabled below like a replaced placeholder.
 * Shots already final are listed as skipped; a 4K sequence on a lower-resolution model gets a note
 * per shot, not a failure.
 */
import { findDrafts, modelKey } from "../../core/analysis";
import { planPlacements, type GenerationLimits } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import type { ModelCapabilities } from "../../backends/types";
import type { ShotRequest } from "../api";
import { limitsFromModel } from "../estimate";
import { indexBible, withoutDescriptions } from "../../bible";
import { bibleFor } from "../run/bibleShots";
import { NothingToDo } from "../notices";
import { primaryModel, type GrowContext, type GrowPlan, type ShotPins } from "./growPlan";

type ConformRequest = Extract<ShotRequest, { kind: "conform" }>;

const shortSide = (x: { width: number; height: number }): number => Math.min(x.width, x.height);

function topShortSide(m: ModelCapabilities, s: SequenceSnapshot): number {
  return m.sizes.length ? Math.max(...m.sizes.map(shortSide)) : shortSide(s.frameSize);
}

/** Models whose shots count as drafts next to the final: lower resolution, or under half its price. */
export function draftModelsFor(ctx: GrowContext, final: { backend: string; model: ModelCapabilities }, s: SequenceSnapshot): Set<string> {
  const top = topShortSide(final.model, s);
  const out = new Set<string>();
  for (const b of ctx.backendIds()) {
    for (const m of ctx.capabilities(b).models) {
      if (b === final.backend && m.id === final.model.id) continue;
      if (topShortSide(m, s) < top || m.pricePerSecondUsd < final.model.pricePerSecondUsd / 2) out.add(modelKey(b, m.id));
    }
  }
  return out;
}

function limitsAt(model: ModelCapabilities, resolution: number | undefined): GenerationLimits {
  const limits = limitsFromModel(model);
  if (!resolution) return limits;
  const sizes = limits.sizes.filter((x) => shortSide(x) === resolution);
  if (!sizes.length) {
    const offered = [...new Set(limits.sizes.map(shortSide))].sort((a, b) => a - b).map((x) => `${x}p`);
    throw new NothingToDo(`${model.label} does not render ${resolution}p${offered.length ? `; it offers ${offered.join(", ")}` : ""}.`);
  }
  return { ...limits, sizes, aspects: [...new Set(sizes.map((x) => x.aspect))] };
}

export function planConform(ctx: GrowContext, s: SequenceSnapshot, r: ConformRequest): GrowPlan {
  const model = primaryModel(ctx, r);
  const limits = limitsAt(model, r.resolution);
  const maxShortSide = limits.sizes.length ? Math.max(...limits.sizes.map(shortSide)) : shortSide(s.frameSize);
  const analysis = findDrafts(s, {
    scope: r.scope,
    final: { backend: r.backend, model: model.id, modelLabel: model.label, maxShortSide, seed: model.seed },
    draftModels: draftModelsFor(ctx, { backend: r.backend, model }, s),
  });
  const skipped = analysis.skipped.map((x) => ({ name: x.clip.name, reason: x.reason }));
  if (!analysis.drafts.length) {
    throw new NothingToDo(skipped.length ? `Nothing to conform: ${skipped.length === 1 ? "the shot is" : `all ${skipped.length} shots are`} final already.` : r.scope === "selection" ? "None of the selected clips is a Cutaway draft." : "The sequence has no Cutaway drafts to conform.");
  }
  const planned = planPlacements(s, analysis.drafts.map((d) => d.target), limits, { split: true, firstShotNumber: ctx.firstShotNumber?.() ?? 1 });
  const byTarget = new Map(analysis.drafts.map((d) => [d.target.id, d]));
  // the final is made with the entries the draft was (and any its words name now), with their current descriptions and references
  const bible = ctx.bible?.() ?? null;
  const index = bible?.entries.length ? indexBible(bible) : null;
  // the draft's prompt holds the descriptions it was made with: the final gets today's, once
  const placements = planned.placements.map((p) => {
    const made = byTarget.get(p.targetId)!.spec.bibleEntries;
    const entries = index && made?.length ? index.named({ text: "", entries: made }) : [];
    return entries.length ? { ...p, prompt: withoutDescriptions(p.prompt, entries) } : p;
  });
  const bibled = bibleFor(placements, model, bible, {
    live: true,
    framed: (p) => {
      const made = ctx.jobRequest(byTarget.get(p.targetId)!.spec.jobId);
      return Boolean(made?.firstFramePath || made?.lastFramePath);
    },
    shotOf: (p) => ({ text: p.prompt, entries: byTarget.get(p.targetId)!.spec.bibleEntries ?? [] }),
  });
  const plan = { ...planned, placements: bibled.placements };
  const pins = new Map<string, ShotPins>();
  const notes = new Map<string, string>();
  for (const p of plan.placements) {
    const d = byTarget.get(p.targetId)!;
    const made = ctx.jobRequest(d.spec.jobId);
    // a split draft keeps its first frame on the first part and its last frame on the last part
    const first = !p.part || p.part.index === 1 ? made?.firstFramePath : undefined;
    const last = !p.part || p.part.index === p.part.of ? made?.lastFramePath : undefined;
    pins.set(p.id, { ...(first ? { firstFramePath: first } : {}), ...(last ? { lastFramePath: last } : {}), ...(d.spec.seed !== undefined ? { seed: d.spec.seed } : {}) });
    const fromBible = bibled.byPlacement.get(p.id)?.note;
    const note = [d.note, fromBible].filter(Boolean).join(" · ");
    if (note) notes.set(p.id, note);
  }
  const modelProblem = (m: ModelCapabilities): string | null =>
    m.textToVideo === false && [...pins.values()].some((x) => !x.firstFramePath) ? `${m.label} starts from a reference frame, and some drafts were made without one.` : null;
  const problem = modelProblem(model);
  if (problem) throw new NothingToDo(`${problem} Pick a text-to-video model to conform them.`);
  const n = plan.placements.length;
  return {
    kind: "conform",
    label: `Conform ${n} draft${n === 1 ? "" : "s"} to ${model.label}`,
    plan,
    model,
    pins,
    notes,
    skipped,
    warnings: bibled.warnings,
    capableModels: [],
    modelProblem,
    sameLengthTakes: false,
    bible: bibled.byPlacement,
  };
}

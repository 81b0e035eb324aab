/**
 * A request becomes a plan: targets from the chosen scope (or the script's shots), prompts (the
 * editor's, the shot's, or derived from context + style), and placements sized for the chosen model.
 * Pure apart from the snapshot it is given; the preview shows exactly what `run` will do.
 */
import { targetsEndToEnd, targetsFromRanges, type PlaceholderRules } from "../../core/analysis";
import { CutawayError } from "../../core/errors";
import { planPlacements, type Placement, type Plan, type Target } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import { ticksFromSeconds, ticksToFrames, ticksToSeconds, ticksToTimecode } from "../../core/time";
import type { BackendCapabilities, ModelCapabilities } from "../../backends/types";
import type { GenerateRequest, PlanPreview, PlanPreviewItem } from "../api";
import { estimateRequest, limitsFromModel, shotCostUsd } from "../estimate";
import { NothingToDo } from "../notices";
import { contextPrompt, withStyle } from "../contextPrompt";
import { targetsFor } from "../targets";
import { trackLabel } from "../views";
import { varyRepeatedPrompts } from "./shotVariety";
import type { Bible } from "../../bible";
import { attachBible, type ShotBible } from "./bibleShots";
import type { StoryboardReview } from "../../core/storyboard";
import { reviewedStills } from "../storyboard/reviewedStills";
import { animateCost } from "../storyboard/animateCost";

export interface PlanInput {
  readonly snapshot: SequenceSnapshot;
  readonly request: GenerateRequest;
  readonly capabilities: BackendCapabilities;
  readonly rules: PlaceholderRules;
  readonly spentUsd: number;
  readonly budgetUsd: number | null;
  readonly confirmAboveUsd: number;
  /** numbering continues across runs: the first shot of this one */
  readonly firstShotNumber?: number;
  /** the project's bible: descriptions and references for the entries each shot names */
  readonly bible?: Bible | null;
  /** the storyboard review: which stills are approved for Animate, and their edited prompts */
  readonly storyboard?: StoryboardReview | null;
}

/** More shots than this in one request is a range picked by mistake (a 24-hour gap), not a cut. */
export const MAX_SHOTS_PER_REQUEST = 200;
/** A rough cut lists its shots one by one (a feature is ~1,500): its cap is the feature, not the range slip. */
export const MAX_SCRIPT_SHOTS = 2_000;
/** The longest one script shot may ask for; a longer one is cut to this, and the preview says so. */
export const MAX_SHOT_SECONDS = 60;

export interface PlannedRequest {
  readonly plan: Plan;
  readonly model: ModelCapabilities;
  readonly preview: PlanPreview;
  /** placement id → the bible entries and references it uses */
  readonly bible: ReadonlyMap<string, ShotBible>;
}

export function findModel(caps: BackendCapabilities, modelId: string): ModelCapabilities {
  const m = caps.models.find((x) => x.id === modelId) ?? caps.models[0];
  if (!m) throw new NothingToDo(`${caps.label} offers no models right now.`);
  return m;
}

function scriptTargets(s: SequenceSnapshot, r: GenerateRequest, warnings: string[]): Target[] {
  const shots = r.shots ?? [];
  if (!shots.length) throw new NothingToDo("The shot list is empty. Paste a script or an idea and break it down first.");
  const where = r.destination === "new-sequence" ? "new-sequence" : "new-track";
  const seconds = shots.map((x, i) => {
    if (!Number.isFinite(x.durationSeconds)) throw new CutawayError("bad_shot", `Shot ${i + 1} has no usable length; give it a length in seconds (for example 4).`);
    if (x.durationSeconds <= MAX_SHOT_SECONDS) return Math.max(0.5, x.durationSeconds);
    warnings.push(`Shot ${i + 1} asked for ${Math.round(x.durationSeconds).toLocaleString("en-US")} s; Cutaway makes it ${MAX_SHOT_SECONDS} s, the longest one shot may be. Split it into shorter shots for more.`);
    return MAX_SHOT_SECONDS;
  });
  return targetsEndToEnd(
    s,
    shots.map((x, i) => ({ id: x.id, durationTicks: ticksFromSeconds(seconds[i]!), prompt: x.prompt })),
    where === "new-sequence" ? 0n : s.playhead,
    where,
  ).map((t, i) => ({ ...t, ...(shots[i]!.negativePrompt ? { negativePrompt: shots[i]!.negativePrompt } : {}) }));
}

/** B-roll under transcript words: the shots' time ranges are sequence time (Premiere's sequence transcript). */
function wordTargets(s: SequenceSnapshot, r: GenerateRequest): Target[] {
  const ranged = (r.shots ?? []).filter((x) => x.sourceRange);
  const t = targetsFromRanges(
    s,
    ranged.map((x) => ({ id: x.id, start: ticksFromSeconds(x.sourceRange!.startSeconds), end: ticksFromSeconds(x.sourceRange!.endSeconds), prompt: x.prompt })),
  );
  if (!t.length) throw new NothingToDo("None of the picked transcript lines falls inside the sequence.");
  return t.map((target) => ({ ...target, prompt: ranged.find((x) => `words-${x.id}` === target.id)?.prompt ?? target.prompt }));
}

/**
 * The prompt of each target: one the editor typed for that row, else the one typed for all, else the
 * target's own (a slate's recorded prompt), else the words around it. Never a clip's file name: with
 * nothing to go on the prompt stays empty and the panel asks for one before anything is spent.
 */
function withPrompts(s: SequenceSnapshot, targets: Target[], r: GenerateRequest, rules: PlaceholderRules): Target[] {
  const userPrompt = (r.prompt ?? "").trim();
  return targets.map((t) => {
    if (t.kind === "script") return t;
    const own = (r.promptsByTarget?.[t.id] ?? "").trim();
    return { ...t, prompt: withStyle(own || userPrompt || t.prompt || contextPrompt(s, t, rules), r.stylePreset) };
  });
}

/** The editor's picks on the plan: skip some rows, or run only some (a short gap drafted as a slate). */
function picked(targets: Target[], r: GenerateRequest): Target[] {
  const only = r.onlyTargetIds?.length ? new Set(r.onlyTargetIds) : null;
  const skip = new Set(r.skipTargetIds ?? []);
  const out = targets.filter((t) => (!only || only.has(t.id)) && !skip.has(t.id));
  if (!out.length && targets.length) throw new NothingToDo("Every shot of this plan is skipped. Bring one back, or pick another target.");
  return out;
}

export function planRequest(input: PlanInput): PlannedRequest {
  const { snapshot: s, request: r } = input;
  const model = findModel(input.capabilities, r.model);
  // an image-to-video-only model needs a frame to start from: continuity gives one, nothing else does
  const framed = (r.continuity || r.animate === true) && model.imageToVideo && r.kind !== "script-to-cut" && r.mode === "generate";
  if (model.textToVideo === false && r.mode === "generate" && !framed) {
    throw new NothingToDo(`${model.label} starts from a reference frame: turn on Continuity to start each shot from the frame before it, or pick a text-to-video model.`);
  }
  const lengthWarnings: string[] = [];
  const raw = r.kind === "script-to-cut" ? scriptTargets(s, r, lengthWarnings) : r.kind === "broll" && r.shots?.some((x) => x.sourceRange) ? wordTargets(s, r) : targetsFor(s, r, input.rules, "");
  const reviewed = reviewedStills(s, r, model, raw, input.storyboard ?? null);
  let targets = withPrompts(s, reviewed.targets, reviewed.request, input.rules);
  if (r.shots?.length && r.kind !== "script-to-cut") {
    // prompts edited in the preview, in target order
    targets = targets.map((t, i) => (r.shots![i] ? { ...t, prompt: r.shots![i]!.prompt } : t));
  }
  targets = picked(targets, r);
  // counted before planning too: a 24-hour gap must not be split into thousands of placements first
  const limits = limitsFromModel(model);
  const cap = r.kind === "script-to-cut" ? MAX_SCRIPT_SHOTS : MAX_SHOTS_PER_REQUEST;
  refuseTooManyShots(shotsNeeded(targets, limits.maxSeconds ?? MAX_SHOT_SECONDS), cap);
  const planned = planPlacements(s, targets, limits, { split: true, firstShotNumber: input.firstShotNumber ?? 1 });
  refuseTooManyShots(planned.placements.length, cap);
  if (!planned.placements.length) {
    throw new NothingToDo(planned.warnings[0]?.message ?? "Nothing to generate for this selection.");
  }
  const bibled = attachBible(varyRepeatedPrompts(planned.placements, limits.maxPromptChars), r, model, input.bible ?? null);
  const plan = { placements: bibled.placements, warnings: [...planned.warnings, ...bibled.warnings.map((message) => ({ targetId: "", code: "bible", message }))] };
  const takes = Math.max(1, Math.min(8, Math.floor(r.takes) || 1));
  const estimate = estimateRequest({
    placements: plan.placements,
    model,
    takes: r.mode === "draft" ? 1 : takes,
    spentUsd: input.spentUsd,
    pendingUsd: 0,
    budgetUsd: input.budgetUsd,
    confirmAboveUsd: input.confirmAboveUsd,
  });
  const items = previewItems(s, plan.placements, { model, takes, minSeconds: limits.minSeconds ?? 0, asksForPrompt: r.kind !== "script-to-cut", bible: bibled.byPlacement });
  // stills are the first of two steps: the plan prices the second before either is spent
  const animate = model.still && r.mode !== "draft" && !r.animate ? { animate: animateCost(s, plan.placements, input.capabilities, r, input.bible ?? null, estimate.usd) } : {};
  return {
    plan,
    model,
    bible: bibled.byPlacement,
    preview: { ...(r.mode !== "draft" ? { audio: audioNote(r, model) } : {}), ...animate, items, warnings: [...lengthWarnings, ...reviewed.warnings, ...plan.warnings.map((w) => w.message)], estimate },
  };
}

export interface PreviewPricing {
  readonly model: ModelCapabilities;
  readonly takes: number;
  readonly minSeconds: number;
  /** an empty prompt is something to ask the editor for (a script shot always has its own) */
  readonly asksForPrompt: boolean;
  /** placement id → the bible entries and references it uses */
  readonly bible?: ReadonlyMap<string, ShotBible>;
}

/** What the preview lists per shot: where it lands, billed and used seconds, its cost, what it replaces. */
export function previewItems(s: SequenceSnapshot, placements: readonly Placement[], pricing: PreviewPricing): PlanPreviewItem[] {
  const tc = (t: bigint): string => ticksToTimecode(t, s.rate);
  const byId = new Map(s.videoTracks.flatMap((t) => t.clips.map((c) => [c.id, c.name] as const)));
  const { model, takes, minSeconds } = pricing;
  const price = model.pricePerSecondUsd;
  return placements.map((p) => {
    const used = ticksToSeconds(p.range.end - p.range.start);
    const frames = Number(ticksToFrames(p.range.end - p.range.start, s.rate));
    const short = price > 0 && used < minSeconds;
    return {
      shotNumber: p.shotNumber,
      targetId: p.targetId,
      name: p.name,
      prompt: p.prompt,
      needsPrompt: !p.prompt.trim() && pricing.asksForPrompt,
      trackName: trackLabel(s, p.trackIndex),
      startTimecode: tc(p.range.start),
      endTimecode: tc(p.range.end),
      generationSeconds: p.generationSeconds,
      usedSeconds: Math.round(used * 100) / 100,
      costUsd: Math.round(shotCostUsd(model, p.generationSeconds) * takes * 100) / 100,
      newTrack: p.newTrack,
      ...(p.replacesClipId ? { replaces: byId.get(p.replacesClipId) ?? p.replacesClipId } : {}),
      ...(pricing.bible?.get(p.id) ? { bible: pricing.bible.get(p.id)!.note } : {}),
      ...(short ? { shortOfMinimum: `${used < 1 ? `${frames} frames` : `${Math.round(used * 10) / 10} s`} to fill, but ${model.label}'s shortest clip is ${minSeconds} s: you pay for ${p.generationSeconds} s. Cheaper: a slate, or extend a neighbouring clip.` } : {}),
    };
  });
}

/** How many clips the targets split into at the model's longest length (what planning would make). */
function shotsNeeded(targets: readonly Target[], longestSeconds: number): number {
  const longest = ticksFromSeconds(longestSeconds);
  if (longest <= 0n) return targets.length;
  let n = 0n;
  for (const t of targets) n += t.range.end > t.range.start ? (t.range.end - t.range.start + longest - 1n) / longest : 0n;
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

function refuseTooManyShots(n: number, cap: number): void {
  if (n <= cap) return;
  throw new CutawayError(
    "too_many_shots",
    `This would make ${n.toLocaleString("en-US")} shots in one request; Cutaway makes at most ${cap.toLocaleString("en-US")} at a time. Set In and Out around a shorter stretch, pick fewer clips or gaps, or split the script into parts.`,
  );
}

/**
 * The run's sound in one sentence. Kept sound is asked of the model; where it lands is the host's
 * dedicated Cutaway audio track (issue 12), which this EditorHost port does not expose yet.
 */
function audioNote(r: GenerateRequest, model: ModelCapabilities): string {
  if (!r.audio) return model.audio ? `Sound off: ${model.label} is asked for picture only where it lets Cutaway choose.` : `Sound off.`;
  if (!model.audio) return `${model.label} makes no sound: these shots are picture only.`;
  return `Sound on: ${model.label} makes sound for each shot; it lands on an audio track of Cutaway's own, never on the editor's tracks.`;
}

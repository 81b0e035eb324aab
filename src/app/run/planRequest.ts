/**
 * A request becomes a plan: targets from the chosen scope (or the script's shots), prompts (the
 * editor's, the shot's, or derived from context + style), and placements sized for the chosen model.
 * Pure apart from the snapshot it is given; the preview shows exactly what `run` will do.
 */
import { targetsEndToEnd, targetsFromRanges, type PlaceholderRules } from "../../core/analysis";
import { planPlacements, type Plan, type Target } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import { ticksFromSeconds, ticksToTimecode } from "../../core/time";
import type { BackendCapabilities, ModelCapabilities } from "../../backends/types";
import type { GenerateRequest, PlanPreview } from "../api";
import { estimateRequest, limitsFromModel } from "../estimate";
import { NothingToDo } from "../notices";
import { derivedPrompt, targetsFor } from "../targets";
import { trackName } from "../views";
import type { Bible } from "../../bible";
import { attachBible, type ShotBible } from "./bibleShots";

export interface PlanInput {
  readonly snapshot: SequenceSnapshot;
  readonly request: GenerateRequest;
  readonly capabilities: BackendCapabilities;
  readonly rules: PlaceholderRules;
  readonly spentUsd: number;
  readonly budgetUsd: number | null;
  readonly confirmAboveUsd: number;
  /** the project's bible: descriptions and references for the entries each shot names */
  readonly bible?: Bible | null;
}

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

function scriptTargets(s: SequenceSnapshot, r: GenerateRequest): Target[] {
  const shots = r.shots ?? [];
  if (!shots.length) throw new NothingToDo("The shot list is empty. Paste a script or an idea and break it down first.");
  const where = r.destination === "new-sequence" ? "new-sequence" : "new-track";
  return targetsEndToEnd(
    s,
    shots.map((x) => ({ id: x.id, durationTicks: ticksFromSeconds(Math.max(0.5, x.durationSeconds)), prompt: x.prompt })),
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

/** Shots edited in the preview override the derived prompts, matched by order. */
function withPrompts(targets: Target[], r: GenerateRequest): Target[] {
  const userPrompt = (r.prompt ?? "").trim();
  return targets.map((t) => {
    if (t.kind === "script") return t;
    const base = userPrompt || t.prompt || derivedPrompt(t, r.stylePreset);
    const prompt = userPrompt && r.stylePreset && r.stylePreset !== "none" && !base.includes(r.stylePreset) ? `${base}, ${r.stylePreset}` : base;
    return { ...t, prompt };
  });
}

export function planRequest(input: PlanInput): PlannedRequest {
  const { snapshot: s, request: r } = input;
  const model = findModel(input.capabilities, r.model);
  // an image-to-video-only model needs a frame to start from: continuity gives one, nothing else does
  const framed = (r.continuity || r.animate === true) && model.imageToVideo && r.kind !== "script-to-cut" && r.mode === "generate";
  if (model.textToVideo === false && r.mode === "generate" && !framed) {
    throw new NothingToDo(`${model.label} starts from a reference frame: turn on Continuity to start each shot from the frame before it, or pick a text-to-video model.`);
  }
  const raw = r.kind === "script-to-cut" ? scriptTargets(s, r) : r.kind === "broll" && r.shots?.some((x) => x.sourceRange) ? wordTargets(s, r) : targetsFor(s, r, input.rules, "");
  let targets = withPrompts(approvedStills(s, r, model, raw), r);
  if (r.shots?.length && r.kind !== "script-to-cut") {
    // prompts edited in the preview, in target order
    targets = targets.map((t, i) => (r.shots![i] ? { ...t, prompt: r.shots![i]!.prompt } : t));
  }
  const planned = planPlacements(s, targets, limitsFromModel(model), { split: true });
  if (!planned.placements.length) {
    throw new NothingToDo(planned.warnings[0]?.message ?? "Nothing to generate for this selection.");
  }
  const bibled = attachBible(planned.placements, r, model, input.bible ?? null);
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
  const tc = (t: bigint): string => ticksToTimecode(t, s.rate);
  const byId = new Map(s.videoTracks.flatMap((t) => t.clips.map((c) => [c.id, c.name] as const)));
  return {
    plan,
    model,
    bible: bibled.byPlacement,
    preview: {
      ...(r.mode !== "draft" ? { audio: audioNote(r, model) } : {}),
      items: plan.placements.map((p) => ({
        shotNumber: p.shotNumber,
        name: p.name,
        prompt: p.prompt,
        trackName: p.newTrack ? `new track V${s.videoTracks.length + 1}` : trackName(p.trackIndex),
        startTimecode: tc(p.range.start),
        endTimecode: tc(p.range.end),
        generationSeconds: p.generationSeconds,
        newTrack: p.newTrack,
        ...(p.replacesClipId ? { replaces: byId.get(p.replacesClipId) ?? p.replacesClipId } : {}),
        ...(bibled.byPlacement.get(p.id) ? { bible: bibled.byPlacement.get(p.id)!.note } : {}),
      })),
      warnings: plan.warnings.map((w) => w.message),
      estimate,
    },
  };
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

/**
 * Storyboard review works on the selection: selected stills are the approved ones Animate turns into
 * shots, or the ones an image model regenerates (with the prompt typed in place); with nothing
 * selected, every still in scope is taken.
 */
function approvedStills(s: SequenceSnapshot, r: GenerateRequest, model: ModelCapabilities, targets: Target[]): Target[] {
  if (r.kind !== "replace-placeholders" || !(r.animate || model.still) || !s.selection.length) return targets;
  const picked = targets.filter((t) => t.replacesClipId !== undefined && s.selection.includes(t.replacesClipId));
  if (!picked.length) throw new NothingToDo("None of the selected clips is a storyboard still or a draft; select the stills to animate or regenerate, or clear the selection to take them all.");
  return picked;
}

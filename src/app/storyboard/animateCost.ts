/**
 * The second step's price before the first is spent: a storyboard planned on an image model also says
 * what Animate will cost on a video model of the same backend (the editor's pick, else the first that
 * starts from a frame). Planned the way Animate plans it: each still's range, split at the video
 * model's longest clip, references as Animate sends them (a model that takes references only in
 * longer clips renders those longer), at the video model's price.
 */
import type { Bible } from "../../bible";
import type { BackendCapabilities, ModelCapabilities } from "../../backends/types";
import { planPlacements, type Placement, type Target } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import type { GenerateRequest } from "../api";
import type { AnimateCostView } from "./storyboardApi";
import { limitsFromModel, shotCostUsd } from "../estimate";
import { attachBible } from "../run/bibleShots";

export function animateModels(caps: BackendCapabilities): ModelCapabilities[] {
  return caps.models.filter((m) => m.imageToVideo && !m.still);
}

export function animateCost(s: SequenceSnapshot, stills: readonly Placement[], caps: BackendCapabilities, r: GenerateRequest, bible: Bible | null, stillsUsd: number): AnimateCostView {
  const choices = animateModels(caps);
  const video = choices.find((m) => m.id === r.animateModel) ?? choices[0];
  const models = choices.map((m) => ({ id: m.id, label: m.label }));
  if (!video) return { model: "", label: "", shots: 0, seconds: 0, usd: 0, models, summary: `${caps.label} has no model that starts a shot from a still: Animate needs another backend.` };
  const targets: Target[] = stills.map((p) => ({ id: `ph-${p.id}`, range: p.range, prompt: p.prompt, baseTrackIndex: p.trackIndex, kind: "placeholder", forceNewTrack: true }));
  const planned = planPlacements(s, targets, limitsFromModel(video), { split: true });
  // references change the price only where they lengthen the render; otherwise the bible is not read
  // again (a 1,500-still preview would pay for it on every keystroke)
  const lengthens = (video.references?.durationsSeconds?.length ?? 0) > 0 && bible !== null;
  const placements = lengthens ? attachBible(planned.placements, animateRequest(r, video.id), video, bible).placements : planned.placements;
  const seconds = placements.reduce((n, p) => n + p.generationSeconds, 0);
  const usd = Math.round(placements.reduce((n, p) => n + shotCostUsd(video, p.generationSeconds), 0) * 100) / 100;
  const shots = placements.length;
  const both = Math.round((stillsUsd + usd) * 100) / 100;
  return {
    model: video.id,
    label: video.label,
    shots,
    seconds: Math.round(seconds * 10) / 10,
    usd,
    models,
    summary: `Then Animate on ${video.label}: ${shots} shot${shots === 1 ? "" : "s"}, ${Math.round(seconds * 10) / 10} s ≈ $${usd.toFixed(2)} — both steps ≈ $${both.toFixed(2)}`,
  };
}

/** the Animate request as the Fill tab will send it: drafts, each from its still, no script shots */
function animateRequest(r: GenerateRequest, model: string): GenerateRequest {
  const { shots: _shots, ...rest } = r;
  return { ...rest, kind: "replace-placeholders", scope: "drafts", model, animate: true, mode: "generate", continuity: false };
}

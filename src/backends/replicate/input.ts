/**
 * Turns Cutaway's request into one Replicate model and its `input`, following the descriptor.
 * Everything the model cannot take is refused here, before any money is spent. Frames go as data
 * URIs, which Replicate accepts for file inputs (no separate upload call, no FormData in UXP).
 */
import { GenerationError } from "../errors";
import { gatewayCapabilities } from "../gatewayModels";
import { imageDataUri } from "../http";
import type { GenerationRequest, ModelCapabilities } from "../types";
import type { ReplicateEndpoint, ReplicateModel } from "./models";

export interface ReplicateCall {
  readonly endpoint: ReplicateEndpoint;
  readonly input: Record<string, unknown>;
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: "replicate" });
}

export function replicateCapabilities(m: ReplicateModel): ModelCapabilities {
  return gatewayCapabilities(m);
}

function pickEndpoint(m: ReplicateModel, req: GenerationRequest): ReplicateEndpoint {
  if (req.lastFrame && !req.firstFrame) throw refuse(`${m.label} needs a first frame whenever a last frame is given.`);
  const wantsFirst = req.firstFrame !== undefined;
  const wantsLast = req.lastFrame !== undefined;
  const found = m.endpoints.find((e) => (wantsFirst ? e.mode === "image" && e.fields.firstFrame !== undefined && (!wantsLast || e.fields.lastFrame !== undefined) : e.mode === "text"));
  if (found) return found;
  if (wantsLast) throw refuse(`${m.label} cannot end on a given last frame; pick a model that supports first and last frames, or drop the last frame.`);
  if (wantsFirst) throw refuse(`${m.label} cannot start from a reference frame; pick an image-to-video model or drop the frame.`);
  throw refuse(`${m.label} needs a reference frame (it is image-to-video only); add a first frame or pick another model.`);
}

function resolutionLabel(m: ReplicateModel, req: GenerationRequest): string | undefined {
  const sizes = m.sizes.filter((s) => s.aspect === req.aspect && s.label !== undefined).sort((a, b) => a.width * a.height - b.width * b.height);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  const area = req.size.width * req.size.height;
  return (exact ?? sizes.find((s) => s.width * s.height >= area) ?? sizes[sizes.length - 1])?.label;
}

function durationValue(m: ReplicateModel, seconds: number): string | number {
  if (m.durationFormat === "number") return seconds;
  if (m.durationFormat === "string") return String(seconds);
  return `${seconds}s`;
}

export function buildReplicateCall(m: ReplicateModel, req: GenerationRequest): ReplicateCall {
  if (!m.durationsSeconds.includes(req.durationSeconds)) throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  if (!m.aspects.includes(req.aspect)) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  const endpoint = pickEndpoint(m, req);
  const f = endpoint.fields;
  const input: Record<string, unknown> = { ...m.fixedInput, [f.prompt]: req.prompt };
  if (f.duration) input[f.duration] = durationValue(m, req.durationSeconds);
  if (f.aspect) input[f.aspect] = req.aspect;
  const res = f.resolution ? resolutionLabel(m, req) : undefined;
  if (f.resolution && res) input[f.resolution] = res;
  if (f.negativePrompt && req.negativePrompt) input[f.negativePrompt] = req.negativePrompt;
  if (f.seed && req.seed !== undefined) input[f.seed] = req.seed;
  if (f.firstFrame && req.firstFrame) input[f.firstFrame] = imageDataUri(req.firstFrame);
  if (f.lastFrame && req.lastFrame) input[f.lastFrame] = imageDataUri(req.lastFrame);
  return { endpoint, input };
}

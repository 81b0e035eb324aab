/**
 * Turns Cutaway's request into one fal endpoint and its input JSON, following the model's
 * descriptor. Everything the model cannot take is refused here, before any money is spent.
 */
import { GenerationError } from "../errors";
import { gatewayCapabilities } from "../gatewayModels";
import { imageDataUri } from "../http";
import type { GenerationRequest, ModelCapabilities } from "../types";
import type { FalEndpoint, FalModelDescriptor } from "./models";

export interface FalCall {
  readonly endpoint: FalEndpoint;
  readonly input: Record<string, unknown>;
}

export function falCapabilities(m: FalModelDescriptor): ModelCapabilities {
  return gatewayCapabilities(m);
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: "fal" });
}

function pickEndpoint(m: FalModelDescriptor, req: GenerationRequest): FalEndpoint {
  const wantsLast = req.lastFrame !== undefined;
  if (wantsLast && req.firstFrame === undefined) throw refuse(`${m.label} needs a first frame whenever a last frame is given.`);
  const wantsFirst = req.firstFrame !== undefined || wantsLast;
  const fits = (e: FalEndpoint) =>
    wantsLast ? e.fields.lastFrame !== undefined && e.fields.firstFrame !== undefined : wantsFirst ? e.mode === "image" && e.fields.firstFrame !== undefined : e.mode === "text";
  // prefer the endpoint with no more image inputs than the request carries (a plain i2v over FLF2V)
  const found = m.endpoints.filter(fits).sort((a, b) => Number(a.fields.lastFrame !== undefined) - Number(b.fields.lastFrame !== undefined))[0];
  if (found) return found;
  if (wantsLast) throw refuse(`${m.label} cannot end on a given last frame; pick a model that supports first and last frames, or drop the last frame.`);
  if (wantsFirst) throw refuse(`${m.label} cannot start from a reference frame; pick an image-to-video model or drop the frame.`);
  throw refuse(`${m.label} needs a reference frame (it is image-to-video only); add a first frame or pick another model.`);
}

function resolutionLabel(m: FalModelDescriptor, req: GenerationRequest): string | undefined {
  const sizes = m.sizes.filter((s) => s.aspect === req.aspect && s.label !== undefined);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  if (exact) return exact.label;
  // the smallest size that still covers the sequence frame, else the largest offered
  const area = req.size.width * req.size.height;
  const byArea = [...sizes].sort((a, b) => a.width * a.height - b.width * b.height);
  return (byArea.find((s) => s.width * s.height >= area) ?? byArea[byArea.length - 1])?.label;
}

function durationValue(m: FalModelDescriptor, seconds: number): string | number {
  if (m.durationFormat === "number") return seconds;
  if (m.durationFormat === "string") return String(seconds);
  return `${seconds}s`;
}

export function buildFalCall(m: FalModelDescriptor, req: GenerationRequest): FalCall {
  if (!m.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  }
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

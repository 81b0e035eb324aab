/**
 * A request becomes one gateway endpoint and its input JSON, following the model's descriptor (fal,
 * Replicate). Everything the model cannot take is refused here, before any money is spent. Frames go
 * as data URIs, which both accept for file inputs (no upload call, no FormData in UXP).
 */
import type { GenerationError } from "./errors";
import type { EndpointFields } from "./gatewayModels";
import { imageDataUri } from "./http";
import type { GenerationRequest } from "./types";

interface GatewayEndpoint {
  readonly mode: "text" | "image";
  readonly fields: EndpointFields;
}

interface GatewayModel<E extends GatewayEndpoint> {
  readonly label: string;
  readonly endpoints: readonly E[];
  readonly durationsSeconds: readonly number[];
  readonly durationFormat: "number" | "string" | "seconds-suffix";
  readonly aspects: readonly string[];
  readonly sizes: readonly { readonly width: number; readonly height: number; readonly aspect: string; readonly label?: string | undefined }[];
  readonly maxPromptChars: number;
  readonly fixedInput?: Readonly<Record<string, string | number | boolean>> | undefined;
}

/** `refuse` makes the provider's own invalid_request error from an editor-facing sentence. */
export function buildGatewayInput<E extends GatewayEndpoint>(m: GatewayModel<E>, req: GenerationRequest, refuse: (message: string) => GenerationError): { endpoint: E; input: Record<string, unknown> } {
  if (!m.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  }
  if (!m.aspects.includes(req.aspect)) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  const endpoint = pickEndpoint(m, req, refuse);
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

function pickEndpoint<E extends GatewayEndpoint>(m: GatewayModel<E>, req: GenerationRequest, refuse: (message: string) => GenerationError): E {
  const wantsLast = req.lastFrame !== undefined;
  if (wantsLast && req.firstFrame === undefined) throw refuse(`${m.label} needs a first frame whenever a last frame is given.`);
  const wantsFirst = req.firstFrame !== undefined || wantsLast;
  const fits = (e: E) =>
    wantsLast ? e.fields.lastFrame !== undefined && e.fields.firstFrame !== undefined : wantsFirst ? e.mode === "image" && e.fields.firstFrame !== undefined : e.mode === "text";
  // prefer the endpoint with no more image inputs than the request carries (a plain i2v over FLF2V)
  const found = m.endpoints.filter(fits).sort((a, b) => Number(a.fields.lastFrame !== undefined) - Number(b.fields.lastFrame !== undefined))[0];
  if (found) return found;
  if (wantsLast) throw refuse(`${m.label} cannot end on a given last frame; pick a model that supports first and last frames, or drop the last frame.`);
  if (wantsFirst) throw refuse(`${m.label} cannot start from a reference frame; pick an image-to-video model or drop the frame.`);
  throw refuse(`${m.label} needs a reference frame (it is image-to-video only); add a first frame or pick another model.`);
}

/** The provider's name for the size: the sequence's own, else the smallest that covers it, else the largest. */
function resolutionLabel(m: GatewayModel<GatewayEndpoint>, req: GenerationRequest): string | undefined {
  const sizes = m.sizes.filter((s) => s.aspect === req.aspect && s.label !== undefined).sort((a, b) => a.width * a.height - b.width * b.height);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  const area = req.size.width * req.size.height;
  return (exact ?? sizes.find((s) => s.width * s.height >= area) ?? sizes[sizes.length - 1])?.label;
}

function durationValue(m: GatewayModel<GatewayEndpoint>, seconds: number): string | number {
  if (m.durationFormat === "number") return seconds;
  if (m.durationFormat === "string") return String(seconds);
  return `${seconds}s`;
}

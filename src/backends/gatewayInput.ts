/**
 * A request becomes one gateway endpoint and its input JSON, following the model's descriptor (fal,
 * Replicate). Everything the model cannot take is refused here, before any money is spent. Frames go
 * as data URIs, which both accept for file inputs (no upload call, no FormData in UXP).
 */
import type { GenerationError } from "./errors";
import type { EndpointFields } from "./gatewayModels";
import { imageDataUri } from "./http";
import { checkReferences } from "./references";
import type { GenerationRequest, ReferenceImage, ReferenceSupport } from "./types";

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
  readonly references?: ReferenceSupport | undefined;
  readonly referenceTags?: boolean | undefined;
  readonly audio?: boolean | undefined;
  readonly audioField?: string | undefined;
  readonly still?: boolean | undefined;
}

/** `refuse` makes the provider's own invalid_request error from an editor-facing sentence. */
export function buildGatewayInput<E extends GatewayEndpoint>(m: GatewayModel<E>, req: GenerationRequest, refuse: (message: string) => GenerationError): { endpoint: E; input: Record<string, unknown> } {
  if (!m.still && !m.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  }
  if (!m.aspects.includes(req.aspect)) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  checkReferences(m.label, m.references, req, refuse);
  const endpoint = pickEndpoint(m, req, refuse);
  const f = endpoint.fields;
  const refs = placeReferences(f, req.referenceImages ?? [], refuse, m.label);
  const tagged = m.referenceTags ? withTags(req.prompt, refs.tags, m.maxPromptChars) : req.prompt;
  const input: Record<string, unknown> = { ...m.fixedInput, [f.prompt]: tagged, ...refs.input };
  if (m.audioField && m.audio) input[m.audioField] = req.audio === true;
  if (f.duration && !m.still) input[f.duration] = durationValue(m, req.durationSeconds);
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
  const wantsRefs = (req.referenceImages?.length ?? 0) > 0;
  const takesRefs = (e: E) => e.fields.references !== undefined || e.fields.elements !== undefined;
  const fits = (e: E) =>
    (!wantsRefs || takesRefs(e)) &&
    (wantsLast ? e.fields.lastFrame !== undefined && e.fields.firstFrame !== undefined : wantsFirst ? e.mode === "image" && e.fields.firstFrame !== undefined : e.mode === "text");
  // prefer the endpoint with no more image inputs than the request carries (a plain i2v over FLF2V, t2v over references)
  const extra = (e: E) => Number(e.fields.lastFrame !== undefined) + Number(!wantsRefs && takesRefs(e));
  const found = m.endpoints.filter(fits).sort((a, b) => extra(a) - extra(b))[0];
  if (!found && wantsRefs) throw refuse(`${m.label} has no endpoint that takes reference images with this shot's frames; drop the frames or the references.`);
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

/**
 * References into the endpoint's fields: characters as Kling elements (a frontal image, then the
 * rest of that character's images) where the endpoint has them, everything else as the image list.
 * `tags` name each in the order the model numbers them (@Element1…, @Image1…).
 */
function placeReferences(f: EndpointFields, refs: readonly ReferenceImage[], refuse: (message: string) => GenerationError, label: string): { input: Record<string, unknown>; tags: string[] } {
  if (!refs.length) return { input: {}, tags: [] };
  const input: Record<string, unknown> = {};
  const tags: string[] = [];
  let rest = refs;
  if (f.elements) {
    const byName = new Map<string, ReferenceImage[]>();
    for (const r of refs) if (r.kind === "character") byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
    const elements = [...byName.values()].map((imgs) => ({ frontal_image_url: imageDataUri(imgs[0]!), ...(imgs.length > 1 ? { reference_image_urls: imgs.slice(1).map(imageDataUri) } : {}) }));
    if (elements.length) input[f.elements] = elements;
    [...byName.keys()].forEach((name, i) => tags.push(`@Element${i + 1} is ${name}`));
    rest = refs.filter((r) => r.kind !== "character");
  }
  if (rest.length) {
    if (!f.references) throw refuse(`${label} takes only character references on this endpoint; drop the place and look references.`);
    input[f.references] = rest.map(imageDataUri);
    rest.forEach((r, i) => tags.push(`@Image${i + 1} is ${r.kind === "look" ? `the look ${r.name}` : r.name}`));
  }
  return { input, tags };
}

/** the prompt with "@Element1 is Mara" appended, when it fits the model's limit */
function withTags(prompt: string, tags: readonly string[], max: number): string {
  if (!tags.length) return prompt;
  const out = `${prompt.replace(/[.\s]+$/, "")}. ${tags.join(". ")}.`;
  return out.length <= max ? out : prompt;
}

/**
 * Runway's Gen-4 image model as a storyboard still: `POST /v1/text_to_image` with `gen4_image`, the
 * bible's references as `referenceImages: [{ uri, tag }]` (at most 3, inline data URIs up to 5 MB),
 * named in the prompt by `@tag` (`@runwayml/sdk` TextToImageCreateParams: tags 3–16 characters,
 * letters, digits and underscores, starting with a letter, case-sensitive).
 */
import { GenerationError } from "../errors";
import { imageDataUri } from "../http";
import { checkStillRequest } from "../references";
import type { GenerationRequest, ReferenceImage } from "../types";
import type { RunwayModel } from "./models";

const MAX_DATA_URI_CHARS = 5 * 1024 * 1024;

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: "runway" });
}

/** A valid Runway tag for each reference, from its bible name ("Harbour Café" → "Harbour_Cafe"), unique within the request. */
export function runwayTags(refs: readonly ReferenceImage[]): string[] {
  const used = new Set<string>();
  return refs.map((r) => {
    let base = r.name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    if (!/^[A-Za-z]/.test(base)) base = `ref_${base}`.replace(/_+$/, "");
    if (base.length < 3) base = `${base}_ref`;
    base = base.slice(0, 16).replace(/_+$/, "");
    let tag = base;
    for (let n = 2; used.has(tag); n++) tag = `${base.slice(0, 16 - String(n).length - 1)}_${n}`;
    used.add(tag);
    return tag;
  });
}

/** The prompt with each reference's @tag: in place of the name's first mention, else listed after it (when it fits). */
export function taggedPrompt(prompt: string, refs: readonly ReferenceImage[], tags: readonly string[], max: number): string {
  let out = prompt;
  const unmentioned: string[] = [];
  refs.forEach((r, i) => {
    const name = new RegExp(`(^|[^\\p{L}\\p{N}])${r.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu");
    const hit = out.includes(`@${tags[i]}`) ? null : name.exec(out);
    if (hit) out = `${out.slice(0, hit.index)}${hit[1]}@${tags[i]}${out.slice(hit.index + hit[0].length)}`;
    else unmentioned.push(`@${tags[i]}`);
  });
  if (unmentioned.length) out = `${out.replace(/[.\s]+$/, "")}. With ${unmentioned.join(", ")}.`;
  return out.length <= max ? out : prompt;
}

export function buildRunwayStill(m: RunwayModel, req: GenerationRequest): { endpoint: "text_to_image"; body: Record<string, unknown> } {
  const size = checkStillRequest(m, req, refuse);
  const refs = req.referenceImages ?? [];
  const tags = runwayTags(refs);
  const referenceImages = refs.map((r, i) => {
    const uri = imageDataUri(r);
    if (uri.length > MAX_DATA_URI_CHARS) throw refuse(`The reference image of ${r.name} is too large for ${m.label} (Runway takes at most 5 MB inline); use a smaller one.`);
    return { uri, tag: tags[i]! };
  });
  return {
    endpoint: "text_to_image",
    body: {
      model: m.id,
      promptText: taggedPrompt(req.prompt, refs, tags, m.maxPromptChars),
      ratio: size.label,
      ...(m.seed && req.seed !== undefined ? { seed: req.seed } : {}),
      ...(referenceImages.length ? { referenceImages } : {}),
    },
  };
}

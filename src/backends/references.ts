/**
 * Reference images against what a model takes: checked before any money is spent, the same way by
 * every backend that maps them, so a request the provider would refuse never leaves the panel.
 */
import { z } from "zod";
import type { GenerationError } from "./errors";
import type { GenerationRequest, ReferenceSupport } from "./types";

export function checkReferences(label: string, support: ReferenceSupport | undefined, req: GenerationRequest, refuse: (message: string) => GenerationError): void {
  const refs = req.referenceImages ?? [];
  if (!refs.length) return;
  if (!support || support.max <= 0) throw refuse(`${label} takes no reference images; the bible's descriptions are in the prompt instead.`);
  if (refs.length > support.max) throw refuse(`${label} takes at most ${support.max} reference image${support.max === 1 ? "" : "s"}, not ${refs.length}.`);
  const odd = refs.find((r) => !support.kinds.includes(r.kind));
  if (odd) throw refuse(`${label} takes no ${odd.kind} references (${odd.name}); it takes ${support.kinds.join(" and ")} references.`);
  if (!support.withFrames && (req.firstFrame || req.lastFrame)) throw refuse(`${label} cannot take reference images and a first or last frame in one shot; drop one of them.`);
  if (support.durationsSeconds && !support.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${label} uses reference images only in ${support.durationsSeconds.join(", ")} s clips, not ${req.durationSeconds} s.`);
  }
  if (support.aspects && !support.aspects.includes(req.aspect)) throw refuse(`${label} uses reference images only for ${support.aspects.join(", ")} video, not ${req.aspect}.`);
}

/** the zod shape of ReferenceSupport, for descriptors read from outside (fal, Veo, ComfyUI) */
export const referenceSupportSchema = z.object({
  max: z.number().int().min(0).max(16),
  kinds: z.array(z.enum(["character", "place", "look"])).min(1),
  withFrames: z.boolean(),
  durationsSeconds: z.array(z.number().positive()).optional(),
  aspects: z.array(z.string()).optional(),
});

/** What an image model needs of a storyboard still's request, refused before anything is paid; answers the size for the aspect. */
export function checkStillRequest<S extends { readonly aspect: string }>(m: { readonly label: string; readonly maxPromptChars: number; readonly references?: ReferenceSupport | undefined; readonly sizes: readonly S[] }, req: GenerationRequest, refuse: (message: string) => GenerationError): S {
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  if (req.firstFrame || req.lastFrame) throw refuse(`${m.label} makes a still from words and references; it takes no first or last frame.`);
  checkReferences(m.label, m.references, req, refuse);
  const size = m.sizes.find((s) => s.aspect === req.aspect);
  if (!size) throw refuse(`${m.label} cannot make a ${req.aspect} still (it offers ${[...new Set(m.sizes.map((s) => s.aspect))].join(", ")}).`);
  return size;
}

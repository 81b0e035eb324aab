/**
 * The descriptor shape gateways share (fal, Replicate): a model is one or more endpoints, each taking
 * text alone or a first frame (and maybe a last), with its own input field names; the model's limits
 * and price are data. One schema and one capability reading, so both gateways describe models alike.
 */
import { z } from "zod";
import type { ModelCapabilities } from "./types";
import { modelBasics, typicalRenderSecondsSchema } from "./modelBasics";
import { referenceSupportSchema } from "./references";

const fieldName = z.string().min(1);

export const endpointFieldsSchema = z.object({
  prompt: fieldName,
  negativePrompt: fieldName.optional(),
  duration: fieldName.optional(),
  aspect: fieldName.optional(),
  resolution: fieldName.optional(),
  seed: fieldName.optional(),
  firstFrame: fieldName.optional(),
  lastFrame: fieldName.optional(),
  /** a list of reference image URLs (Kling `image_urls`, Seedance `image_urls`) */
  references: fieldName.optional(),
  /** Kling elements: one `{frontal_image_url, reference_image_urls}` per character */
  elements: fieldName.optional(),
});

/** which inputs an endpoint needs: text alone, or a first frame (and maybe a last one) */
export const endpointModeSchema = z.enum(["text", "image"]);

export const modelLimitsSchema = z.object({
  /** Cutaway's model id (stable in journals and settings) */
  id: z.string().min(1),
  label: z.string().min(1),
  durationsSeconds: z.array(z.number().positive()).min(1),
  /** how the model spells a duration: 8, "8" or "8s" */
  durationFormat: z.enum(["number", "string", "seconds-suffix"]),
  aspects: z.array(z.string()).min(1),
  /** `label` is the value sent in the resolution field ("720p") */
  sizes: z.array(z.object({ width: z.number().int().positive(), height: z.number().int().positive(), aspect: z.string(), label: z.string().optional() })).min(1),
  fps: z.number().positive(),
  pricePerSecondUsd: z.number().nonnegative(),
  maxPromptChars: z.number().int().positive(),
  audio: z.boolean().optional(),
  typicalRenderSeconds: typicalRenderSecondsSchema,
  /** inputs sent as is with every request (e.g. audio off: B-roll is cut silent, and it is cheaper) */
  fixedInput: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** soft references it takes (on an endpoint with a `references` or `elements` field) */
  references: referenceSupportSchema.optional(),
  /** an image model (storyboard stills): the clip length is the timeline's, the price per image */
  still: z.boolean().optional(),
  pricePerImageUsd: z.number().nonnegative().optional(),
  /** the input that switches the model's sound on (`generate_audio`), overriding fixedInput when a run keeps sound */
  audioField: z.string().min(1).optional(),
  /** the model reads `@Element1` / `@Image1` in the prompt: say which reference is whom */
  referenceTags: z.boolean().optional(),
});

export type EndpointFields = z.infer<typeof endpointFieldsSchema>;

interface DescribedModel extends z.infer<typeof modelLimitsSchema> {
  readonly endpoints: readonly { readonly mode: "text" | "image"; readonly fields: EndpointFields }[];
}

export function gatewayCapabilities(m: DescribedModel): ModelCapabilities {
  const has = (k: keyof EndpointFields) => m.endpoints.some((e) => e.fields[k] !== undefined);
  return {
    ...modelBasics(m),
    textToVideo: m.endpoints.some((e) => e.mode === "text"),
    imageToVideo: has("firstFrame"),
    lastFrame: has("lastFrame"),
    negativePrompt: has("negativePrompt"),
    seed: has("seed"),
    maxPromptChars: m.maxPromptChars,
    pricePerSecondUsd: m.pricePerSecondUsd,
    ...(m.audio !== undefined ? { audio: m.audio } : {}),
    ...(m.references ? { references: m.references } : {}),
    // a still is held for as long as the shot runs: no generation length to choose
    ...(m.still ? { still: true, durationsSeconds: [], pricePerImageUsd: m.pricePerImageUsd ?? 0 } : {}),
  };
}

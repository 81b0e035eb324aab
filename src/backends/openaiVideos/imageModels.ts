/**
 * Image models on an OpenAI-style gateway's `/images` endpoints (storyboard stills), as data. Sizes are
 * the ones OpenAI's Images API takes for each model (openai SDK 6.49 `ImageGenerateParams.size`):
 * gpt-image-1, -1-mini and -1.5 only 1024x1024, 1536x1024 and 1024x1536, so a 16:9 sequence gets
 * the 3:2 landscape frame, the nearest they make; gpt-image-2 takes any WxH divisible by 16.
 * Prices are per image at the quality sent (`medium`), from OpenAI's per-image table for
 * gpt-image-1.5 (landscape/portrait $0.05, square $0.034, late 2026); reference images are billed
 * as input tokens on top, which the estimate does not include.
 */
import { z } from "zod";
import { referenceSupportSchema } from "../references";

export const openAIImageModelSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** `label` is the `size` value sent ("1536x1024") */
  sizes: z.array(z.object({ width: z.number().int().positive(), height: z.number().int().positive(), aspect: z.string(), label: z.string().regex(/^\d+x\d+$/) })).min(1),
  pricePerImageUsd: z.number().nonnegative(),
  maxPromptChars: z.number().int().positive(),
  /** sent as `quality` (GPT image models: low | medium | high | auto) */
  quality: z.enum(["low", "medium", "high", "auto"]).optional(),
  /** reference images go to `/images/edits` as `image[]` files (GPT image models: up to 16) */
  references: referenceSupportSchema.optional(),
  typicalRenderSeconds: z.number().positive().optional(),
});

export type OpenAIImageModel = z.infer<typeof openAIImageModelSchema>;

const GPT_IMAGE_REFERENCES: z.infer<typeof referenceSupportSchema> = { max: 16, kinds: ["character", "place", "look"], withFrames: false };

export const GATEWAY_IMAGE_MODELS: readonly OpenAIImageModel[] = [
  {
    id: "gpt-image-1.5",
    label: "GPT Image 1.5 stills (gateway)",
    sizes: [
      { width: 1536, height: 1024, aspect: "16:9", label: "1536x1024" },
      { width: 1024, height: 1536, aspect: "9:16", label: "1024x1536" },
      { width: 1024, height: 1024, aspect: "1:1", label: "1024x1024" },
    ],
    pricePerImageUsd: 0.05,
    maxPromptChars: 32_000,
    quality: "medium",
    references: GPT_IMAGE_REFERENCES,
    typicalRenderSeconds: 20,
  },
];

export function parseOpenAIImageModels(data: unknown): OpenAIImageModel[] {
  return z.array(openAIImageModelSchema).parse(data);
}

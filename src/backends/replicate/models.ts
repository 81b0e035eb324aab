/**
 * Replicate video models as data: one descriptor per model maps Cutaway's request onto the
 * official model(s) it runs (`owner/name`) and their input field names, with limits and price.
 * Seeded from each model's API page on replicate.com (Nov 2026); prices are estimates shown before
 * Generate. Adding a model means adding a descriptor, never a code path.
 */
import { z } from "zod";
import { endpointFieldsSchema, endpointModeSchema, modelLimitsSchema } from "../gatewayModels";

export const replicateEndpointSchema = z.object({
  /** official model "owner/name", run through POST /models/{owner}/{name}/predictions */
  model: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
  mode: endpointModeSchema,
  fields: endpointFieldsSchema,
});

export const replicateModelSchema = modelLimitsSchema.extend({
  /** tried in order; the first that can take the request's frames wins */
  endpoints: z.array(replicateEndpointSchema).min(1),
});

export type ReplicateEndpoint = z.infer<typeof replicateEndpointSchema>;
export type ReplicateModel = z.infer<typeof replicateModelSchema>;

const wide = (h: number, w: number, label: string) => [
  { width: w, height: h, aspect: "16:9", label },
  { width: h, height: w, aspect: "9:16", label },
];

export const REPLICATE_MODELS: readonly ReplicateModel[] = [
  {
    // image-to-video only; an end frame needs "pro" mode, which is also the 1080p one
    id: "kwaivgi/kling-v2.1",
    label: "Kling 2.1 (Replicate)",
    endpoints: [{ model: "kwaivgi/kling-v2.1", mode: "image", fields: { prompt: "prompt", negativePrompt: "negative_prompt", duration: "duration", firstFrame: "start_image", lastFrame: "end_image" } }],
    durationsSeconds: [5, 10],
    durationFormat: "number",
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [...wide(1080, 1920, "1080p"), { width: 1080, height: 1080, aspect: "1:1", label: "1080p" }],
    fps: 24,
    pricePerSecondUsd: 0.09,
    maxPromptChars: 2500,
    typicalRenderSeconds: 180,
    fixedInput: { mode: "pro" },
  },
  {
    id: "wan-video/wan-2.2-fast",
    label: "Wan 2.2 Fast (Replicate, open model)",
    endpoints: [
      { model: "wan-video/wan-2.2-t2v-fast", mode: "text", fields: { prompt: "prompt", aspect: "aspect_ratio", resolution: "resolution", seed: "seed" } },
      { model: "wan-video/wan-2.2-i2v-fast", mode: "image", fields: { prompt: "prompt", resolution: "resolution", seed: "seed", firstFrame: "image", lastFrame: "last_image" } },
    ],
    // 81 frames at 16 fps: the model's native clip, fixed below
    durationsSeconds: [5],
    durationFormat: "number",
    aspects: ["16:9", "9:16"],
    sizes: [...wide(480, 832, "480p"), ...wide(720, 1280, "720p")],
    fps: 16,
    pricePerSecondUsd: 0.02,
    maxPromptChars: 5000,
    typicalRenderSeconds: 45,
    fixedInput: { num_frames: 81, frames_per_second: 16, go_fast: true },
  },
  {
    id: "minimax/hailuo-02",
    label: "Hailuo 02 (Replicate)",
    endpoints: [
      { model: "minimax/hailuo-02", mode: "text", fields: { prompt: "prompt", duration: "duration", resolution: "resolution" } },
      { model: "minimax/hailuo-02", mode: "image", fields: { prompt: "prompt", duration: "duration", resolution: "resolution", firstFrame: "first_frame_image", lastFrame: "last_frame_image" } },
    ],
    durationsSeconds: [6, 10],
    durationFormat: "number",
    aspects: ["16:9"],
    sizes: [
      { width: 1366, height: 768, aspect: "16:9", label: "768p" },
      { width: 1920, height: 1080, aspect: "16:9", label: "1080p" },
    ],
    fps: 25,
    pricePerSecondUsd: 0.045,
    maxPromptChars: 2000,
    typicalRenderSeconds: 240,
    // Cutaway's prompts come from a script breakdown already; a rewrite would drift from the shot
    fixedInput: { prompt_optimizer: false },
  },
];

/** Validates descriptors supplied from outside (settings, a JSON file); throws on the first bad one. */
export function parseReplicateModels(data: unknown): ReplicateModel[] {
  return z.array(replicateModelSchema).parse(data);
}

/**
 * Gateway video models as data. A gateway's model ids are whatever its operator configured (a
 * LiteLLM proxy's `model_list`, OpenRouter's catalogue), so the defaults below are a starting point
 * and the editor can add their own ids (`gatewayModel`). No Sora default: OpenAI's hosted Sora API
 * shut down on 2026-09-24, and a default pointing at it would fail every first run.
 * Prices are estimates shown before Generate (audio off, Nov 2026 list prices).
 */
import { z } from "zod";
import { typicalRenderSecondsSchema } from "../modelBasics";

export const openAIVideoModelSchema = z.object({
  /** sent as `model`, exactly as the gateway names it */
  id: z.string().min(1),
  label: z.string().min(1),
  durationsSeconds: z.array(z.number().int().positive()).min(1),
  aspects: z.array(z.string()).min(1),
  /** `label` is OpenRouter's `resolution` value ("720p"); the generic API sends "WIDTHxHEIGHT" */
  sizes: z.array(z.object({ width: z.number().int().positive(), height: z.number().int().positive(), aspect: z.string(), label: z.string().optional() })).min(1),
  fps: z.number().positive(),
  /** takes a reference frame (`input_reference`, or OpenRouter's first `frame_images` entry) */
  imageToVideo: z.boolean(),
  /** takes a last frame too (OpenRouter `frame_images` only: the generic API has one reference) */
  lastFrame: z.boolean(),
  /** OpenRouter passes `seed` through; the generic API has no such field */
  seed: z.boolean().default(false),
  pricePerSecondUsd: z.number().nonnegative(),
  maxPromptChars: z.number().int().positive(),
  audio: z.boolean().optional(),
  typicalRenderSeconds: typicalRenderSecondsSchema,
});

export type OpenAIVideoModel = z.infer<typeof openAIVideoModelSchema>;

const wide = (h: number, label: string) => [
  { width: (h * 16) / 9, height: h, aspect: "16:9", label },
  { width: h, height: (h * 16) / 9, aspect: "9:16", label },
];

/** LiteLLM routes (`provider/model`) as a proxy exposes them when its config keeps the upstream names. */
/** Veo 3.1 through LiteLLM: one reference image, no seed; Fast and full differ in price */
const veoViaGateway = {
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9", "9:16"],
  sizes: [...wide(720, "720p"), ...wide(1080, "1080p")],
  fps: 24,
  imageToVideo: true,
  lastFrame: false,
  seed: false,
  maxPromptChars: 1000,
};

export const GATEWAY_MODELS: readonly OpenAIVideoModel[] = [
  { ...veoViaGateway, id: "vertex_ai/veo-3.1-fast-generate-preview", label: "Veo 3.1 Fast (gateway)", pricePerSecondUsd: 0.1, typicalRenderSeconds: 55 },
  { ...veoViaGateway, id: "vertex_ai/veo-3.1-generate-preview", label: "Veo 3.1 (gateway)", pricePerSecondUsd: 0.2, typicalRenderSeconds: 90 },
];

/** OpenRouter's catalogue ids; `GET /videos/models` is the live source of truth for limits. */
export const OPENROUTER_MODELS: readonly OpenAIVideoModel[] = [
  {
    id: "google/veo-3.1",
    label: "Veo 3.1 (OpenRouter)",
    durationsSeconds: [4, 6, 8],
    aspects: ["16:9", "9:16"],
    sizes: [...wide(720, "720p"), ...wide(1080, "1080p")],
    fps: 24,
    imageToVideo: true,
    lastFrame: true,
    seed: true,
    pricePerSecondUsd: 0.4,
    maxPromptChars: 1000,
    typicalRenderSeconds: 90,
  },
  {
    id: "alibaba/wan-2.7",
    label: "Wan 2.7 (OpenRouter, open model)",
    durationsSeconds: [5, 10],
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [...wide(720, "720p"), { width: 720, height: 720, aspect: "1:1", label: "720p" }, ...wide(1080, "1080p")],
    fps: 16,
    imageToVideo: true,
    lastFrame: true,
    seed: true,
    pricePerSecondUsd: 0.04,
    maxPromptChars: 5000,
    typicalRenderSeconds: 120,
  },
];

/**
 * A model id the editor typed in Settings, with conservative limits (the common 16:9/9:16 720p,
 * 4–8 s) unless they say more: the gateway refuses what the model cannot do, at no cost.
 */
export function gatewayModel(id: string, over: Partial<Omit<OpenAIVideoModel, "id">> = {}): OpenAIVideoModel {
  return openAIVideoModelSchema.parse({
    id,
    label: `${id} (gateway)`,
    durationsSeconds: [4, 6, 8],
    aspects: ["16:9", "9:16"],
    sizes: wide(720, "720p"),
    fps: 24,
    imageToVideo: false,
    lastFrame: false,
    pricePerSecondUsd: 0,
    maxPromptChars: 1000,
    ...over,
  });
}

/** Validates descriptors supplied from outside (settings, a JSON file); throws on the first bad one. */
export function parseOpenAIVideoModels(data: unknown): OpenAIVideoModel[] {
  return z.array(openAIVideoModelSchema).parse(data);
}

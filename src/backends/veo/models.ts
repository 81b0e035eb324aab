/**
 * Veo models on the Gemini API as data. Limits follow Google's Veo page (ai.google.dev/gemini-api/docs/video,
 * Veo 3.1 text) and the js-genai converter (v2.18): 16:9 or 9:16, 720p, 1080p only for 8 s clips, and a
 * first + last frame (interpolation) only at 8 s. Prices are per output second as Google lists them
 * (the Gemini API always renders Veo 3.x audio, so its price is the audio one); estimates, not invoices.
 */
import { z } from "zod";
import { typicalRenderSecondsSchema } from "../modelBasics";
import { referenceSupportSchema } from "../references";

export const veoModelSchema = z.object({
  /** the model id in the URL: `models/{id}:predictLongRunning` */
  id: z.string().regex(/^[\w.-]+$/),
  label: z.string().min(1),
  durationsSeconds: z.array(z.number().int().positive()).min(1),
  aspects: z.array(z.string()).min(1),
  /** `label` is sent as `parameters.resolution`; a size without one sends none (Veo 2 has no such parameter) */
  sizes: z
    .array(
      z.object({
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        aspect: z.string(),
        label: z.string().optional(),
        /** the only clip lengths this size is rendered at (1080p: 8 s) */
        durationsSeconds: z.array(z.number().int().positive()).optional(),
      }),
    )
    .min(1),
  fps: z.number().positive(),
  imageToVideo: z.boolean(),
  lastFrame: z.boolean(),
  /** clip lengths allowed when a last frame is given (interpolation) */
  lastFrameDurationsSeconds: z.array(z.number().int().positive()).optional(),
  negativePrompt: z.boolean(),
  /** the Gemini API refuses `seed` (js-genai drops it in Gemini mode); kept as data for when it is accepted */
  seed: z.boolean().default(false),
  pricePerSecondUsd: z.number().nonnegative(),
  maxPromptChars: z.number().int().positive(),
  audio: z.boolean().optional(),
  /** Veo's own scene extension (not used by Cutaway, which extends any clip from its edge frame) */
  nativeExtend: z.object({ addsSeconds: z.number().positive(), note: z.string() }).optional(),
  typicalRenderSeconds: typicalRenderSecondsSchema,
  /** `instances[0].referenceImages` (referenceType "asset"): identity the shot keeps, never a pinned frame */
  references: referenceSupportSchema.optional(),
});

export type VeoModel = z.infer<typeof veoModelSchema>;

const veo31Sizes = [
  { width: 1280, height: 720, aspect: "16:9", label: "720p" },
  { width: 720, height: 1280, aspect: "9:16", label: "720p" },
  { width: 1920, height: 1080, aspect: "16:9", label: "1080p", durationsSeconds: [8] },
  { width: 1080, height: 1920, aspect: "9:16", label: "1080p", durationsSeconds: [8] },
];

/** what Veo 3.1 and 3.1 Fast share; they differ in price */
const veo31 = {
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9", "9:16"],
  sizes: veo31Sizes,
  fps: 24,
  imageToVideo: true,
  lastFrame: true,
  lastFrameDurationsSeconds: [8],
  negativePrompt: true,
  seed: false,
  maxPromptChars: 1000,
  audio: true,
  // Gemini API docs (Veo 3.1, "Extending Veo videos"); Vertex AI takes 1–30 s inputs, also +7 s
  nativeExtend: { addsSeconds: 7, note: "+7 s per call, tail only, on a 720p Veo video made by the same key, returned joined to it" },
  // Gemini API Veo 3.1: up to 3 asset references, 8 s and 16:9 only, not with a first/last frame
  references: { max: 3, kinds: ["character", "place"] as ("character" | "place")[], withFrames: false, durationsSeconds: [8], aspects: ["16:9"] },
};

export const VEO_MODELS: readonly VeoModel[] = [
  { ...veo31, id: "veo-3.1-generate-preview", label: "Veo 3.1 (Google)", pricePerSecondUsd: 0.4, typicalRenderSeconds: 90 },
  { ...veo31, id: "veo-3.1-fast-generate-preview", label: "Veo 3.1 Fast (Google)", pricePerSecondUsd: 0.15, typicalRenderSeconds: 55 },
  {
    // silent, 720p only, no resolution parameter and no last frame
    id: "veo-2.0-generate-001",
    label: "Veo 2 (Google)",
    durationsSeconds: [5, 6, 7, 8],
    aspects: ["16:9", "9:16"],
    sizes: [
      { width: 1280, height: 720, aspect: "16:9" },
      { width: 720, height: 1280, aspect: "9:16" },
    ],
    fps: 24,
    imageToVideo: true,
    lastFrame: false,
    negativePrompt: true,
    seed: false,
    pricePerSecondUsd: 0.35,
    maxPromptChars: 1000,
    audio: false,
    typicalRenderSeconds: 90,
  },
];

/** Validates descriptors supplied from outside (settings, a JSON file); throws on the first bad one. */
export function parseVeoModels(data: unknown): VeoModel[] {
  return z.array(veoModelSchema).parse(data);
}

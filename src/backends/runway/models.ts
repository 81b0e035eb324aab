/**
 * Runway models as data, as Runway's API lists them (`@runwayml/sdk` 4.12 image-to-video / text-to-video
 * params, API version 2024-11-06). `ratio` is Runway's "W:H" pixel size, kept as each size's `label`.
 * Prices: Runway bills credits at $0.01 each per output second (gen4_turbo 5, gen4.5 12, veo3.1 20 and
 * veo3.1_fast 10 with audio off); estimates shown before Generate.
 */
import { z } from "zod";
import { typicalRenderSecondsSchema } from "../modelBasics";
import { referenceSupportSchema } from "../references";

const size = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  aspect: z.string(),
  /** Runway's `ratio` value: "1280:720" */
  label: z.string().regex(/^\d+:\d+$/),
});

export const runwayModelSchema = z.object({
  /** sent as `model`, exactly as Runway names it */
  id: z.string().min(1),
  label: z.string().min(1),
  /** `POST /v1/text_to_video` takes it (a prompt alone) */
  textToVideo: z.boolean(),
  /** `POST /v1/image_to_video` takes it (a first frame) */
  imageToVideo: z.boolean(),
  /** takes `promptImage: [{position:"first"}, {position:"last"}]` */
  lastFrame: z.boolean(),
  durationsSeconds: z.array(z.number().int().positive()).min(1),
  sizes: z.array(size).min(1),
  /** the ratios text_to_video accepts when narrower than image_to_video's (gen4.5) */
  textRatios: z.array(z.string()).optional(),
  seed: z.boolean(),
  fps: z.number().positive(),
  pricePerSecondUsd: z.number().nonnegative(),
  maxPromptChars: z.number().int().positive(),
  audio: z.boolean().optional(),
  typicalRenderSeconds: typicalRenderSecondsSchema,
  /** sent as is with every request (audio off: B-roll is cut silent, and it halves Veo's price) */
  fixedInput: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** an image model (storyboard stills, `POST /v1/text_to_image`): the shot's length is the timeline's, the price per image */
  still: z.boolean().optional(),
  pricePerImageUsd: z.number().nonnegative().optional(),
  /** soft references it takes (`referenceImages` with @tags) */
  references: referenceSupportSchema.optional(),
});

export type RunwayModel = z.infer<typeof runwayModelSchema>;

const GEN4_SIZES = [
  { width: 1280, height: 720, aspect: "16:9", label: "1280:720" },
  { width: 720, height: 1280, aspect: "9:16", label: "720:1280" },
  { width: 1104, height: 832, aspect: "4:3", label: "1104:832" },
  { width: 832, height: 1104, aspect: "3:4", label: "832:1104" },
  { width: 960, height: 960, aspect: "1:1", label: "960:960" },
  { width: 1584, height: 672, aspect: "21:9", label: "1584:672" },
];

const VEO_SIZES = [
  { width: 1280, height: 720, aspect: "16:9", label: "1280:720" },
  { width: 720, height: 1280, aspect: "9:16", label: "720:1280" },
  { width: 1920, height: 1080, aspect: "16:9", label: "1920:1080" },
  { width: 1080, height: 1920, aspect: "9:16", label: "1080:1920" },
];

const veo = (id: string, label: string, pricePerSecondUsd: number, typicalRenderSeconds: number): RunwayModel => ({
  id,
  label,
  textToVideo: true,
  imageToVideo: true,
  lastFrame: true,
  durationsSeconds: [4, 6, 8],
  sizes: VEO_SIZES,
  seed: false,
  fps: 24,
  pricePerSecondUsd,
  typicalRenderSeconds,
  maxPromptChars: 1000,
  audio: false,
  fixedInput: { audio: false },
});

export const RUNWAY_MODELS: readonly RunwayModel[] = [
  {
    id: "gen4.5",
    label: "Gen-4.5 (Runway)",
    textToVideo: true,
    imageToVideo: true,
    lastFrame: false,
    durationsSeconds: [2, 3, 4, 5, 6, 7, 8, 9, 10],
    sizes: GEN4_SIZES,
    textRatios: ["1280:720", "720:1280"],
    seed: true,
    fps: 24,
    pricePerSecondUsd: 0.12,
    maxPromptChars: 1000,
    typicalRenderSeconds: 60,
  },
  {
    // image-to-video only: a shot without a reference frame is refused before sending
    id: "gen4_turbo",
    label: "Gen-4 Turbo (Runway)",
    textToVideo: false,
    imageToVideo: true,
    lastFrame: false,
    durationsSeconds: [5, 10],
    sizes: GEN4_SIZES,
    seed: true,
    fps: 24,
    pricePerSecondUsd: 0.05,
    maxPromptChars: 1000,
    typicalRenderSeconds: 30,
  },
  {
    // Gen-4 References: a still from words and up to 3 tagged references. 5 credits ($0.05) at 720p,
    // 8 at 1080p: only 720p-class ratios are offered, so the price shown is the price paid
    id: "gen4_image",
    label: "Gen-4 References stills (Runway)",
    textToVideo: true,
    imageToVideo: false,
    lastFrame: false,
    durationsSeconds: [1],
    sizes: [
      { width: 1280, height: 720, aspect: "16:9", label: "1280:720" },
      { width: 720, height: 1280, aspect: "9:16", label: "720:1280" },
      { width: 720, height: 720, aspect: "1:1", label: "720:720" },
      { width: 960, height: 720, aspect: "4:3", label: "960:720" },
      { width: 720, height: 960, aspect: "3:4", label: "720:960" },
      { width: 1680, height: 720, aspect: "21:9", label: "1680:720" },
    ],
    seed: true,
    fps: 24,
    pricePerSecondUsd: 0,
    still: true,
    pricePerImageUsd: 0.05,
    maxPromptChars: 1000,
    typicalRenderSeconds: 20,
    references: { max: 3, kinds: ["character", "place", "look"], withFrames: false },
  },
  veo("veo3.1", "Veo 3.1 (Runway)", 0.2, 90),
  veo("veo3.1_fast", "Veo 3.1 Fast (Runway)", 0.1, 55),
];

/** Validates descriptors supplied from outside (settings, a JSON file); throws on the first bad one. */
export function parseRunwayModels(data: unknown): RunwayModel[] {
  return z.array(runwayModelSchema).parse(data);
}

/**
 * fal.ai models as data: one descriptor per model maps Cutaway's request onto that model's endpoint
 * ids and input field names, with its limits and price. Adding a model means adding a descriptor
 * (it could come from a JSON file — the schema below validates it), never new code paths.
 * Seeded from fal's per-model `llms.txt` pages (Nov 2026); prices are estimates shown before Generate
 * (audio off where the model makes sound on request), re-read Dec 2026 from fal's model pages; render
 * times are typical figures (queue wait excluded) that pace a model's first polls.
 */
import { z } from "zod";
import { endpointFieldsSchema, endpointModeSchema, modelLimitsSchema } from "../gatewayModels";

export const falEndpointSchema = z.object({
  /** fal endpoint id: "fal-ai/veo3.1/fast/first-last-frame-to-video" */
  id: z.string().regex(/^[\w.-]+\/[\w.-]+(\/[\w.-]+)*$/),
  mode: endpointModeSchema,
  fields: endpointFieldsSchema,
});

export const falModelSchema = modelLimitsSchema.extend({
  /** tried in order; the first that can take the request's frames wins */
  endpoints: z.array(falEndpointSchema).min(1),
});

export type FalEndpoint = z.infer<typeof falEndpointSchema>;
export type FalModelDescriptor = z.infer<typeof falModelSchema>;

const landscapePortrait = (h: number, label: string) => [
  { width: (h * 16) / 9, height: h, aspect: "16:9", label },
  { width: h, height: (h * 16) / 9, aspect: "9:16", label },
];

/** models that make sound when asked: off unless the run keeps it (B-roll is cut silent) */
const SOUND_ON_REQUEST = { audio: true, fixedInput: { generate_audio: false }, audioField: "generate_audio" } as const;

const veoFields = { prompt: "prompt", negativePrompt: "negative_prompt", duration: "duration", aspect: "aspect_ratio", resolution: "resolution", seed: "seed" } as const;

export const FAL_MODELS: readonly FalModelDescriptor[] = [
  {
    id: "fal-ai/veo3.1/fast",
    label: "Veo 3.1 Fast (fal.ai)",
    endpoints: [
      { id: "fal-ai/veo3.1/fast", mode: "text", fields: veoFields },
      { id: "fal-ai/veo3.1/fast/image-to-video", mode: "image", fields: { ...veoFields, firstFrame: "image_url" } },
      { id: "fal-ai/veo3.1/fast/first-last-frame-to-video", mode: "image", fields: { ...veoFields, firstFrame: "first_frame_url", lastFrame: "last_frame_url" } },
    ],
    durationsSeconds: [4, 6, 8],
    durationFormat: "seconds-suffix",
    aspects: ["16:9", "9:16"],
    sizes: [...landscapePortrait(720, "720p"), ...landscapePortrait(1080, "1080p")],
    fps: 24,
    pricePerSecondUsd: 0.1,
    maxPromptChars: 1000,
    audio: false,
    fixedInput: { generate_audio: false },
    typicalRenderSeconds: 55,
  },
  {
    id: "fal-ai/veo3.1",
    label: "Veo 3.1 (fal.ai)",
    endpoints: [
      { id: "fal-ai/veo3.1", mode: "text", fields: veoFields },
      { id: "fal-ai/veo3.1/image-to-video", mode: "image", fields: { ...veoFields, firstFrame: "image_url" } },
      { id: "fal-ai/veo3.1/first-last-frame-to-video", mode: "image", fields: { ...veoFields, firstFrame: "first_frame_url", lastFrame: "last_frame_url" } },
    ],
    durationsSeconds: [4, 6, 8],
    durationFormat: "seconds-suffix",
    aspects: ["16:9", "9:16"],
    sizes: [...landscapePortrait(720, "720p"), ...landscapePortrait(1080, "1080p")],
    fps: 24,
    pricePerSecondUsd: 0.2,
    maxPromptChars: 1000,
    audio: false,
    fixedInput: { generate_audio: false },
    typicalRenderSeconds: 90,
  },
  {
    // Kling v4 is image-to-video only on this endpoint: a first frame is required, a last one optional
    id: "fal-ai/kling-video/v4",
    label: "Kling 4 (fal.ai)",
    endpoints: [
      {
        id: "fal-ai/kling-video/v4/image-to-video",
        mode: "image",
        fields: { prompt: "prompt", negativePrompt: "negative_prompt", duration: "duration", firstFrame: "start_image_url", lastFrame: "end_image_url" },
      },
    ],
    durationsSeconds: [3, 4, 5, 6, 8, 10, 15],
    durationFormat: "string",
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [
      { width: 1280, height: 720, aspect: "16:9", label: "720p" },
      { width: 720, height: 1280, aspect: "9:16", label: "720p" },
      { width: 720, height: 720, aspect: "1:1", label: "720p" },
    ],
    fps: 24,
    pricePerSecondUsd: 0.157,
    maxPromptChars: 2500,
    typicalRenderSeconds: 150,
  },
  {
    // references: characters as Kling elements (@Element1…), places and looks as image_urls (@Image1…);
    // at most 4 in all (fal's O3 reference-to-video page, Dec 2026). $0.084/s with audio off, $0.112/s on
    // (fal's O3 Standard price, the same on its image-to-video page)
    id: "fal-ai/kling-video/o3/standard/reference-to-video",
    label: "Kling O3 with references (fal.ai)",
    endpoints: [
      { id: "fal-ai/kling-video/o3/standard/reference-to-video", mode: "text", fields: { prompt: "prompt", duration: "duration", aspect: "aspect_ratio", references: "image_urls", elements: "elements" } },
      {
        id: "fal-ai/kling-video/o3/standard/reference-to-video",
        mode: "image",
        fields: { prompt: "prompt", duration: "duration", aspect: "aspect_ratio", references: "image_urls", elements: "elements", firstFrame: "start_image_url", lastFrame: "end_image_url" },
      },
    ],
    durationsSeconds: [3, 4, 5, 6, 8, 10, 12, 15],
    durationFormat: "string",
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [
      { width: 1280, height: 720, aspect: "16:9", label: "720p" },
      { width: 720, height: 1280, aspect: "9:16", label: "720p" },
      { width: 720, height: 720, aspect: "1:1", label: "720p" },
    ],
    fps: 24,
    pricePerSecondUsd: 0.084,
    // estimated like Kling v4's: a prior for the first polls, learned over after
    typicalRenderSeconds: 150,
    maxPromptChars: 2500,
    ...SOUND_ON_REQUEST,
    references: { max: 4, kinds: ["character", "place", "look"], withFrames: true },
    referenceTags: true,
  },
  {
    // Seedance 2.0: text-to-video, or up to 9 reference images (@Image1…) on its reference endpoint;
    // references and first/last frames do not mix on Seedance. Billed by tokens (w × h × s × 24 / 1024 at
    // $0.014 per 1000): $0.3024/s at 720p (fal's page), sound the same price; 480p is less, 1080p 2.25×
    // (the estimate shows 720p's)
    id: "bytedance/seedance-2.0",
    label: "Seedance 2.0 (fal.ai)",
    endpoints: [
      { id: "bytedance/seedance-2.0/text-to-video", mode: "text", fields: { prompt: "prompt", duration: "duration", aspect: "aspect_ratio", resolution: "resolution", seed: "seed" } },
      { id: "bytedance/seedance-2.0/reference-to-video", mode: "text", fields: { prompt: "prompt", duration: "duration", aspect: "aspect_ratio", resolution: "resolution", seed: "seed", references: "image_urls" } },
    ],
    durationsSeconds: [4, 5, 6, 8, 10, 12, 15],
    durationFormat: "string",
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [{ width: 854, height: 480, aspect: "16:9", label: "480p" }, { width: 480, height: 854, aspect: "9:16", label: "480p" }, ...landscapePortrait(720, "720p"), ...landscapePortrait(1080, "1080p")],
    fps: 24,
    pricePerSecondUsd: 0.3024,
    typicalRenderSeconds: 120,
    maxPromptChars: 3500,
    ...SOUND_ON_REQUEST,
    references: { max: 9, kinds: ["character", "place", "look"], withFrames: false },
    referenceTags: true,
  },
  {
    // storyboard stills: Gemini's image model (Nano Banana 2); its edit endpoint takes reference images;
    // $0.08 per 1K image (fal's nano-banana-2/edit llms.txt)
    id: "fal-ai/nano-banana-2",
    label: "Nano Banana 2 stills (fal.ai)",
    still: true,
    endpoints: [
      { id: "fal-ai/nano-banana-2", mode: "text", fields: { prompt: "prompt", aspect: "aspect_ratio", seed: "seed" } },
      { id: "fal-ai/nano-banana-2/edit", mode: "text", fields: { prompt: "prompt", aspect: "aspect_ratio", seed: "seed", references: "image_urls" } },
    ],
    durationsSeconds: [1],
    durationFormat: "number",
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [...landscapePortrait(720, "1K"), { width: 1024, height: 1024, aspect: "1:1", label: "1K" }],
    fps: 24,
    pricePerSecondUsd: 0,
    pricePerImageUsd: 0.08,
    typicalRenderSeconds: 15,
    maxPromptChars: 5000,
    fixedInput: { output_format: "png", num_images: 1 },
    references: { max: 6, kinds: ["character", "place", "look"], withFrames: false },
  },
  {
    // FLUX.2 [pro] stills: text on fal-ai/flux-2-pro, references on its edit endpoint (image_urls,
    // @Image1… in the prompt). fal bills megapixels: $0.03 the first output MP, and each reference image
    // counts as input MP at $0.015; Cutaway sends at most 4, so $0.09 is the most a still costs here.
    id: "fal-ai/flux-2-pro",
    label: "FLUX.2 [pro] stills (fal.ai)",
    still: true,
    endpoints: [
      { id: "fal-ai/flux-2-pro", mode: "text", fields: { prompt: "prompt", resolution: "image_size", seed: "seed" } },
      { id: "fal-ai/flux-2-pro/edit", mode: "text", fields: { prompt: "prompt", resolution: "image_size", seed: "seed", references: "image_urls" } },
    ],
    durationsSeconds: [1],
    durationFormat: "number",
    aspects: ["16:9", "9:16", "1:1"],
    // fal's image_size presets: landscape_16_9 is 1024×576
    sizes: [
      { width: 1024, height: 576, aspect: "16:9", label: "landscape_16_9" },
      { width: 576, height: 1024, aspect: "9:16", label: "portrait_16_9" },
      { width: 1024, height: 1024, aspect: "1:1", label: "square_hd" },
    ],
    fps: 24,
    pricePerSecondUsd: 0,
    pricePerImageUsd: 0.09,
    typicalRenderSeconds: 20,
    maxPromptChars: 5000,
    fixedInput: { output_format: "png" },
    references: { max: 4, kinds: ["character", "place", "look"], withFrames: false },
    referenceTags: true,
  },
  {
    // Imagen 4 stills: words only (fal's endpoint takes no images), so a shot's bible entries reach it
    // as their descriptions; $0.04 an image (Google's Imagen 4 list price; fal's own page not read)
    id: "fal-ai/imagen4/preview",
    label: "Imagen 4 stills (fal.ai, no references)",
    still: true,
    endpoints: [{ id: "fal-ai/imagen4/preview", mode: "text", fields: { prompt: "prompt", aspect: "aspect_ratio" } }],
    durationsSeconds: [1],
    durationFormat: "number",
    aspects: ["16:9", "9:16", "1:1", "4:3", "3:4"],
    sizes: [
      { width: 1408, height: 768, aspect: "16:9", label: "1K" },
      { width: 768, height: 1408, aspect: "9:16", label: "1K" },
      { width: 1024, height: 1024, aspect: "1:1", label: "1K" },
      { width: 1280, height: 896, aspect: "4:3", label: "1K" },
      { width: 896, height: 1280, aspect: "3:4", label: "1K" },
    ],
    fps: 24,
    pricePerSecondUsd: 0,
    pricePerImageUsd: 0.04,
    typicalRenderSeconds: 10,
    maxPromptChars: 5000,
    fixedInput: { num_images: 1 },
  },
  {
    id: "fal-ai/wan/v2.7",
    label: "Wan 2.7 (fal.ai, open model)",
    endpoints: [
      { id: "fal-ai/wan/v2.7/text-to-video", mode: "text", fields: { prompt: "prompt", negativePrompt: "negative_prompt", duration: "duration", aspect: "aspect_ratio", resolution: "resolution", seed: "seed" } },
      {
        id: "fal-ai/wan/v2.7/image-to-video",
        mode: "image",
        fields: { prompt: "prompt", negativePrompt: "negative_prompt", duration: "duration", resolution: "resolution", seed: "seed", firstFrame: "image_url", lastFrame: "end_image_url" },
      },
    ],
    durationsSeconds: [5, 10, 15],
    durationFormat: "number",
    aspects: ["16:9", "9:16", "1:1"],
    sizes: [...landscapePortrait(720, "720p"), { width: 720, height: 720, aspect: "1:1", label: "720p" }, ...landscapePortrait(1080, "1080p")],
    fps: 16,
    pricePerSecondUsd: 0.1,
    maxPromptChars: 5000,
    typicalRenderSeconds: 120,
  },
];

/** Validates descriptors supplied from outside (settings, a JSON file); throws on the first bad one. */
export function parseFalModels(data: unknown): FalModelDescriptor[] {
  return z.array(falModelSchema).parse(data);
}

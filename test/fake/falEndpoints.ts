/**
 * What each fal endpoint the fake serves accepts, as fal's llms.txt pages say (Dec 2026): reference
 * limits (Kling O3 reference-to-video 4 elements + image_urls in all, Seedance 2.0 9 image_urls and
 * no frames, Nano Banana 2 edit 14, FLUX.2 [pro] edit 8), no `image_urls`/`elements` anywhere else
 * (Imagen 4 and every text endpoint refuse them), and the image endpoints' enums (FLUX.2 `image_size`
 * presets, Imagen 4 and Nano Banana `aspect_ratio`).
 */

/** fal's image endpoints answer `images[]`, not `video` */
export const isImageEndpoint = (endpoint: string): boolean => /^fal-ai\/(nano-banana|flux-2-pro|imagen4)/.test(endpoint);

const ENUMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "fal-ai/flux-2-pro": { image_size: ["square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"], output_format: ["jpeg", "png"] },
  "fal-ai/flux-2-pro/edit": { image_size: ["auto", "square_hd", "square", "portrait_4_3", "portrait_16_9", "landscape_4_3", "landscape_16_9"], output_format: ["jpeg", "png"] },
  "fal-ai/imagen4/preview": { aspect_ratio: ["1:1", "16:9", "9:16", "3:4", "4:3"], resolution: ["1K", "2K"] },
  "fal-ai/nano-banana-2": { aspect_ratio: ["auto", "21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"] },
  "fal-ai/nano-banana-2/edit": { aspect_ratio: ["auto", "21:9", "16:9", "3:2", "4:3", "5:4", "1:1", "4:5", "3:4", "2:3", "9:16"] },
};

/** Why fal would refuse this input (422), or null. */
export function falInputProblem(endpoint: string, json: unknown): { field: string; msg: string } | null {
  const input = (json ?? {}) as Record<string, unknown>;
  for (const [field, allowed] of Object.entries(ENUMS[endpoint] ?? {})) {
    const v = input[field];
    if (v !== undefined && !allowed.includes(String(v))) return { field, msg: `Input should be ${allowed.map((a) => `'${a}'`).join(", ")}` };
  }
  if (endpoint.startsWith("fal-ai/flux-2-pro/edit") && !Array.isArray(input["image_urls"])) return { field: "image_urls", msg: "Field required" };
  return referenceProblem(endpoint, json);
}

const REFERENCE_LIMITS: Readonly<Record<string, number>> = {
  "fal-ai/kling-video/o3/standard/reference-to-video": 4,
  "bytedance/seedance-2.0/reference-to-video": 9,
  "fal-ai/nano-banana-2/edit": 14,
  "fal-ai/flux-2-pro/edit": 8,
};

function referenceProblem(endpoint: string, json: unknown): { field: string; msg: string } | null {
  const input = (json ?? {}) as Record<string, unknown>;
  const images = input["image_urls"];
  const elements = input["elements"];
  const limit = REFERENCE_LIMITS[endpoint];
  if (limit === undefined) {
    if (images !== undefined) return { field: "image_urls", msg: "extra fields not permitted" };
    if (elements !== undefined) return { field: "elements", msg: "extra fields not permitted" };
    return null;
  }
  const urls = Array.isArray(images) ? images : images === undefined ? [] : null;
  const els = Array.isArray(elements) ? elements : elements === undefined ? [] : null;
  if (!urls || !els) return { field: "image_urls", msg: "must be a list" };
  if (urls.some((u) => typeof u !== "string" || !/^(https:|data:image\/)/.test(u))) return { field: "image_urls", msg: "each must be an image URL or data URI" };
  if (els.some((e: { frontal_image_url?: unknown }) => typeof e?.frontal_image_url !== "string")) return { field: "elements", msg: "each element needs a frontal_image_url" };
  if (urls.length + els.length > limit) return { field: "image_urls", msg: `at most ${limit} references (elements + images) in all` };
  if (endpoint.startsWith("bytedance/") && (input["image_url"] !== undefined || input["end_image_url"] !== undefined)) return { field: "image_url", msg: "reference images cannot be combined with frames" };
  return null;
}


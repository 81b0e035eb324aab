/**
 * Luma Dream Machine video models as data (API v1, docs.lumalabs.ai, checked Nov 2026). `id` is sent
 * as `model`; a size's `label` as `resolution`. Prices are estimates shown before Generate.
 */
import { z } from "zod";
import { typicalRenderSecondsSchema } from "../modelBasics";

export const lumaModelSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** sent as "5s" / "9s" */
  durationsSeconds: z.array(z.number().int().positive()).min(1),
  aspects: z.array(z.string()).min(1),
  sizes: z.array(z.object({ width: z.number().int().positive(), height: z.number().int().positive(), aspect: z.string(), label: z.string() })).min(1),
  fps: z.number().positive(),
  pricePerSecondUsd: z.number().nonnegative(),
  maxPromptChars: z.number().int().positive(),
  typicalRenderSeconds: typicalRenderSecondsSchema,
});
export type LumaModel = z.infer<typeof lumaModelSchema>;

const ASPECTS = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "9:21"];
const sizesAt = (h: number, label: string) => [
  { width: Math.round((h * 16) / 9), height: h, aspect: "16:9", label },
  { width: h, height: Math.round((h * 16) / 9), aspect: "9:16", label },
  { width: h, height: h, aspect: "1:1", label },
  { width: Math.round((h * 4) / 3), height: h, aspect: "4:3", label },
  { width: h, height: Math.round((h * 4) / 3), aspect: "3:4", label },
  { width: Math.round((h * 21) / 9), height: h, aspect: "21:9", label },
  { width: h, height: Math.round((h * 21) / 9), aspect: "9:21", label },
];
const SIZES = [...sizesAt(540, "540p"), ...sizesAt(720, "720p"), ...sizesAt(1080, "1080p")];

export const LUMA_MODELS: readonly LumaModel[] = [
  { id: "ray-2", label: "Ray 2 (Luma)", durationsSeconds: [5, 9], aspects: ASPECTS, sizes: SIZES, fps: 24, pricePerSecondUsd: 0.14, maxPromptChars: 5000, typicalRenderSeconds: 90 },
  { id: "ray-flash-2", label: "Ray Flash 2 (Luma)", durationsSeconds: [5, 9], aspects: ASPECTS, sizes: SIZES, fps: 24, pricePerSecondUsd: 0.05, maxPromptChars: 5000, typicalRenderSeconds: 40 },
];

export function parseLumaModels(data: unknown): LumaModel[] {
  return z.array(lumaModelSchema).parse(data);
}

/** The part of a model's capabilities every descriptor gives the same way. */
import { z } from "zod";
import type { BackendCapabilities, ModelCapabilities, SizeOption } from "./types";

/**
 * A model's typical render time in seconds (submit to finished, one shot of its usual length), an
 * estimate kept in its table: the polls of a model's first job are paced by it until the engine has
 * learned from finished jobs. On the quick side of typical: a prior too long makes the first look
 * late, one too short costs a few extra polls. Optional: a model the editor added has none.
 */
export const typicalRenderSecondsSchema = z.number().positive().optional();

interface DescribedLimits {
  readonly id: string;
  readonly label: string;
  readonly durationsSeconds: readonly number[];
  /** absent: the aspects of the sizes offered */
  readonly aspects?: readonly string[];
  readonly sizes: readonly SizeOption[];
  readonly fps: number | null;
  readonly typicalRenderSeconds?: number;
}

export function modelBasics(m: DescribedLimits): Pick<ModelCapabilities, "id" | "label" | "durationsSeconds" | "aspects" | "sizes" | "fps" | "typicalRenderSeconds"> {
  return {
    id: m.id,
    label: m.label,
    durationsSeconds: [...m.durationsSeconds].sort((a, b) => a - b),
    aspects: m.aspects ?? [...new Set(m.sizes.map((s) => s.aspect))],
    sizes: m.sizes,
    fps: m.fps,
    ...(m.typicalRenderSeconds !== undefined ? { typicalRenderSeconds: m.typicalRenderSeconds } : {}),
  };
}

/** The prior render time (ms) of a backend's model, for the engine's poll pacing; undefined when its table has none. */
export function priorRenderMs(caps: BackendCapabilities, model: string): number | undefined {
  const s = caps.models.find((m) => m.id === model)?.typicalRenderSeconds;
  return s === undefined ? undefined : s * 1000;
}

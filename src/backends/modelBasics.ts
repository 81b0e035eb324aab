/** The part of a model's capabilities every descriptor gives the same way. */
import type { ModelCapabilities, SizeOption } from "./types";

interface DescribedLimits {
  readonly id: string;
  readonly label: string;
  readonly durationsSeconds: readonly number[];
  /** absent: the aspects of the sizes offered */
  readonly aspects?: readonly string[];
  readonly sizes: readonly SizeOption[];
  readonly fps: number | null;
}

export function modelBasics(m: DescribedLimits): Pick<ModelCapabilities, "id" | "label" | "durationsSeconds" | "aspects" | "sizes" | "fps"> {
  return { id: m.id, label: m.label, durationsSeconds: [...m.durationsSeconds].sort((a, b) => a - b), aspects: m.aspects ?? [...new Set(m.sizes.map((s) => s.aspect))], sizes: m.sizes, fps: m.fps };
}

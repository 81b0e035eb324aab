/**
 * The live cost line: the plan and estimate for what the editor is about to run, asked again
 * (debounced) whenever `key` changes. Nothing is submitted; a refusal becomes the line's text.
 */
import type { CutawayApi, GenerateRequest, PlanPreview } from "../app/api";
import { useLiveValue } from "./useLiveValue";

export function useLivePreview(api: CutawayApi, request: () => GenerateRequest, key: string, enabled = true): { preview: PlanPreview | null; problem: string | null } {
  const { value, problem } = useLiveValue(() => api.preview(request()), key, enabled);
  return { preview: value, problem };
}

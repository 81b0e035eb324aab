/**
 * The live cost line: the plan and estimate for what the editor is about to run, asked again
 * (debounced) whenever `key` changes. Nothing is submitted; a refusal becomes the line's text.
 */
import { useEffect, useState } from "react";
import type { CutawayApi, GenerateRequest, PlanPreview } from "../app/api";

export function useLivePreview(api: CutawayApi, request: () => GenerateRequest, key: string, enabled = true): { preview: PlanPreview | null; problem: string | null } {
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const t = setTimeout(() => {
      api.preview(request()).then(
        (pv) => live && (setPreview(pv), setProblem(null)),
        (e: unknown) => live && (setPreview(null), setProblem(e instanceof Error ? e.message : String(e))),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key, enabled]);
  return { preview, problem };
}

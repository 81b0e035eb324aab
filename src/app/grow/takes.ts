/**
 * Take stacks: every take of a shot (from one model or several) with its model and cost, for the take
 * switcher in the Jobs row and on a selected generated clip. Swapping itself is Arrivals.useTake.
 */
import type { SequenceSnapshot } from "../../core/timeline";
import type { JobEngine } from "../../jobs/engine";
import type { TakeView } from "../api";
import { stateName } from "../jobViews";
import type { RequestLog } from "../requestLog";

export function takesOfClip(log: RequestLog | null, engine: JobEngine, clipId: string): TakeView[] {
  if (!log) return [];
  for (const record of log.all()) {
    const placementId = Object.keys(record.placed).find((k) => record.placed[k] === clipId);
    if (!placementId) continue;
    const active = record.activeTake[placementId] ?? 1;
    return record.jobs
      .filter((x) => x.placementId === placementId)
      .flatMap((x) => {
        const j = engine.get(x.jobId);
        if (!j) return [];
        const state = stateName(j);
        const ready = j.state === "downloaded" || j.state === "placed";
        return [{ jobId: j.id, take: x.take, backend: j.backend, model: j.request.model, costUsd: j.costUsd ?? j.estimateUsd, state, active: active === x.take, canUse: ready && active !== x.take }];
      })
      .sort((a, b) => a.take - b.take);
  }
  return [];
}

/** The first selected clip Cutaway generated, for the switcher on the selection. */
export function selectedGeneratedClip(s: SequenceSnapshot | null): string | null {
  if (!s) return null;
  const selected = new Set(s.selection);
  for (const t of s.videoTracks) for (const c of t.clips) if (selected.has(c.id) && c.provenance) return c.id;
  return null;
}

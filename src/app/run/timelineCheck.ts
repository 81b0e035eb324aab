/**
 * The request log says where each shot was placed; the timeline says what is there now. After an
 * Undo (or the editor deleting a clip) the two disagree: these are the jobs the log claims are on
 * the timeline but whose clip the sequence no longer holds, so the panel says "In the bin" and
 * offers to place them again instead of claiming they are on the timeline.
 */
import type { SequenceSnapshot } from "../../core/timeline";
import type { RequestRecord } from "../requestLog";

export function offTimeline(snapshot: SequenceSnapshot, requests: readonly RequestRecord[]): Set<string> {
  const onTimeline = new Set<string>();
  for (const t of snapshot.videoTracks) for (const c of t.clips) if (c.provenance) onTimeline.add(c.provenance.jobId);
  const off = new Set<string>();
  for (const r of requests) {
    // a shot placed on another sequence is not judged by this one
    if (r.sequenceId !== snapshot.sequenceId) continue;
    for (const placementId of Object.keys(r.placed)) {
      const take = r.activeTake[placementId] ?? 1;
      const job = r.jobs.find((x) => x.placementId === placementId && x.take === take);
      if (job && !onTimeline.has(job.jobId)) off.add(job.jobId);
    }
  }
  return off;
}

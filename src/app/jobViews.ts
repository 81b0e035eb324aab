/** Job records as the panel shows them: plain states, progress 0–1, what the editor can do next. */
import type { SequenceSnapshot } from "../core/timeline";
import type { JobRecord } from "../jobs/jobRecord";
import type { JobStateName, JobView, RequestView } from "./api";
import type { RequestRecord } from "./requestLog";
import { trackLabel } from "./views";

export function stateName(j: JobRecord): JobStateName {
  if (j.state === "failed") return j.error?.reason === "cancelled" ? "cancelled" : "failed";
  if (j.state === "submitting") return "submitted";
  return j.state;
}

/**
 * The track a job's shot is on: where its clip really is once placed (the host may have moved it
 * off a track that refused it), else where the plan put it.
 */
function jobTrack(request: RequestRecord | undefined, placementId: string | undefined, clipId: string | undefined, s: SequenceSnapshot | null | undefined): string | undefined {
  if (clipId && s) {
    for (const t of s.videoTracks) if (t.clips.some((c) => c.id === clipId)) return trackLabel(s, t.index);
  }
  const p = request?.placements.find((x) => x.id === placementId);
  if (!p) return undefined;
  return s ? trackLabel(s, p.newTrack ? Math.max(p.trackIndex, s.videoTracks.length) : p.trackIndex) : `V${p.trackIndex + 1}`;
}

/** `offTimeline`: jobs whose clip the sequence no longer holds (an Undo took it): shown in the bin, offered again. */
export function jobView(j: JobRecord, request: RequestRecord | undefined, snapshot?: SequenceSnapshot | null, offTimeline: ReadonlySet<string> = new Set()): JobView {
  const off = j.state === "placed" && offTimeline.has(j.id);
  const state = off ? "downloaded" : stateName(j);
  const entry = request?.jobs.find((x) => x.jobId === j.id);
  const placementId = entry?.placementId;
  const takesAvailable = request && placementId ? request.jobs.filter((x) => x.placementId === placementId).length : 1;
  const active = placementId ? (request?.activeTake[placementId] ?? 1) : 1;
  const placedClipId = placementId && !off ? request?.placed[placementId] : undefined;
  const trackName = jobTrack(request, placementId, placedClipId, snapshot);
  const progress = state === "downloaded" || state === "placed" ? 1 : state === "ready" ? 0.98 : (j.progress ?? 0) * 0.95;
  return {
    id: j.id,
    requestId: j.requestId,
    shotNumber: j.request.shotNumber,
    take: j.take,
    name: j.name,
    prompt: j.request.prompt,
    backend: j.backend,
    model: j.request.model,
    state,
    progress,
    ...(j.request.timecode ? { timecode: j.request.timecode } : {}),
    ...(trackName ? { trackName } : {}),
    costUsd: j.costUsd ?? j.estimateUsd,
    ...(j.etaSeconds !== undefined ? { etaSeconds: j.etaSeconds } : {}),
    ...(j.queuePosition !== undefined ? { queuePosition: j.queuePosition } : {}),
    ...(j.waitingFor ? { waitingFor: `Waiting for ${j.waitingFor}` } : {}),
    ...(j.error ? { error: { reason: j.error.reason, message: j.error.message } } : {}),
    ...(j.mediaPath ? { mediaPath: j.mediaPath } : {}),
    ...(j.thumbnailUrl ? { thumbnailUrl: j.thumbnailUrl } : {}),
    ...(placedClipId && active === j.take ? { placedClipId } : {}),
    ...(j.request.bibleEntries?.length ? { bibleEntries: j.request.bibleEntries } : {}),
    takesAvailable,
    canCancel: ["planned", "submitting", "submitted", "running", "ready"].includes(j.state),
    canRetry: j.state === "failed",
    canUseTake: (j.state === "downloaded" || j.state === "placed") && placedClipId !== undefined && active !== j.take,
    canPlaceAgain: off,
  };
}

const SETTLED: readonly JobStateName[] = ["downloaded", "placed", "failed", "cancelled"];

/** One run as the Jobs list heads it: "3 of 8 done", its cost, and whether anything can still be cancelled. */
export function runView(r: RequestRecord, jobs: readonly JobView[]): RequestView {
  const mine = jobs.filter((j) => j.requestId === r.id);
  const done = mine.filter((j) => j.state === "placed" || j.state === "downloaded").length;
  const failed = mine.filter((j) => j.state === "failed" || j.state === "cancelled").length;
  return {
    id: r.id,
    label: r.label,
    kind: r.kind,
    mode: r.mode,
    createdAt: r.createdAt,
    jobIds: r.jobs.map((j) => j.jobId),
    done: mine.every((j) => SETTLED.includes(j.state)),
    total: mine.length,
    finished: done,
    failed,
    costUsd: Math.round(mine.reduce((n, j) => n + (j.state === "cancelled" ? 0 : j.costUsd), 0) * 100) / 100,
    canCancel: mine.some((j) => j.canCancel),
  };
}

/** Job records as the panel shows them: plain states, progress 0–1, what the editor can do next. */
import type { JobRecord } from "../jobs/jobRecord";
import type { JobStateName, JobView } from "./api";
import type { RequestRecord } from "./requestLog";

function stateName(j: JobRecord): JobStateName {
  if (j.state === "failed") return j.error?.reason === "cancelled" ? "cancelled" : "failed";
  if (j.state === "submitting") return "submitted";
  return j.state;
}

export function jobView(j: JobRecord, request: RequestRecord | undefined): JobView {
  const state = stateName(j);
  const entry = request?.jobs.find((x) => x.jobId === j.id);
  const placementId = entry?.placementId;
  const takesAvailable = request && placementId ? request.jobs.filter((x) => x.placementId === placementId).length : 1;
  const active = placementId ? (request?.activeTake[placementId] ?? 1) : 1;
  const placedClipId = placementId ? request?.placed[placementId] : undefined;
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
    ...(j.etaSeconds !== undefined ? { etaSeconds: j.etaSeconds } : {}),
    ...(j.queuePosition !== undefined ? { queuePosition: j.queuePosition } : {}),
    ...(j.error ? { error: { reason: j.error.reason, message: j.error.message } } : {}),
    ...(j.mediaPath ? { mediaPath: j.mediaPath } : {}),
    ...(j.thumbnailUrl ? { thumbnailUrl: j.thumbnailUrl } : {}),
    ...(placedClipId && active === j.take ? { placedClipId } : {}),
    ...(j.request.bibleEntries?.length ? { bibleEntries: j.request.bibleEntries } : {}),
    takesAvailable,
    canCancel: ["planned", "submitting", "submitted", "running", "ready"].includes(j.state),
    canRetry: j.state === "failed",
    canUseTake: (j.state === "downloaded" || j.state === "placed") && placedClipId !== undefined && active !== j.take,
  };
}

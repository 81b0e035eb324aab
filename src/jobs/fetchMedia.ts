/**
 * One attempt at bringing a finished shot's media home: a fresh status when the old one may be stale
 * (resumed, retried: signed URLs expire), then a streamed, verified download into the media folder
 * under a safe, unique name. Retries and journaling stay with the engine.
 */
import type { Clock, FileStore } from "../platform/ports";
import { GenerationError } from "../backends/errors";
import type { GenerationBackend, JobStatus } from "../backends/types";
import { bounded } from "./downloadLimits";
import type { JobRecord } from "./jobRecord";
import { type MediaNames, safeFileStem, saveDownload, tempPathFor } from "./mediaFiles";

export type Completed = Extract<JobStatus, { state: "completed" }>;

export interface FetchMediaDeps {
  readonly files: FileStore;
  readonly mediaFolder: () => Promise<string>;
  readonly names: MediaNames;
  readonly clock: Clock;
  /** waits for the provider's request-rate gate */
  readonly takeRate: (signal: AbortSignal) => Promise<void>;
}

/** Resolves with the saved path, or with the provider's final failure; throws GenerationError to retry. */
export async function fetchMedia(job: JobRecord, backend: GenerationBackend, known: Completed | null, d: FetchMediaDeps, signal: AbortSignal): Promise<{ path: string } | { failed: GenerationError }> {
  let status = known;
  if (!status) {
    await d.takeRate(signal);
    const st = await backend.status(job.ref!, signal);
    if (st.state === "failed") return { failed: st.error };
    if (st.state !== "completed") throw new GenerationError("transient", "The provider no longer reports this shot as finished.");
    status = st;
  }
  await d.takeRate(signal);
  const dl = bounded(await backend.download(job.ref!, status, signal), { durationSeconds: job.request.durationSeconds, provider: backend.capabilities().label, clock: d.clock }, signal);
  const dir = await d.mediaFolder();
  await d.files.mkdirp(dir);
  const stem = safeFileStem(job.take > 1 ? `${job.name} take ${job.take}` : job.name);
  const held: string[] = [];
  const reserve = async (): Promise<string> => {
    const p = await d.names.reserve(d.files, dir, stem, dl.extension);
    held.push(p);
    return p;
  };
  try {
    const first = await reserve();
    const saved = await saveDownload(d.files, dl, first, signal, { tempPath: tempPathFor(first, job.id), elsewhere: reserve });
    return { path: saved.path };
  } finally {
    // once on disk the file itself keeps the name taken
    for (const p of held) d.names.release(p);
  }
}

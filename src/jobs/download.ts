/** Bringing a finished shot's media to disk, verified, with bounded retries (fetchMedia.ts does one attempt). */
import { GenerationError } from "../backends/errors";
import type { GenerationBackend } from "../backends/types";
import { rateOf, type EngineContext } from "./context";
import { fetchMedia } from "./fetchMedia";
import type { JobRecord } from "./jobRecord";
import { Outage } from "./outage";
import type { Completed } from "./polling";

export async function download(ctx: EngineContext, job: JobRecord, backend: GenerationBackend, completed: Completed | null, signal: AbortSignal): Promise<void> {
  const { o, store } = ctx;
  const max = o.maxDownloadAttempts ?? 4;
  let status = completed;
  const outage = new Outage(o.clock, o.unreachableDeadlineMs);
  const label = backend.capabilities().label;
  let refreshed = false;
  for (let attempt = job.downloadAttempts + 1; ; attempt++) {
    try {
      const got = await fetchMedia(job, backend, status, { files: o.files, mediaFolder: o.mediaFolder, names: ctx.names, clock: o.clock, takeRate: (sg) => rateOf(ctx, backend).take(sg) }, signal);
      if ("failed" in got) {
        await store.fail(job, got.failed);
        return;
      }
      await store.save({ ...store.current(job.id), state: "downloaded", mediaPath: got.path, completedAt: o.clock.now(), waitingFor: undefined });
      return;
    } catch (e) {
      if (!(e instanceof GenerationError)) throw e;
      job = store.current(job.id);
      // unreachable (no answer at all): ride it out like polling does, without using up attempts
      const unreachable = e.reason === "transient" && e.details.status === undefined && /could not reach/i.test(e.message);
      if (unreachable) {
        const wait = outage.failed(e);
        if (wait === null) {
          await store.fail(job, new GenerationError("transient", `Cutaway could not reach ${label} for ${outage.describe()} to download this finished shot. Retry downloads it without paying again (if the link has not expired).`, e.details));
          return;
        }
        if (job.waitingFor !== label) store.note({ ...job, waitingFor: label });
        status = null;
        attempt--;
        await o.clock.sleep(wait, signal);
        continue;
      }
      // a dead media link is not yet a dead job: ask the provider once for a fresh result (a new
      // signed URL) before calling it expired
      if (e.reason === "expired" && !refreshed) {
        refreshed = true;
        status = null;
        attempt--;
        continue;
      }
      if (!e.retryable || attempt >= max) {
        await store.fail(job, e);
        return;
      }
      await store.save({ ...job, downloadAttempts: attempt });
      status = null;
      await o.clock.sleep((e.details.retryAfterSeconds ?? 2 ** attempt) * 1000, signal);
    }
  }
}

/**
 * Watching a submitted shot until the provider is done with it: polls paced by progress and learned
 * render times (pollPacing.ts), honouring Retry-After, riding out short runs of transient failures.
 */
import { GenerationError } from "../backends/errors";
import type { GenerationBackend, JobStatus } from "../backends/types";
import { rateOf, type EngineContext } from "./context";
import { stillRunning, thumbnailOk, type JobRecord } from "./jobRecord";
import { DEFAULT_PACE, nextPollDelay } from "./pollPacing";

export type Completed = Extract<JobStatus, { state: "completed" }>;

export async function poll(ctx: EngineContext, job: JobRecord, backend: GenerationBackend, signal: AbortSignal): Promise<{ job: JobRecord; completed: Completed | null }> {
  const { o, store } = ctx;
  const key = `${job.backend}/${job.request.model}`;
  let retryAfter: number | undefined;
  let transientFailures = 0;
  /** elapsed time of the last look that found it unfinished: completion lies between that and now */
  let lastUnfinished: number | null = null;
  let first = backend.capabilities().local === true;
  for (;;) {
    const now = o.clock.now();
    const elapsed = now - (job.submittedAt ?? now);
    const delay = first ? 0 : nextPollDelay({ elapsedMs: elapsed, progress: job.progress, etaSeconds: job.etaSeconds, typicalMs: ctx.typical.get(key), retryAfterSeconds: retryAfter }, o.pace ?? DEFAULT_PACE);
    first = false;
    retryAfter = undefined;
    await o.clock.sleep(delay, signal);
    await rateOf(ctx, backend).take(signal);
    let st: JobStatus;
    try {
      st = await backend.status(job.ref!, signal);
      transientFailures = 0;
    } catch (e) {
      if (!(e instanceof GenerationError) || !e.retryable || ++transientFailures > 8) throw e;
      retryAfter = e.details.retryAfterSeconds;
      continue;
    }
    job = store.current(job.id);
    if (st.state === "failed") return { job: await store.fail(job, st.error), completed: null };
    if (st.state === "completed") {
      ctx.typical.learn(key, lastUnfinished, o.clock.now() - (job.submittedAt ?? o.clock.now()));
      const ready = await store.save({ ...job, state: "ready", progress: 1, ...(thumbnailOk(st.thumbnailUrl) ? { thumbnailUrl: st.thumbnailUrl } : {}), ...(st.expiresAt !== undefined ? { expiresAt: st.expiresAt } : {}), ...(st.costUsd !== undefined ? { costUsd: st.costUsd } : {}) });
      return { job: ready, completed: st };
    }
    const next = stillRunning(job, st);
    lastUnfinished = o.clock.now() - (job.submittedAt ?? o.clock.now());
    if (job.state !== "running") await store.save(next);
    else store.note(next);
    job = next;
  }
}

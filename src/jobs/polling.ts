/**
 * Watching a submitted shot until the provider is done with it: polls paced by progress and learned
 * render times (pollPacing.ts), honouring Retry-After, riding out outages (outage.ts) and giving up
 * on a render that never ends only at the job's deadline, with a sentence.
 */
import { GenerationError } from "../backends/errors";
import { priorRenderMs } from "../backends/modelBasics";
import type { GenerationBackend, JobStatus } from "../backends/types";
import { rateOf, type EngineContext } from "./context";
import { stillRunning, thumbnailOk, type JobRecord } from "./jobRecord";
import { Outage } from "./outage";
import { DEFAULT_PACE, nextPollDelay } from "./pollPacing";

/** a render this long is not coming back on its own (the slowest models take minutes, queues an hour) */
export const JOB_DEADLINE_MS = 3 * 3600_000;

const hours = (ms: number): string => (ms >= 2 * 3600_000 ? `${Math.round(ms / 3600_000)} hours` : `${Math.round(ms / 60_000)} minutes`);

export type Completed = Extract<JobStatus, { state: "completed" }>;

export async function poll(ctx: EngineContext, job: JobRecord, backend: GenerationBackend, signal: AbortSignal): Promise<{ job: JobRecord; completed: Completed | null }> {
  const { o, store } = ctx;
  const key = `${job.backend}/${job.request.model}`;
  let retryAfter: number | undefined;
  let wait: number | undefined;
  const outage = new Outage(o.clock, o.unreachableDeadlineMs);
  const label = backend.capabilities().label;
  const deadline = o.jobDeadlineMs ?? JOB_DEADLINE_MS;
  // counted per watch (a Retry or a reopen watches afresh), not from the submit
  const watchFrom = o.clock.now();
  /** elapsed time of the last look that found it unfinished: completion lies between that and now */
  let lastUnfinished: number | null = null;
  let first = backend.capabilities().local === true;
  for (;;) {
    const now = o.clock.now();
    const elapsed = now - (job.submittedAt ?? now);
    if (now - watchFrom > deadline && !outage.active) {
      return { job: await store.fail(job, new GenerationError("transient", `${label} has been working on this shot for over ${hours(deadline)} without finishing, so Cutaway stopped watching it. It may still finish there: Retry looks at it again without paying again.`)), completed: null };
    }
    const delay = first ? 0 : wait !== undefined ? wait : nextPollDelay({ elapsedMs: elapsed, progress: job.progress, etaSeconds: job.etaSeconds, typicalMs: ctx.typical.get(key, o.renderPriors === false ? undefined : priorRenderMs(backend.capabilities(), job.request.model)), retryAfterSeconds: retryAfter }, o.pace ?? DEFAULT_PACE);
    first = false;
    retryAfter = undefined;
    wait = undefined;
    await o.clock.sleep(delay, signal);
    await rateOf(ctx, backend).take(signal);
    let st: JobStatus;
    try {
      st = await backend.status(job.ref!, signal);
    } catch (e) {
      if (!(e instanceof GenerationError) || !e.retryable) throw e;
      const next = outage.failed(e);
      job = store.current(job.id);
      if (next === null) {
        return { job: await store.fail(job, new GenerationError("transient", `Cutaway could not reach ${label} for ${outage.describe()}, so it stopped checking on this shot. ${label} may still have finished it: Retry looks at it again without paying again.`, e.details)), completed: null };
      }
      if (job.waitingFor !== label) store.note((job = { ...job, waitingFor: label }));
      wait = next;
      continue;
    }
    outage.ok();
    job = store.current(job.id);
    if (job.waitingFor !== undefined) job = { ...job, waitingFor: undefined };
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

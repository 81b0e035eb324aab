/**
 * Sending a shot to its provider without ever paying twice: journaled as `submitting` before the
 * create goes out, retried only when nothing can have reached the provider, and reconciled against
 * the provider's own list when the outcome is unknown.
 */
import { GenerationError } from "../backends/errors";
import type { GenerationBackend, GenerationRequest } from "../backends/types";
import { rateOf, type EngineContext } from "./context";
import type { JobRecord } from "./jobRecord";

export async function toRequest(ctx: EngineContext, job: JobRecord): Promise<GenerationRequest> {
  const { firstFramePath, lastFramePath, references, bibleEntries: _names, ...rest } = job.request;
  const read = ctx.o.readImage;
  const refs = references?.length && read ? await Promise.all(references.map(async (r) => ({ ...(await read(r.path)), kind: r.kind, name: r.name }))) : [];
  return {
    ...rest,
    ...(refs.length ? { referenceImages: refs } : {}),
    ...(firstFramePath && read ? { firstFrame: await read(firstFramePath) } : {}),
    ...(lastFramePath && read ? { lastFrame: await read(lastFramePath) } : {}),
  };
}

/** how long the engine keeps looking for a lost create (fal lists a request only once it has ended) */
const RECONCILE_DEADLINE_MS = 30 * 60_000;

const stopped = (): GenerationError => new GenerationError("cancelled", "The engine stopped.");

export async function submit(ctx: EngineContext, job: JobRecord, backend: GenerationBackend, signal: AbortSignal): Promise<JobRecord> {
  const { o, store } = ctx;
  const over = ctx.ledger.wouldExceed(job.estimateUsd, o.budgetCapUsd?.() ?? null);
  if (over) return store.fail(job, new GenerationError("quota", over));
  const attempts = o.maxSubmitAttempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    // journaled BEFORE the create goes out: a crash from here on is reconciled, never re-sent blindly
    // (and counted by the budget at once, so concurrent shots cannot all slip under the cap)
    if (ctx.stopping()) throw stopped();
    await store.save({ ...job, state: "submitting" });
    const request = await toRequest(ctx, job);
    await rateOf(ctx, backend).take(signal);
    if (ctx.stopping()) throw stopped();
    const create = (async () => {
      // not the job's signal: a Cancel while the create is on the wire lets it finish, so the job
      // can be cancelled at the provider (an aborted create still renders and bills, unseen);
      // the HTTP layer's deadlines bound it
      const ref = await backend.submit(request, { idempotencyKey: job.idempotencyKey });
      return store.save({ ...store.current(job.id), state: "submitted", ref, submittedAt: o.clock.now() });
    })();
    ctx.creates.add(create);
    try {
      return await create;
    } catch (e) {
      if (!(e instanceof GenerationError) || ctx.stopping()) throw e;
      if (e.details.outcomeUnknown) return reconcile(ctx, store.current(job.id), backend, signal, e);
      if (!e.retryable || attempt >= attempts) return store.fail(store.current(job.id), e);
      // nothing reached the provider (or it said "later"): safe to send again after a pause
      const wait = (e.details.retryAfterSeconds ?? 2 ** attempt) * 1000;
      rateOf(ctx, backend).holdUntil(o.clock.now() + wait);
      await o.clock.sleep(wait, signal);
    } finally {
      ctx.creates.delete(create);
    }
  }
}

/** The create may have reached the provider: find it there before anything else. */
export async function reconcile(ctx: EngineContext, job: JobRecord, backend: GenerationBackend, signal: AbortSignal, cause?: GenerationError): Promise<JobRecord> {
  const { o, store } = ctx;
  if (!backend.findJob || !backend.capabilities().canListJobs) {
    const name = backend.capabilities().label;
    return store.fail(job, new GenerationError("transient", `Cutaway lost the connection while sending this shot to ${name} and cannot tell whether ${name} received it. Check your ${name} dashboard before sending it again.`, { outcomeUnknown: true }));
  }
  // "not listed yet" is not "never arrived": the backend says when to look again (its list lags),
  // and only its own "not there" after that window makes a new create safe
  const giveUpAt = o.clock.now() + RECONCILE_DEADLINE_MS;
  const sentAt = job.updatedAt;
  let unreachable = 0;
  for (;;) {
    await rateOf(ctx, backend).take(signal);
    try {
      const ref = await backend.findJob(job.idempotencyKey, await toRequest(ctx, job), { sentAt });
      if (ref) return store.save({ ...job, state: "submitted", ref, submittedAt: job.submittedAt ?? o.clock.now() });
      // the provider's own list says it never arrived: sending it is safe now
      const planned = await store.save({ ...job, state: "planned" });
      return submit(ctx, planned, backend, signal);
    } catch (e) {
      if (!(e instanceof GenerationError) || !e.retryable) throw e;
      const notListedYet = e.details.outcomeUnknown === true;
      unreachable = notListedYet ? 0 : unreachable + 1;
      if (unreachable > 5 || o.clock.now() >= giveUpAt) break;
      await o.clock.sleep((e.details.retryAfterSeconds ?? 2 ** unreachable) * 1000, signal);
    }
  }
  throw cause ?? new GenerationError("transient", "Cutaway could not reach the provider to check on this shot; retry it later.", { outcomeUnknown: true });
}

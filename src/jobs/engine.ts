/**
 * The job engine: sends shots to backends and brings verified media back without losing or paying
 * twice for a job.
 *  - Every job is journaled as `submitting` before its create call goes out and as `submitted` (with
 *    the provider's id) as soon as the provider accepts it, then on every state change.
 *  - A create whose outcome is unknown is reconciled (the provider's job list) and never sent again
 *    blindly; where the provider cannot list jobs the editor is told to check before re-running.
 *  - Per-backend concurrency and request-rate gates; polling paced by progress (pollPacing.ts).
 *  - Downloads are streamed to a temp name, verified, then renamed (mediaFiles.ts).
 *  - A restart replays the journal and finishes every unfinished job.
 */
import type { Clock, FileStore } from "../platform/ports";
import { GenerationError } from "../backends/errors";
import type { GenerationBackend, GenerationRequest, ImageInput, JobRef, JobStatus } from "../backends/types";
import { isTerminal, type JobRecord, type JobRequestData, stillRunning, thumbnailOk, UNFINISHED } from "./jobRecord";
import type { Journal } from "./journal";
import { LimitsByBackend, type RateGate } from "./limits";
import { DEFAULT_PACE, nextPollDelay, RenderTimes, type PaceLimits } from "./pollPacing";
import { fetchMedia } from "./fetchMedia";
import { BudgetLedger } from "./ledger";

export interface JobSpec {
  readonly id: string;
  readonly requestId: string;
  readonly shotId: string;
  readonly take: number;
  readonly name: string;
  readonly backend: string;
  readonly request: JobRequestData;
  readonly estimateUsd: number;
}

export interface EngineOptions {
  readonly backend: (id: string) => GenerationBackend | null;
  readonly files: FileStore;
  readonly journal: Journal;
  readonly clock: Clock;
  /** where media goes (beside the project) */
  readonly mediaFolder: () => Promise<string>;
  /** reads a continuity still from disk */
  readonly readImage?: (path: string) => Promise<ImageInput>;
  /** the monthly budget cap in USD, or null for none */
  readonly budgetCapUsd?: () => number | null;
  readonly pace?: PaceLimits;
  readonly maxSubmitAttempts?: number;
  readonly maxDownloadAttempts?: number;
  /** override the backends' suggested limits (settings) */
  readonly concurrency?: (backend: string) => number | undefined;
}

type Listener = (job: JobRecord) => void;

/** how long stop() waits for creates on the wire (provider time) */
const CREATE_DRAIN_MS = 15_000;
const sleepOrAbort = (clock: Clock, ms: number, signal: AbortSignal): Promise<void> => clock.sleep(ms, signal);

export class JobEngine {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly limits: LimitsByBackend;
  private readonly typical = new RenderTimes();
  private readonly listeners = new Set<Listener>();
  private readonly settledWaiters = new Map<string, Array<(j: JobRecord) => void>>();
  private stopped = false;
  private stopping = false;
  /** creates on the wire: stop() waits for them */
  private readonly creates = new Set<Promise<unknown>>();
  readonly ledger: BudgetLedger;

  constructor(private readonly o: EngineOptions) {
    this.ledger = new BudgetLedger(() => this.jobs.values(), o.clock);
    this.limits = new LimitsByBackend(o.clock, (id) => o.concurrency?.(id));
  }

  /** Replays the journal and resumes every unfinished job. */
  async start(): Promise<{ resumed: number; skippedLines: number }> {
    const { jobs, skipped } = await this.o.journal.load();
    let resumed = 0;
    for (const j of jobs.values()) {
      this.jobs.set(j.id, j);
      if (UNFINISHED.has(j.state)) {
        resumed++;
        this.drive(j.id);
      }
    }
    return { resumed, skippedLines: skipped };
  }

  /** Journals the jobs as planned (resolves once they are on disk), then runs them. */
  async enqueue(specs: readonly JobSpec[]): Promise<JobRecord[]> {
    const now = this.o.clock.now();
    const out: JobRecord[] = [];
    for (const s of specs) {
      if (this.jobs.has(s.id)) throw new GenerationError("invalid_request", `Job ${s.id} already exists.`);
      const job: JobRecord = { ...s, idempotencyKey: `cutaway-${s.id}`, state: "planned", createdAt: now, updatedAt: now, downloadAttempts: 0 };
      await this.save(job);
      out.push(job);
    }
    for (const j of out) this.drive(j.id);
    return out;
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  list(): JobRecord[] {
    return [...this.jobs.values()];
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Resolves when the job is downloaded, placed or failed. */
  settled(id: string): Promise<JobRecord> {
    const j = this.jobs.get(id);
    if (!j) return Promise.reject(new GenerationError("invalid_request", `No job ${id}.`));
    if (isTerminal(j)) return Promise.resolve(j);
    return new Promise((resolve) => {
      const list = this.settledWaiters.get(id) ?? [];
      list.push(resolve);
      this.settledWaiters.set(id, list);
    });
  }

  /** Stops polling, frees the slot, and asks the provider to stop (best effort). */
  async cancel(id: string): Promise<void> {
    const j = this.jobs.get(id);
    if (!j || isTerminal(j)) return;
    this.controllers.get(id)?.abort(new GenerationError("cancelled", "Cancelled."));
    const backend = this.o.backend(j.backend);
    if (j.ref && backend) await backend.cancel(j.ref).catch(() => undefined);
    await this.running.get(id);
    const now = this.jobs.get(id)!;
    if (!isTerminal(now)) await this.save({ ...now, state: "failed", error: { reason: "cancelled", message: "Cancelled. Nothing more will be charged for this shot." } });
  }

  /**
   * Runs a failed job again. A job the provider may already have accepted is never sent twice: it is
   * polled (if it has an id) or needs `force` after the editor checked the provider's dashboard.
   */
  async retry(id: string, opts: { force?: boolean } = {}): Promise<JobRecord> {
    const j = this.jobs.get(id);
    if (!j || j.state !== "failed") throw new GenerationError("invalid_request", "Only a failed shot can be retried.");
    if (j.error?.outcomeUnknown && !opts.force) {
      throw new GenerationError("invalid_request", "Cutaway cannot tell whether the provider received this shot. Check the provider's dashboard, then choose “Send again anyway”.");
    }
    const base = { ...j, error: undefined, downloadAttempts: 0, updatedAt: this.o.clock.now() };
    const next: JobRecord = j.ref && j.error?.reason !== "content_policy" && j.error?.reason !== "cancelled" && j.error?.reason !== "expired" ? { ...base, state: "submitted" } : { ...base, state: "planned", ref: undefined, idempotencyKey: `cutaway-${j.id}-r${this.o.clock.now()}` };
    await this.save(next);
    this.drive(id);
    return next;
  }

  async markPlaced(id: string): Promise<void> {
    const j = this.jobs.get(id);
    if (j && j.state === "downloaded") await this.save({ ...j, state: "placed" });
  }

  /**
   * Shutdown (panel closed or reloaded): no new create starts, loops stop, nothing more is written.
   * A create already on the wire is let finish (bounded) so its provider id reaches the journal:
   * aborting it would leave a job the provider bills but nobody can find again.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.creates.size > 0) {
      const timer = new AbortController();
      await Promise.race([Promise.allSettled([...this.creates]), this.o.clock.sleep(CREATE_DRAIN_MS, timer.signal).catch(() => undefined)]);
      timer.abort();
    }
    this.stopped = true;
    for (const c of this.controllers.values()) c.abort(new GenerationError("cancelled", "The panel closed."));
    await Promise.allSettled([...this.running.values()]);
  }

  private rate(backend: GenerationBackend): RateGate {
    return this.limits.of(backend).rate;
  }

  private async save(job: JobRecord): Promise<void> {
    if (this.stopped) throw new GenerationError("cancelled", "The engine stopped.");
    const j = { ...job, updatedAt: this.o.clock.now() };
    this.jobs.set(j.id, j);
    await this.o.journal.write(j);
    this.emit(j);
  }

  /** Progress that is not a state change: shown, not journaled (the journal stays small). */
  private note(job: JobRecord): void {
    this.jobs.set(job.id, job);
    this.emit(job);
  }

  private emit(j: JobRecord): void {
    for (const l of this.listeners) l(j);
    if (isTerminal(j)) {
      const waiters = this.settledWaiters.get(j.id);
      this.settledWaiters.delete(j.id);
      waiters?.forEach((w) => w(j));
    }
  }

  private drive(id: string): void {
    if (this.running.has(id)) return;
    const ctrl = new AbortController();
    this.controllers.set(id, ctrl);
    const p = this.run(id, ctrl.signal)
      .catch(async (e: unknown) => {
        if (this.stopping || ctrl.signal.aborted) return;
        const j = this.jobs.get(id)!;
        const err = e instanceof GenerationError ? e : new GenerationError("transient", "Something went wrong while generating this shot; retry it.");
        await this.fail(j, err).catch(() => undefined);
      })
      .finally(() => {
        this.running.delete(id);
        this.controllers.delete(id);
      });
    this.running.set(id, p);
  }

  private async fail(j: JobRecord, e: GenerationError): Promise<void> {
    await this.save({ ...j, state: "failed", error: { reason: e.reason, message: e.message, ...(e.details.outcomeUnknown ? { outcomeUnknown: true } : {}) } });
  }

  private async run(id: string, signal: AbortSignal): Promise<void> {
    let job = this.jobs.get(id)!;
    const backend = this.o.backend(job.backend);
    if (!backend) return this.fail(job, new GenerationError("invalid_request", `The backend "${job.backend}" is not available; pick another in the panel.`));
    let completed: Extract<JobStatus, { state: "completed" }> | null = null;
    if (job.state !== "ready") {
      // the provider's slot is held from submit to finish; the download (usually from a CDN) does
      // not hold it, so the next shot starts rendering while this one is fetched
      const release = await this.limits.of(backend).jobs.acquire(signal);
      try {
        if (job.state === "planned") job = await this.submit(job, backend, signal);
        if (job.state === "submitting") job = await this.reconcile(job, backend, signal);
        if (job.state === "submitted" || job.state === "running") ({ job, completed } = await this.poll(job, backend, signal));
      } finally {
        release();
      }
    }
    if (job.state !== "ready") return;
    const release = await this.limits.of(backend).downloads.acquire(signal);
    try {
      await this.download(job, backend, completed, signal);
    } finally {
      release();
    }
  }

  private async toRequest(job: JobRecord): Promise<GenerationRequest> {
    const { firstFramePath, lastFramePath, ...rest } = job.request;
    const read = this.o.readImage;
    return {
      ...rest,
      ...(firstFramePath && read ? { firstFrame: await read(firstFramePath) } : {}),
      ...(lastFramePath && read ? { lastFrame: await read(lastFramePath) } : {}),
    };
  }

  private async submit(job: JobRecord, backend: GenerationBackend, signal: AbortSignal): Promise<JobRecord> {
    const cap = this.o.budgetCapUsd?.() ?? null;
    const over = this.ledger.wouldExceed(job.estimateUsd, cap);
    if (over) {
      await this.fail(job, new GenerationError("quota", over));
      return this.jobs.get(job.id)!;
    }
    const attempts = this.o.maxSubmitAttempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      // journaled BEFORE the create goes out: a crash from here on is reconciled, never re-sent blindly
      // (and counted by the budget at once, so concurrent shots cannot all slip under the cap)
      if (this.stopping) throw new GenerationError("cancelled", "The engine stopped.");
      await this.save({ ...job, state: "submitting" });
      const request = await this.toRequest(job);
      await this.rate(backend).take(signal);
      if (this.stopping) throw new GenerationError("cancelled", "The engine stopped.");
      const create = (async () => {
        const ref = await backend.submit(request, { idempotencyKey: job.idempotencyKey, signal });
        const accepted: JobRecord = { ...this.jobs.get(job.id)!, state: "submitted", ref, submittedAt: this.o.clock.now() };
        await this.save(accepted);
        return accepted;
      })();
      this.creates.add(create);
      try {
        return await create;
      } catch (e) {
        if (!(e instanceof GenerationError) || this.stopping) throw e;
        if (e.details.outcomeUnknown) return this.reconcile(this.jobs.get(job.id)!, backend, signal, e);
        if (!e.retryable || attempt >= attempts) {
          await this.fail(this.jobs.get(job.id)!, e);
          return this.jobs.get(job.id)!;
        }
        // nothing reached the provider (or it said "later"): safe to send again after a pause
        const wait = (e.details.retryAfterSeconds ?? 2 ** attempt) * 1000;
        this.rate(backend).holdUntil(this.o.clock.now() + wait);
        await sleepOrAbort(this.o.clock, wait, signal);
      } finally {
        this.creates.delete(create);
      }
    }
  }

  /** The create may have reached the provider: find it there before anything else. */
  private async reconcile(job: JobRecord, backend: GenerationBackend, signal: AbortSignal, cause?: GenerationError): Promise<JobRecord> {
    if (!backend.findJob || !backend.capabilities().canListJobs) {
      const name = backend.capabilities().label;
      await this.fail(job, new GenerationError("transient", `Cutaway lost the connection while sending this shot to ${name} and cannot tell whether ${name} received it. Check your ${name} dashboard before sending it again.`, { outcomeUnknown: true }));
      return this.jobs.get(job.id)!;
    }
    for (let attempt = 1; attempt <= 5; attempt++) {
      await this.rate(backend).take(signal);
      try {
        const ref = await backend.findJob(job.idempotencyKey, await this.toRequest(job));
        if (ref) {
          const found: JobRecord = { ...job, state: "submitted", ref, submittedAt: job.submittedAt ?? this.o.clock.now() };
          await this.save(found);
          return found;
        }
        // the provider's own list says it never arrived: sending it is safe now
        const planned: JobRecord = { ...job, state: "planned" };
        await this.save(planned);
        return this.submit(planned, backend, signal);
      } catch (e) {
        if (!(e instanceof GenerationError) || !e.retryable) throw e;
        await sleepOrAbort(this.o.clock, (e.details.retryAfterSeconds ?? 2 ** attempt) * 1000, signal);
      }
    }
    throw cause ?? new GenerationError("transient", "Cutaway could not reach the provider to check on this shot; retry it later.", { outcomeUnknown: true });
  }

  private async poll(job: JobRecord, backend: GenerationBackend, signal: AbortSignal): Promise<{ job: JobRecord; completed: Extract<JobStatus, { state: "completed" }> | null }> {
    const key = `${job.backend}/${job.request.model}`;
    let retryAfter: number | undefined;
    let transientFailures = 0;
    /** elapsed time of the last look that found it unfinished: completion lies between that and now */
    let lastUnfinished: number | null = null;
    let first = backend.capabilities().local === true;
    for (;;) {
      const now = this.o.clock.now();
      const elapsed = now - (job.submittedAt ?? now);
      const delay = first ? 0 : nextPollDelay({ elapsedMs: elapsed, progress: job.progress, etaSeconds: job.etaSeconds, typicalMs: this.typical.get(key), retryAfterSeconds: retryAfter }, this.o.pace ?? DEFAULT_PACE);
      first = false;
      retryAfter = undefined;
      await sleepOrAbort(this.o.clock, delay, signal);
      await this.rate(backend).take(signal);
      let st: JobStatus;
      try {
        st = await backend.status(job.ref!, signal);
        transientFailures = 0;
      } catch (e) {
        if (!(e instanceof GenerationError) || !e.retryable || ++transientFailures > 8) throw e;
        retryAfter = e.details.retryAfterSeconds;
        continue;
      }
      job = this.jobs.get(job.id)!;
      if (st.state === "failed") {
        await this.fail(job, st.error);
        return { job: this.jobs.get(job.id)!, completed: null };
      }
      if (st.state === "completed") {
        this.typical.learn(key, lastUnfinished, this.o.clock.now() - (job.submittedAt ?? this.o.clock.now()));
        const ready: JobRecord = { ...job, state: "ready", progress: 1, ...(thumbnailOk(st.thumbnailUrl) ? { thumbnailUrl: st.thumbnailUrl } : {}), ...(st.expiresAt !== undefined ? { expiresAt: st.expiresAt } : {}), ...(st.costUsd !== undefined ? { costUsd: st.costUsd } : {}) };
        await this.save(ready);
        return { job: ready, completed: st };
      }
      const next = stillRunning(job, st);
      lastUnfinished = this.o.clock.now() - (job.submittedAt ?? this.o.clock.now());
      if (job.state !== "running") await this.save(next);
      else this.note(next);
      job = next;
    }
  }

  private async download(job: JobRecord, backend: GenerationBackend, completed: Extract<JobStatus, { state: "completed" }> | null, signal: AbortSignal): Promise<void> {
    const max = this.o.maxDownloadAttempts ?? 4;
    let status = completed;
    for (let attempt = job.downloadAttempts + 1; ; attempt++) {
      try {
        const got = await fetchMedia(job, backend, status, { files: this.o.files, mediaFolder: this.o.mediaFolder, takeRate: (sg) => this.rate(backend).take(sg) }, signal);
        if ("failed" in got) return this.fail(job, got.failed);
        await this.save({ ...this.jobs.get(job.id)!, state: "downloaded", mediaPath: got.path, completedAt: this.o.clock.now() });
        return;
      } catch (e) {
        if (!(e instanceof GenerationError)) throw e;
        job = this.jobs.get(job.id)!;
        if (!e.retryable || attempt >= max) return this.fail(job, e);
        await this.save({ ...job, downloadAttempts: attempt });
        status = null;
        await sleepOrAbort(this.o.clock, (e.details.retryAfterSeconds ?? 2 ** attempt) * 1000, signal);
      }
    }
  }
}

export type { JobRef };

/**
 * The job engine: sends shots to backends and brings verified media back without losing or paying
 * twice for a job. It schedules; each step lives in its own room:
 *  - jobStore.ts + transitions.ts: every state change, checked (only forward) and journaled;
 *  - submission.ts: journal before create, safe retries, reconciliation of unknown outcomes;
 *  - polling.ts: paced status checks; download.ts + fetchMedia.ts: verified media on disk;
 *  - limits.ts: per-backend concurrency and request-rate gates; ledger.ts: spend and the budget cap.
 * A restart replays the journal and finishes every unfinished job.
 */
import { GenerationError } from "../backends/errors";
import type { JobRef } from "../backends/types";
import type { EngineContext, EngineOptions, JobSpec } from "./context";
import { download } from "./download";
import { isTerminal, type JobRecord, UNFINISHED, unreadableBecause } from "./jobRecord";
import { JobStore, type JobListener } from "./jobStore";
import { BudgetLedger } from "./ledger";
import { LimitsByBackend } from "./limits";
import { MediaNames } from "./mediaFiles";
import { RenderTimes } from "./pollPacing";
import { poll, type Completed } from "./polling";
import { reconcile, submit } from "./submission";
import { JournalFenced, LEASE_STALE_MS } from "./journalLease";

export type { EngineOptions, JobSpec } from "./context";

/** how long stop() waits for creates on the wire (provider time) */
const CREATE_DRAIN_MS = 15_000;

export class JobEngine {
  private readonly store: JobStore;
  private readonly ctx: EngineContext;
  private readonly controllers = new Map<string, AbortController>();
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private readonly heartbeat = new AbortController();
  private renewing = false;
  readonly ledger: BudgetLedger;

  constructor(private readonly o: EngineOptions) {
    this.store = new JobStore(o.journal, o.clock);
    this.ledger = new BudgetLedger(() => this.store.values(), o.clock);
    this.ctx = {
      o,
      store: this.store,
      limits: new LimitsByBackend(o.clock, (id) => o.concurrency?.(id)),
      typical: new RenderTimes(),
      ledger: this.ledger,
      names: new MediaNames(),
      creates: new Set(),
      stopping: () => this.stopping || this.store.isClosed,
    };
    // fenced off by a newer engine on the same journal: stop acting on jobs it now owns
    this.store.onFenced = () => {
      for (const c of this.controllers.values()) c.abort(new GenerationError("cancelled", "Another Cutaway panel took over these jobs."));
      this.heartbeat.abort();
    };
  }

  /**
   * Becomes the journal's one writer (waiting for an older engine on it to stop), replays it and
   * resumes every unfinished job.
   */
  async start(): Promise<{ resumed: number; skippedLines: number; notice: string | null }> {
    let loaded;
    try {
      await this.o.journal.claim(this.o.clock, this.heartbeat.signal);
      loaded = await this.o.journal.load();
    } catch (e) {
      // never an unhandled rejection at panel start: the editor gets a sentence instead
      return { resumed: 0, skippedLines: 0, notice: `Cutaway could not open its job journal (${e instanceof Error ? e.message : String(e)}); shots from before the panel was closed are not shown. Reopen the panel to try again.` };
    }
    const { jobs, skipped, notice } = loaded;
    this.claimKnownJobs(jobs.values());
    let resumed = 0;
    for (const j of jobs.values()) {
      this.store.adopt(j);
      if (UNFINISHED.has(j.state)) {
        resumed++;
        this.drive(j.id);
      }
    }
    return { resumed, skippedLines: skipped, notice };
  }

  /** A backend that finds lost creates by their input must never hand one shot's job to another (a sibling take). */
  private claimKnownJobs(jobs: Iterable<JobRecord>): void {
    const byBackend = new Map<string, string[]>();
    for (const j of jobs) if (j.ref) byBackend.set(j.backend, [...(byBackend.get(j.backend) ?? []), j.ref.providerJobId]);
    for (const [id, refs] of byBackend) this.o.backend(id)?.claimJobs?.(refs);
  }

  /** Journals the jobs as planned (resolves once they are on disk), then runs them. */
  async enqueue(specs: readonly JobSpec[]): Promise<JobRecord[]> {
    const now = this.o.clock.now();
    const records: JobRecord[] = specs.map((s) => ({ ...s, idempotencyKey: `cutaway-${s.id}`, state: "planned", createdAt: now, updatedAt: now, downloadAttempts: 0 }));
    // all or none: a shot the journal could not read back refuses the request before any is written
    for (const r of records) {
      if (this.store.has(r.id)) throw new GenerationError("invalid_request", `Job ${r.id} already exists.`);
      const bad = unreadableBecause(r);
      if (bad) throw new GenerationError("invalid_request", `Cutaway could not keep shot ${r.request.shotNumber} in its job journal (${bad}), so nothing was sent. Shorten its prompt or name and try again.`);
    }
    const out: JobRecord[] = [];
    for (const r of records) out.push(await this.store.save(r));
    for (const j of out) this.drive(j.id);
    return out;
  }

  get(id: string): JobRecord | undefined {
    return this.store.get(id);
  }

  list(): JobRecord[] {
    return this.store.list();
  }

  subscribe(l: JobListener): () => void {
    return this.store.subscribe(l);
  }

  /** Resolves when the job is downloaded, placed or failed. */
  settled(id: string): Promise<JobRecord> {
    return this.store.settled(id);
  }

  /** Stops polling, frees the slot, and asks the provider to stop (best effort). */
  async cancel(id: string): Promise<void> {
    const j = this.store.get(id);
    if (!j || isTerminal(j)) return;
    this.controllers.get(id)?.abort(new GenerationError("cancelled", "Cancelled."));
    const backend = this.o.backend(j.backend);
    if (j.ref && backend) await backend.cancel(j.ref).catch(() => undefined);
    await this.running.get(id);
    const now = this.store.current(id);
    // the create was on the wire: it finished with a provider id, so stop it there too (its cost
    // stays in the ledger, as the job keeps its ref)
    if (!j.ref && now.ref && backend) await backend.cancel(now.ref).catch(() => undefined);
    if (!isTerminal(now)) await this.store.save({ ...now, state: "failed", error: { reason: "cancelled", message: "Cancelled. Nothing more will be charged for this shot." } });
  }

  /**
   * Runs a failed job again. A job the provider may already have accepted is never sent twice: it is
   * polled (if it has an id) or needs `force` after the editor checked the provider's dashboard. A
   * retry that sends a new paid create needs `spendAgain`, and its refusal names the cost.
   */
  async retry(id: string, opts: { force?: boolean; spendAgain?: boolean } = {}): Promise<JobRecord> {
    const j = this.store.get(id);
    if (!j || j.state !== "failed") throw new GenerationError("invalid_request", "Only a failed shot can be retried.");
    if (j.error?.outcomeUnknown && !opts.force) {
      throw new GenerationError("invalid_request", "Cutaway cannot tell whether the provider received this shot. Check the provider's dashboard, then choose “Send again anyway”.");
    }
    const base = { ...j, error: undefined, downloadAttempts: 0, updatedAt: this.o.clock.now() };
    const resumable = j.ref && j.error?.reason !== "content_policy" && j.error?.reason !== "cancelled" && j.error?.reason !== "expired";
    // the provider had this shot (it may have charged for it): a new create is a second payment
    if (!resumable && j.ref && j.estimateUsd > 0 && !opts.spendAgain) {
      const label = this.o.backend(j.backend)?.capabilities().label ?? j.backend;
      throw new GenerationError("invalid_request", `Retrying this shot sends a new paid job to ${label} (about $${j.estimateUsd.toFixed(2)}); the earlier render cannot be collected. Choose “Generate again for $${j.estimateUsd.toFixed(2)}” to spend it.`);
    }
    const next = await this.store.save(resumable ? { ...base, state: "submitted" } : { ...base, state: "planned", ref: undefined, idempotencyKey: `cutaway-${j.id}-r${this.o.clock.now()}` });
    this.drive(id);
    return next;
  }

  async markPlaced(id: string): Promise<void> {
    const j = this.store.get(id);
    if (j && j.state === "downloaded") await this.store.save({ ...j, state: "placed" });
  }

  /**
   * Shutdown (panel closed or reloaded): no new create starts, loops stop, nothing more is written.
   * A create already on the wire is let finish (bounded) so its provider id reaches the journal:
   * aborting it would leave a job the provider bills but nobody can find again.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.ctx.creates.size > 0) {
      const timer = new AbortController();
      await Promise.race([Promise.allSettled([...this.ctx.creates]), this.o.clock.sleep(CREATE_DRAIN_MS, timer.signal).catch(() => undefined)]);
      timer.abort();
    }
    this.store.close();
    for (const c of this.controllers.values()) c.abort(new GenerationError("cancelled", "The panel closed."));
    await Promise.allSettled([...this.running.values()]);
    this.heartbeat.abort();
    await this.o.journal.lease.release(this.o.clock).catch(() => undefined);
  }

  /**
   * Keeps the lease fresh while jobs run, so a second engine waits instead of taking the journal
   * over; an idle engine lets it go stale (it has nothing to write).
   */
  private async renewLease(): Promise<void> {
    const signal = this.heartbeat.signal;
    while (!signal.aborted && this.running.size > 0) {
      await this.o.clock.sleep(LEASE_STALE_MS / 3, signal).catch(() => undefined);
      if (signal.aborted) return;
      await this.o.journal.lease.renew(this.o.clock).catch((e: unknown) => {
        if (!(e instanceof JournalFenced) || this.store.isClosed) return;
        this.store.close();
        this.store.onFenced();
      });
    }
  }

  private drive(id: string): void {
    if (this.running.has(id)) return;
    const ctrl = new AbortController();
    this.controllers.set(id, ctrl);
    const p = this.run(id, ctrl.signal)
      .catch(async (e: unknown) => {
        if (this.stopping || ctrl.signal.aborted) return;
        const err = e instanceof GenerationError ? e : new GenerationError("transient", "Something went wrong while generating this shot; retry it.");
        await this.store.fail(this.store.current(id), err).catch(() => undefined);
      })
      .finally(() => {
        this.running.delete(id);
        this.controllers.delete(id);
      });
    this.running.set(id, p);
    if (!this.renewing) {
      this.renewing = true;
      void this.renewLease().finally(() => (this.renewing = false));
    }
  }

  private async run(id: string, signal: AbortSignal): Promise<void> {
    let job = this.store.current(id);
    const backend = this.o.backend(job.backend);
    if (!backend) {
      await this.store.fail(job, new GenerationError("invalid_request", `The backend "${job.backend}" is not available; pick another in the panel.`));
      return;
    }
    const limits = this.ctx.limits.of(backend);
    let completed: Completed | null = null;
    if (job.state !== "ready") {
      // the provider's slot is held from submit to finish; the download (usually from a CDN) does
      // not hold it, so the next shot starts rendering while this one is fetched
      const release = await limits.jobs.acquire(signal);
      try {
        if (job.state === "planned") job = await submit(this.ctx, job, backend, signal);
        if (job.state === "submitting") job = await reconcile(this.ctx, job, backend, signal);
        if (job.state === "submitted" || job.state === "running") ({ job, completed } = await poll(this.ctx, job, backend, signal));
      } finally {
        release();
      }
    }
    if (job.state !== "ready") return;
    const release = await limits.downloads.acquire(signal);
    try {
      await download(this.ctx, job, backend, completed, signal);
    } finally {
      release();
    }
  }
}

export type { JobRef };

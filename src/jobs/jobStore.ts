/**
 * The engine's memory of its jobs and the only writer of the journal: every state change is checked
 * against the transition table, journaled, then announced to listeners and to `settled` waiters.
 */
import { GenerationError } from "../backends/errors";
import type { Clock } from "../platform/ports";
import { isTerminal, unreadableBecause, type JobRecord } from "./jobRecord";
import { JournalUnreadable, type Journal } from "./journal";
import { JournalFenced } from "./journalLease";
import { canMove, IllegalTransition } from "./transitions";

export type JobListener = (job: JobRecord) => void;

export class JobStore {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly listeners = new Set<JobListener>();
  private readonly settledWaiters = new Map<string, Array<(j: JobRecord) => void>>();
  private closed = false;
  /** called once when another engine took the journal over */
  onFenced: () => void = () => undefined;

  constructor(
    private readonly journal: Journal,
    private readonly clock: Clock,
  ) {}

  /** Takes what the journal held (replay), without writing it again. */
  adopt(j: JobRecord): void {
    this.jobs.set(j.id, j);
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  get(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  /** The latest record of a job the caller knows exists. */
  current(id: string): JobRecord {
    const j = this.jobs.get(id);
    if (!j) throw new GenerationError("invalid_request", `No job ${id}.`);
    return j;
  }

  list(): JobRecord[] {
    return [...this.jobs.values()];
  }

  values(): IterableIterator<JobRecord> {
    return this.jobs.values();
  }

  subscribe(l: JobListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

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

  /** A state change: checked, journaled, announced. */
  async save(job: JobRecord): Promise<JobRecord> {
    if (this.closed) throw new GenerationError("cancelled", "The engine stopped.");
    const before = this.jobs.get(job.id);
    if (before && !canMove(before.state, job.state)) throw new IllegalTransition(job.id, before.state, job.state);
    const j = { ...job, updatedAt: this.clock.now() };
    // a line the load schema would refuse is lost on the next reload, with its paid render: never write one
    const bad = unreadableBecause(j);
    if (bad) throw new GenerationError("invalid_request", `Cutaway could not keep this shot in its job journal (${bad}), so it was not sent. Shorten the prompt or the shot's name and try again.`);
    this.jobs.set(j.id, j);
    try {
      await this.journal.write(j);
    } catch (e) {
      if (e instanceof JournalUnreadable) throw new GenerationError("invalid_request", e.message);
      if (!(e instanceof JournalFenced)) throw e;
      // the other engine owns these jobs now: this one neither writes nor acts on them again
      if (!this.closed) {
        this.closed = true;
        this.onFenced();
      }
      throw new GenerationError("cancelled", e.message);
    }
    this.emit(j);
    return j;
  }

  async fail(j: JobRecord, e: GenerationError): Promise<JobRecord> {
    return this.save({ ...j, state: "failed", error: { reason: e.reason, message: e.message, ...(e.details.outcomeUnknown ? { outcomeUnknown: true } : {}) } });
  }

  /** Progress that is not a state change: shown, not journaled (the journal stays small). */
  note(job: JobRecord): void {
    this.jobs.set(job.id, job);
    this.emit(job);
  }

  /** Nothing more is written once the engine has stopped. */
  close(): void {
    this.closed = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private emit(j: JobRecord): void {
    for (const l of this.listeners) l(j);
    if (isTerminal(j)) {
      const waiters = this.settledWaiters.get(j.id);
      this.settledWaiters.delete(j.id);
      waiters?.forEach((w) => w(j));
    }
  }
}

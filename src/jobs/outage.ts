/**
 * Riding out a provider that cannot be reached. A paid job is never failed for a short outage: the
 * engine backs off (up to a few minutes between looks), says "waiting for <provider>" on the job,
 * and only gives up after a long deadline — and even then the job keeps its provider id, so Retry
 * looks again without paying again.
 */
import type { GenerationError } from "../backends/errors";
import type { Clock } from "../platform/ports";

/** how long a provider may stay unreachable before Cutaway stops looking on its own */
export const UNREACHABLE_DEADLINE_MS = 6 * 3600_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export class Outage {
  private since: number | null = null;
  private failures = 0;

  constructor(
    private readonly clock: Clock,
    private readonly deadlineMs = UNREACHABLE_DEADLINE_MS,
  ) {}

  get active(): boolean {
    return this.since !== null;
  }

  /** A look failed with a retryable error: the wait before the next, or null once past the deadline. */
  failed(e: GenerationError): number | null {
    const now = this.clock.now();
    if (this.since === null) this.since = now;
    this.failures++;
    if (now - this.since >= this.deadlineMs) return null;
    const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures, 12));
    const wait = e.details.retryAfterSeconds !== undefined ? e.details.retryAfterSeconds * 1000 : backoff;
    return Math.min(wait, this.deadlineMs - (now - this.since));
  }

  ok(): void {
    this.since = null;
    this.failures = 0;
  }

  /** "6 hours", "40 minutes": for the sentence when it gave up */
  describe(): string {
    const min = Math.round(this.deadlineMs / 60_000);
    return min >= 120 ? `${Math.round(min / 60)} hours` : `${min} minutes`;
  }
}

/**
 * For providers that list jobs but take no idempotency key: a create whose answer was lost is found
 * again among the provider's recent jobs. Only jobs created after that create started count (with
 * slack for the provider's clock), and a job once handed to the engine is never adopted again, so
 * two identical shots are never merged into one.
 */

/** How far back a lost create is looked for when this session did not see it start (after a reload). */
const RECONCILE_WINDOW_MS = 15 * 60_000;
/** Provider clocks drift from ours, and some give `created_at` in whole seconds. */
const CLOCK_SKEW_MS = 60_000;

export class LostCreates {
  private readonly started = new Map<string, number>();
  private readonly claimed = new Set<string>();

  constructor(private readonly now: () => number) {}

  /** A create with this idempotency key is about to go out. */
  starting(key: string): void {
    if (!this.started.has(key)) this.started.set(key, this.now());
  }

  /** This provider job belongs to a shot the engine knows: never adopt it for another. */
  claim(id: string): void {
    this.claimed.add(id);
  }

  /** Unclaimed jobs created after the lost create started, newest first. `createdAt` in ms (undefined: unknown, left out). */
  candidates<T extends { readonly id: string }>(key: string, jobs: readonly T[], createdAt: (job: T) => number | undefined): T[] {
    const since = (this.started.get(key) ?? this.now() - RECONCILE_WINDOW_MS) - CLOCK_SKEW_MS;
    return jobs
      .map((job) => ({ job, at: createdAt(job) }))
      .filter((x): x is { job: T; at: number } => !this.claimed.has(x.job.id) && x.at !== undefined && Number.isFinite(x.at) && x.at >= since)
      .sort((a, b) => b.at - a.at)
      .map((x) => x.job);
  }

  /** Unclaimed jobs, whatever their age (a gateway that echoes the idempotency key is matched on it). */
  unclaimed<T extends { readonly id: string }>(jobs: readonly T[]): T[] {
    return jobs.filter((j) => !this.claimed.has(j.id));
  }
}

/**
 * For providers that list jobs but take no idempotency key: a create whose answer was lost is found
 * again among the provider's recent jobs. Only jobs created after that create started count (with
 * slack for the provider's clock), and a job once handed to the engine is never adopted again, so
 * two identical shots are never merged into one.
 * Lists lag: a job missing from the list is "not listed yet", never "never arrived", until a window
 * since the create went out has passed (`notListed`).
 */
import { GenerationError } from "./errors";

/** How far back a lost create is looked for when this session did not see it start (after a reload). */
const RECONCILE_WINDOW_MS = 15 * 60_000;
/** Provider clocks drift from ours, and some give `created_at` in whole seconds. */
const CLOCK_SKEW_MS = 60_000;
/** How long a gateway's job list may take to show a create it accepted. */
export const LIST_LAG_WINDOW_MS = 2 * 60_000;
/** Looks at the list spread over a window: waits double and the last look falls on its end (1+2+4+8 = 15 slices). */
const WINDOW_SLICES = 15;
const MIN_LOOK_WAIT_MS = 2_000;
/** a timer may fire a little early: the look meant for the window's end is aimed past it and counts within this of it */
const END_MARGIN_MS = 1_000;

export class LostCreates {
  private readonly started = new Map<string, number>();
  private readonly claimed = new Set<string>();
  /** first and number of looks per key that found nothing (a create resumed after a reload has no start) */
  private readonly looks = new Map<string, { first: number; n: number }>();

  constructor(private readonly now: () => number) {}

  /** A create with this idempotency key is about to go out (or went out `at`, as the engine's journal says after a reload). */
  starting(key: string, at = this.now()): void {
    if (!this.started.has(key)) this.started.set(key, at);
  }

  /** This provider job belongs to a shot the engine knows: never adopt it for another. */
  claim(id: string): void {
    this.claimed.add(id);
  }

  /** Unclaimed jobs created after the lost create started, newest first. `createdAt` in ms (undefined: unknown, left out). */
  candidates<T extends { readonly id: string }>(key: string, jobs: readonly T[], createdAt: (job: T) => number | undefined): T[] {
    const since = this.since(key);
    return jobs
      .map((job) => ({ job, at: createdAt(job) }))
      .filter((x): x is { job: T; at: number } => !this.claimed.has(x.job.id) && x.at !== undefined && Number.isFinite(x.at) && x.at >= since)
      .sort((a, b) => b.at - a.at)
      .map((x) => x.job);
  }

  /** The earliest a job of this create can have been made (ms): what a list query asks from. */
  since(key: string): number {
    return (this.started.get(key) ?? this.now() - RECONCILE_WINDOW_MS) - CLOCK_SKEW_MS;
  }

  /**
   * The list does not show the create (yet). Seconds to wait before the next look while the window
   * since the create went out (or since the first look, after a reload) lasts; null once it has
   * passed: only then may the create be taken as never arrived. The waits are spread so that a
   * caller that looks five times (the engine's reconcile) makes its last look at the window's end.
   */
  notListed(key: string, windowMs = LIST_LAG_WINDOW_MS): number | null {
    const now = this.now();
    const look = this.looks.get(key) ?? { first: now, n: 0 };
    look.n += 1;
    this.looks.set(key, look);
    const end = (this.started.get(key) ?? look.first) + windowMs;
    const margin = Math.max(END_MARGIN_MS, windowMs / 100);
    if (now >= end - margin) return null;
    const wait = Math.min(end - now + margin, Math.max(MIN_LOOK_WAIT_MS, (windowMs / WINDOW_SLICES) * 2 ** (look.n - 1)));
    return Math.ceil(wait / 1000);
  }

  /**
   * What findJob answers when the list lacks the create: the retryable "not listed yet" to throw
   * (the engine looks again after its `retryAfterSeconds`), or null once the window has passed and
   * the create can be taken as never arrived (sending it is safe then).
   */
  lookAgain(key: string, provider: { readonly label: string; readonly id: string }, windowMs = LIST_LAG_WINDOW_MS): GenerationError | null {
    const wait = this.notListed(key, windowMs);
    if (wait === null) return null;
    return new GenerationError("transient", `${provider.label} does not list this shot yet (its list can lag behind new jobs); Cutaway will look again in ${wait} s before sending it anywhere.`, {
      provider: provider.id,
      outcomeUnknown: true,
      retryAfterSeconds: wait,
    });
  }

  /** Unclaimed jobs, whatever their age (a gateway that echoes the idempotency key is matched on it). */
  unclaimed<T extends { readonly id: string }>(jobs: readonly T[]): T[] {
    return jobs.filter((j) => !this.claimed.has(j.id));
  }
}

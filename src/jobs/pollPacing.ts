/**
 * When to ask again. Polling is the baseline (no webhooks reach a panel), so the pace decides both
 * cost (requests) and how late a finished clip is noticed. With progress from the provider the
 * remaining time is predicted and the poll lands just after it; without, the interval grows with the
 * elapsed time so a long render is not hammered, bounded so completion is noticed within ~10%.
 */
export interface PaceInput {
  /** ms since the job was submitted */
  readonly elapsedMs: number;
  /** 0–1 when the provider reports it */
  readonly progress?: number;
  readonly etaSeconds?: number;
  /** typical render time of this model, learned from earlier jobs (ms) */
  readonly typicalMs?: number;
  readonly retryAfterSeconds?: number;
}

export interface PaceLimits {
  readonly minMs: number;
  readonly maxMs: number;
}

export const DEFAULT_PACE: PaceLimits = { minMs: 1_000, maxMs: 30_000 };

/** the first look at a job whose render time is known in advance */
const EARLY_LOOK_MS = 5_000;

export function nextPollDelay(p: PaceInput, limits: PaceLimits = DEFAULT_PACE): number {
  const clamp = (ms: number): number => Math.min(limits.maxMs, Math.max(limits.minMs, ms));
  if (p.retryAfterSeconds !== undefined && p.retryAfterSeconds > 0) return Math.max(p.retryAfterSeconds * 1000, limits.minMs);
  let total: number | null = null;
  if (p.etaSeconds !== undefined && p.etaSeconds >= 0) total = p.elapsedMs + p.etaSeconds * 1000;
  else if (p.progress !== undefined && p.progress > 0.02 && p.progress < 1) total = p.elapsedMs / p.progress;
  else if (p.typicalMs !== undefined && p.typicalMs > 0) {
    const t = p.typicalMs;
    // one early look to see it queued or rendering (the Jobs row says so, with its queue position)
    // rather than "submitted" for the whole render; then the jump towards the predicted finish
    if (p.elapsedMs < Math.min(EARLY_LOOK_MS, t * 0.1) / 2) return clamp(Math.min(EARLY_LOOK_MS, t * 0.1));
    // overdue: short steps at first (it is probably about to finish), backing off as it runs later
    if (p.elapsedMs >= t) return clamp(Math.max(t * 0.03, (p.elapsedMs - t) * 0.1));
    total = t;
  }
  if (total !== null) {
    const remaining = Math.max(0, total - p.elapsedMs);
    // far from the end: jump most of the way there
    if (remaining > total * 0.1) return clamp(Math.max(remaining * 0.6, total * 0.03));
    // near it: aim just past the predicted finish, so a job that keeps to time is seen ~1% late
    return clamp(Math.max(remaining + total * 0.01, total * 0.02));
  }
  // nothing known: the first look comes soon, then 6% of the time elapsed so far (the finish is
  // seen ≤6% late, and the window it is learned from is narrow enough to aim the next shot by)
  return clamp(Math.max(limits.minMs * 2, p.elapsedMs * 0.06));
}

/** Typical render time per backend/model, learned from finished jobs (a moving average). */
export class RenderTimes {
  private readonly ms = new Map<string, number>();

  /** what was learned, else `priorMs` (the model table's typical render time) for a model not seen yet */
  get(key: string, priorMs?: number): number | undefined {
    return this.ms.get(key) ?? priorMs;
  }

  /**
   * A job finished somewhere between the last look that found it unfinished and the look that found
   * it done: the middle of that window is learned, not the moment it was seen, or every detection
   * delay would inflate the estimate and the next shot's polls drift later.
   */
  learn(key: string, lastUnfinishedMs: number | null, seenDoneMs: number): void {
    const ms = lastUnfinishedMs === null ? seenDoneMs : (lastUnfinishedMs + seenDoneMs) / 2;
    const old = this.ms.get(key);
    this.ms.set(key, old === undefined ? ms : old * 0.7 + ms * 0.3);
  }
}

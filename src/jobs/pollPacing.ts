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

export function nextPollDelay(p: PaceInput, limits: PaceLimits = DEFAULT_PACE): number {
  const clamp = (ms: number): number => Math.min(limits.maxMs, Math.max(limits.minMs, ms));
  if (p.retryAfterSeconds !== undefined && p.retryAfterSeconds > 0) return Math.max(p.retryAfterSeconds * 1000, limits.minMs);
  let total: number | null = null;
  if (p.etaSeconds !== undefined && p.etaSeconds >= 0) total = p.elapsedMs + p.etaSeconds * 1000;
  else if (p.progress !== undefined && p.progress > 0.02 && p.progress < 1) total = p.elapsedMs / p.progress;
  else if (p.typicalMs !== undefined && p.typicalMs > 0) total = Math.max(p.typicalMs, p.elapsedMs * 1.1);
  if (total !== null) {
    const remaining = Math.max(0, total - p.elapsedMs);
    // far from the end: jump most of the way; near it: short steps of 4% of the whole, so the
    // finish is seen ~2% late on average, at the cost of two or three more polls per job
    return clamp(Math.max(remaining * 0.6, total * 0.04));
  }
  // nothing known: the first look comes soon, then 10% of the time elapsed so far
  return clamp(Math.max(limits.minMs * 2, p.elapsedMs * 0.1));
}

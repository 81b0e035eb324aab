/**
 * The cost ledger, derived from the jobs themselves (no second file to drift): what was estimated
 * before submit, what the provider charged where it says, and the budget cap for the calendar month.
 */
import type { Clock } from "../platform/ports";
import type { JobRecord } from "./jobRecord";

/** States in which money may have been spent: anything the provider may have received. */
const SPENDING = new Set(["submitting", "submitted", "running", "ready", "downloaded", "placed"]);

export interface LedgerSummary {
  readonly monthUsd: number;
  readonly estimatedUsd: number;
  readonly actualUsd: number;
  readonly jobs: number;
}

function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}`;
}

export class BudgetLedger {
  constructor(
    private readonly jobs: () => Iterable<JobRecord>,
    private readonly clock: Clock,
  ) {}

  summary(): LedgerSummary {
    const month = monthKey(this.clock.now());
    let monthUsd = 0;
    let estimatedUsd = 0;
    let actualUsd = 0;
    let jobs = 0;
    for (const j of this.jobs()) {
      // a job that failed after submit may still have cost money; count it unless it never left
      const spent = SPENDING.has(j.state) || (j.state === "failed" && j.ref !== undefined && j.error?.reason !== "content_policy");
      if (!spent) continue;
      const usd = j.costUsd ?? j.estimateUsd;
      jobs++;
      estimatedUsd += j.estimateUsd;
      if (j.costUsd !== undefined) actualUsd += j.costUsd;
      if (monthKey(j.createdAt) === month) monthUsd += usd;
    }
    return { monthUsd, estimatedUsd, actualUsd, jobs };
  }

  /** A sentence for the editor when `estimateUsd` more would pass the cap; null when it fits. */
  wouldExceed(estimateUsd: number, capUsd: number | null): string | null {
    if (capUsd === null || estimateUsd <= 0) return null;
    const { monthUsd } = this.summary();
    if (monthUsd + estimateUsd <= capUsd + 1e-9) return null;
    return `This shot ($${estimateUsd.toFixed(2)}) would take this month's spend past your budget cap of $${capUsd.toFixed(2)} (spent $${monthUsd.toFixed(2)}). Raise the cap in Settings to run it.`;
  }
}

/**
 * "Resuming 7 shots…" is true only while those shots are still on their way: the notice goes away
 * by itself once every one of them is placed, in the bin, failed or cancelled.
 */
import type { JobView, Notice } from "./api";
import { notice } from "./notices";

const SETTLED: ReadonlySet<JobView["state"]> = new Set(["placed", "downloaded", "failed", "cancelled"]);

export class ResumeNotice {
  private waiting = new Set<string>();
  private shown: Notice | null = null;

  constructor(private readonly out: { say: (n: Notice) => void; dismiss: (id: string) => void }) {}

  begin(jobIds: readonly string[], message: string): void {
    if (!jobIds.length) return;
    this.waiting = new Set(jobIds);
    this.shown = notice("info", message);
    this.out.say(this.shown);
  }

  settle(jobs: readonly JobView[]): void {
    if (!this.shown) return;
    for (const j of jobs) if (SETTLED.has(j.state)) this.waiting.delete(j.id);
    if (this.waiting.size) return;
    this.out.dismiss(this.shown.id);
    this.shown = null;
  }
}

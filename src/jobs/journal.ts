/**
 * The job journal: append-only JSON lines in the plugin's data folder, one full job record per state
 * change. Replaying keeps the last record of each job. A line that does not parse (a crash mid-write
 * leaves a torn last line) is skipped and counted, never fatal. When the file holds many superseded
 * lines it is compacted by an atomic rewrite. Each line carries the lease epoch of the engine that
 * wrote it (journalLease.ts): a line from an older writer, or one that would move a job backwards,
 * is never replayed.
 */
import type { FileStore } from "../platform/ports";
import type { Clock } from "../platform/ports";
import { jobRecordSchema, type JobRecord } from "./jobRecord";
import { damageNotice, idsInDamagedLine, lostJobs, type LostJob } from "./journalDamage";
import { JournalLease } from "./journalLease";
import { canMove } from "./transitions";

export const JOURNAL_FILE = "journal.jsonl";

export interface JournalLoad {
  readonly jobs: Map<string, JobRecord>;
  /** lines that could not be read (torn or damaged) */
  readonly skipped: number;
  /** lines from a writer that had lost the journal, or that would move a job backwards: not replayed */
  readonly stale: number;
  /** a sentence for the editor when the journal was damaged or could not be read; null otherwise */
  readonly notice: string | null;
}

/** The journal file could not be read at start: nothing is written, so nothing in it is lost. */
export class JournalUnreadable extends Error {
  constructor() {
    super("Cutaway could not read its job journal, so it sends no new shots until the panel is reopened.");
    this.name = "JournalUnreadable";
  }
}

/** the lease epoch a line was written under (lines from before leases count as 0) */
function epochOf(raw: unknown): number {
  const w = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)["writer"] : undefined;
  return typeof w === "number" && Number.isInteger(w) ? w : 0;
}

export class Journal {
  private path: string | null = null;
  private lines = 0;
  private latest = new Map<string, JobRecord>();
  private readonly epochs = new Map<string, number>();
  /** the file exists but could not be read: no write may touch it */
  private unreadable = false;
  /** appends are serialised: two state changes of one job must land in order */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly files: FileStore,
    private readonly compactAfterLines = 5_000,
    readonly lease: JournalLease = new JournalLease(files),
  ) {}

  /** Becomes the journal's one writer (waits while another live engine holds it). */
  claim(clock: Clock, signal?: AbortSignal): Promise<number> {
    return this.lease.acquire(clock, signal);
  }

  private async file(): Promise<string> {
    if (!this.path) this.path = this.files.join(await this.files.dataFolder(), JOURNAL_FILE);
    return this.path;
  }

  async load(): Promise<JournalLoad> {
    const p = await this.file();
    const jobs = new Map<string, JobRecord>();
    let skipped = 0;
    let stale = 0;
    let lines = 0;
    this.epochs.clear();
    const damaged: LostJob[] = [];
    let text = "";
    try {
      if (await this.files.exists(p)) text = await this.files.readText(p);
    } catch (e) {
      // nothing is compacted over a journal that could not be read: its jobs may still be in it
      this.unreadable = true;
      return { jobs, skipped: 0, stale: 0, notice: `Cutaway could not read its job journal (${e instanceof Error ? e.message : String(e)}), so shots from before the panel was closed are not shown and nothing new will be sent. Check that ${p} can be read, then reopen the panel.` };
    }
    {
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        lines++;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch {
          skipped++;
          damaged.push(idsInDamagedLine(line));
          continue;
        }
        const parsed = jobRecordSchema.safeParse(raw);
        if (!parsed.success) {
          skipped++;
          damaged.push(idsInDamagedLine(line));
          continue;
        }
        const j = parsed.data;
        const epoch = epochOf(raw);
        const before = jobs.get(j.id);
        if (before && (epoch < (this.epochs.get(j.id) ?? 0) || !canMove(before.state, j.state))) {
          stale++;
          continue;
        }
        jobs.set(j.id, j);
        this.epochs.set(j.id, epoch);
      }
    }
    this.latest = new Map(jobs);
    this.lines = lines;
    let notice: string | null = null;
    if (skipped > 0) {
      // a torn last line alone is the normal trace of a crash mid-write: not worth a copy
      const tornTail = skipped === 1 && damaged.length === 1 && !text.endsWith("\n");
      const copy = tornTail ? null : await this.keepCopy(text);
      notice = damageNotice(skipped, lostJobs(damaged, jobs), copy);
    }
    // a torn last line would glue onto the next append: rewrite clean before appending
    if (skipped > 0 || stale > 0 || lines > Math.max(this.compactAfterLines, jobs.size * 4)) await this.compact();
    return { jobs, skipped, stale, notice };
  }

  /** The damaged journal as it was, beside it, before compaction rewrites it; null if that failed. */
  private async keepCopy(text: string): Promise<string | null> {
    const dir = await this.files.dataFolder();
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const path = this.files.join(dir, `journal.damaged-${stamp}.jsonl`);
    try {
      await this.files.writeAtomic(path, text);
      return path;
    } catch {
      return null;
    }
  }

  /**
   * Records a job's current state; resolves once the line is on disk. Rejects with JournalFenced
   * (nothing written) once another engine holds the lease.
   */
  write(job: JobRecord): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.unreadable) throw new JournalUnreadable();
      const epoch = this.lease.held;
      if (epoch >= 0) await this.lease.check();
      this.latest.set(job.id, job);
      this.epochs.set(job.id, Math.max(0, epoch));
      await this.files.appendText(await this.file(), this.line(job));
      this.lines++;
      if (this.lines > this.compactAfterLines && this.lines > this.latest.size * 4) await this.compact();
    });
    // a failed append must not wedge every later write; the caller still sees this one fail
    this.queue = next.catch(() => undefined);
    return next;
  }

  private line(j: JobRecord): string {
    return `${JSON.stringify({ ...j, writer: this.epochs.get(j.id) ?? 0 })}\n`;
  }

  private async compact(): Promise<void> {
    const body = [...this.latest.values()].map((j) => this.line(j)).join("");
    await this.files.writeAtomic(await this.file(), body);
    this.lines = this.latest.size;
  }
}

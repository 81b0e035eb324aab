/**
 * The job journal: append-only JSON lines in the plugin's data folder, one full job record per state
 * change. Replaying keeps the last record of each job. A line that does not parse (a crash mid-write
 * leaves a torn last line) is skipped and counted, never fatal. When the file holds many superseded
 * lines it is compacted by an atomic rewrite.
 */
import type { FileStore } from "../platform/ports";
import { jobRecordSchema, type JobRecord } from "./jobRecord";

export const JOURNAL_FILE = "journal.jsonl";

export interface JournalLoad {
  readonly jobs: Map<string, JobRecord>;
  /** lines that could not be read (torn or damaged) */
  readonly skipped: number;
}

export class Journal {
  private path: string | null = null;
  private lines = 0;
  private latest = new Map<string, JobRecord>();
  /** appends are serialised: two state changes of one job must land in order */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly files: FileStore,
    private readonly compactAfterLines = 5_000,
  ) {}

  private async file(): Promise<string> {
    if (!this.path) this.path = this.files.join(await this.files.dataFolder(), JOURNAL_FILE);
    return this.path;
  }

  async load(): Promise<JournalLoad> {
    const p = await this.file();
    const jobs = new Map<string, JobRecord>();
    let skipped = 0;
    let lines = 0;
    if (await this.files.exists(p)) {
      const text = await this.files.readText(p);
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        lines++;
        try {
          const parsed = jobRecordSchema.safeParse(JSON.parse(line));
          if (parsed.success) jobs.set(parsed.data.id, parsed.data);
          else skipped++;
        } catch {
          skipped++;
        }
      }
    }
    this.latest = new Map(jobs);
    this.lines = lines;
    // a torn last line would glue onto the next append: rewrite clean before appending
    if (skipped > 0 || lines > Math.max(this.compactAfterLines, jobs.size * 4)) await this.compact();
    return { jobs, skipped };
  }

  /** Records a job's current state; resolves once the line is on disk. */
  write(job: JobRecord): Promise<void> {
    const line = `${JSON.stringify(job)}\n`;
    this.latest.set(job.id, job);
    const next = this.queue.then(async () => {
      await this.files.appendText(await this.file(), line);
      this.lines++;
      if (this.lines > this.compactAfterLines && this.lines > this.latest.size * 4) await this.compact();
    });
    // a failed append must not wedge every later write; the caller still sees this one fail
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async compact(): Promise<void> {
    const body = [...this.latest.values()].map((j) => JSON.stringify(j)).join("\n");
    await this.files.writeAtomic(await this.file(), body ? `${body}\n` : "");
    this.lines = this.latest.size;
  }
}

/**
 * One writer per journal. A panel closed and reopened can leave two engines alive on one journal;
 * if both wrote, the older one's late lines would move jobs backwards and a job could be sent or
 * downloaded twice. The lease file names the engine that owns the journal and a rising epoch: a new
 * engine waits for the owner to release it (or for its heartbeat to go stale), and an engine whose
 * lease was taken over is fenced off — its next write is refused.
 */
import { z } from "zod";
import type { Clock, FileStore } from "../platform/ports";

export const LEASE_FILE = "journal.lease";
/** a lease not renewed for this long belongs to an engine that died without releasing it */
export const LEASE_STALE_MS = 30_000;
/**
 * how long a new engine waits for a live owner to let go (longer than the old engine's bounded
 * drain of creates on the wire) before it takes the journal over and fences the old one off:
 * waiting for ever would hang the new panel
 */
export const TAKEOVER_MS = 20_000;

const leaseSchema = z.object({ owner: z.string().min(1).max(100), epoch: z.number().int().min(0), renewedAt: z.number(), released: z.boolean().optional() });
type Lease = z.infer<typeof leaseSchema>;

/** The journal's lease was taken over by another engine: this one must stop writing. */
export class JournalFenced extends Error {
  constructor(readonly owner: string) {
    super("Another Cutaway panel took over these jobs; this one stopped writing to the job journal.");
    this.name = "JournalFenced";
  }
}

let seq = 0;

export class JournalLease {
  private path: string | null = null;
  private epoch = -1;
  readonly owner: string;

  constructor(
    private readonly files: FileStore,
    owner?: string,
  ) {
    this.owner = owner ?? `engine-${Date.now().toString(36)}-${(++seq).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** the epoch this engine writes under (−1 before it holds the lease) */
  get held(): number {
    return this.epoch;
  }

  private async file(): Promise<string> {
    if (!this.path) this.path = this.files.join(await this.files.dataFolder(), LEASE_FILE);
    return this.path;
  }

  private async read(): Promise<Lease | null> {
    const p = await this.file();
    if (!(await this.files.exists(p))) return null;
    try {
      const parsed = leaseSchema.safeParse(JSON.parse(await this.files.readText(p)));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private async write(l: Lease): Promise<void> {
    await this.files.writeAtomic(await this.file(), JSON.stringify(l));
  }

  /**
   * Takes the lease: at once when it is free, released or stale; otherwise waits (polling on the
   * clock) until the other engine releases it, stops renewing it, or TAKEOVER_MS have passed.
   */
  async acquire(clock: Clock, signal?: AbortSignal): Promise<number> {
    const since = clock.now();
    for (;;) {
      const cur = await this.read();
      const now = clock.now();
      const free = !cur || cur.released === true || cur.owner === this.owner || now - cur.renewedAt > LEASE_STALE_MS || now - since >= TAKEOVER_MS;
      if (free) {
        this.epoch = (cur?.epoch ?? 0) + 1;
        await this.write({ owner: this.owner, epoch: this.epoch, renewedAt: now });
        return this.epoch;
      }
      await clock.sleep(500, signal);
    }
  }

  /** Throws JournalFenced when another engine holds the lease now. */
  async check(): Promise<void> {
    const cur = await this.read();
    if (this.epoch < 0 || !cur || cur.owner !== this.owner || cur.epoch !== this.epoch) throw new JournalFenced(cur?.owner ?? "");
  }

  async renew(clock: Clock): Promise<void> {
    await this.check();
    await this.write({ owner: this.owner, epoch: this.epoch, renewedAt: clock.now() });
  }

  /** Hands the journal over: the next engine starts at once instead of waiting out the lease. */
  async release(clock: Clock): Promise<void> {
    try {
      await this.check();
    } catch {
      return;
    }
    await this.write({ owner: this.owner, epoch: this.epoch, renewedAt: clock.now(), released: true });
  }
}

/**
 * Per-backend limits: a concurrency gate (jobs in flight at the provider) and a request-rate gate
 * (every HTTP call spaced to stay under the provider's requests per minute). Both are fair (FIFO).
 */
import type { Clock } from "../platform/ports";

export class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {}

  setLimit(n: number): void {
    this.limit = Math.max(1, Math.floor(n));
    this.drain();
  }

  get inUse(): number {
    return this.active;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.limit || this.waiting.length > 0) {
      await new Promise<void>((resolve, reject) => {
        const go = (): void => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const i = this.waiting.indexOf(go);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(signal?.reason ?? new Error("aborted"));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        this.waiting.push(go);
        this.drain();
      });
    } else {
      this.active++;
      return this.releaser();
    }
    return this.releaser();
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active--;
      this.drain();
    };
  }

  private drain(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()!();
    }
  }
}

/** Spaces calls at least 60 000 / rpm ms apart. */
export class RateGate {
  private nextAt = 0;

  constructor(
    private readonly clock: Clock,
    private requestsPerMinute: number,
  ) {}

  setRate(rpm: number): void {
    this.requestsPerMinute = rpm;
  }

  async take(signal?: AbortSignal): Promise<void> {
    if (!(this.requestsPerMinute > 0) || !Number.isFinite(this.requestsPerMinute)) return;
    const spacing = 60_000 / this.requestsPerMinute;
    const now = this.clock.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + spacing;
    if (at > now) await this.clock.sleep(at - now, signal);
  }

  /** a provider said "wait": nothing goes out before then */
  holdUntil(t: number): void {
    this.nextAt = Math.max(this.nextAt, t);
  }
}

/** One backend's limits, made on first use: jobs at the provider, downloads, and the request rate. */
export interface BackendLimits {
  readonly jobs: Gate;
  readonly downloads: Gate;
  readonly rate: RateGate;
}

export class LimitsByBackend {
  private readonly byId = new Map<string, BackendLimits>();

  constructor(
    private readonly clock: Clock,
    /** the editor's concurrency setting, else the backend's suggestion */
    private readonly concurrency: (id: string) => number | undefined,
  ) {}

  of(backend: { readonly id: string; capabilities(): { readonly concurrency: number; readonly requestsPerMinute: number } }): BackendLimits {
    let l = this.byId.get(backend.id);
    if (!l) {
      const caps = backend.capabilities();
      const n = this.concurrency(backend.id) ?? caps.concurrency;
      this.byId.set(backend.id, (l = { jobs: new Gate(n), downloads: new Gate(n), rate: new RateGate(this.clock, caps.requestsPerMinute) }));
    }
    return l;
  }
}

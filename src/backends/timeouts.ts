/**
 * Deadlines for every request: no answer (headers) within `connectMs`, or no body bytes for
 * `idleMs`, aborts it with a timeout error the HTTP layer maps like a dropped connection — so a
 * stalled create becomes outcome-unknown (reconciled, never re-sent blindly) and a stalled poll or
 * download is retried. Wraps the injected fetch, so every backend gets it from one call site.
 */
import type { Fetch } from "../platform/ports";

export interface RequestTimeouts {
  /** until the response headers arrive (connect + the provider's own time to answer) */
  readonly connectMs: number;
  /** between two chunks of the body */
  readonly idleMs: number;
}

export const DEFAULT_TIMEOUTS: RequestTimeouts = { connectMs: 60_000, idleMs: 60_000 };

/** What a request that ran out of time rejects with (the code reads like a socket timeout). */
export class RequestTimeout extends Error {
  readonly code = "ETIMEDOUT";
  constructor(readonly phase: "connect" | "idle") {
    super(phase === "connect" ? "no answer in time" : "the body stopped arriving");
    this.name = "TimeoutError";
  }
}

/** statuses a Response may not be built with a body for */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function withDeadlines(f: Fetch, t: RequestTimeouts = DEFAULT_TIMEOUTS): Fetch {
  return async (input, init) => {
    const own = new AbortController();
    const caller = init?.signal ?? undefined;
    let fired: RequestTimeout | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (phase: "connect" | "idle", ms: number): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        fired = new RequestTimeout(phase);
        own.abort(fired);
      }, ms);
      // an unread body must not keep a test process (or a closing panel) alive
      (timer as { unref?: () => void }).unref?.();
    };
    const onAbort = (): void => own.abort(caller?.reason);
    if (caller?.aborted) own.abort(caller.reason);
    else caller?.addEventListener("abort", onAbort, { once: true });
    const done = (): void => {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    };
    arm("connect", t.connectMs);
    let res: Response;
    try {
      res = await f(input, { ...init, signal: own.signal });
    } catch (e) {
      done();
      throw fired ?? e;
    }
    const body = res.body;
    if (!body || typeof body.getReader !== "function" || typeof Response !== "function" || NULL_BODY.has(res.status)) {
      // no stream to watch (some hosts): the caller's own signal still applies
      done();
      return res;
    }
    const reader = body.getReader();
    arm("idle", t.idleMs);
    const watched = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        try {
          const r = await reader.read();
          if (r.done) {
            done();
            ctrl.close();
            return;
          }
          arm("idle", t.idleMs);
          ctrl.enqueue(r.value);
        } catch (e) {
          done();
          ctrl.error(fired ?? e);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    });
    const out = new Response(watched, { status: res.status, statusText: res.statusText, headers: res.headers });
    // what the redirect handling and callers read besides the body
    Object.defineProperty(out, "url", { value: res.url });
    Object.defineProperty(out, "redirected", { value: res.redirected });
    return out;
  };
}

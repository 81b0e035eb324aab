/**
 * Bounds on one download, so a runaway or stalled body never fills the project folder or hangs a
 * shot: a size cap from the shot's length (a generous bitrate, never past 2 GB) and an idle timeout
 * between chunks. A body past the cap is abandoned (the part file goes with it) and not retried.
 */
import { GenerationError } from "../backends/errors";
import type { MediaDownload } from "../backends/types";
import type { Clock } from "../platform/ports";

export const HARD_CAP_BYTES = 2 * 1024 ** 3;
/** 120 Mbit/s: far above any generated clip (ProRes-like rates included), far below a runaway */
const GENEROUS_BYTES_PER_SECOND = 15 * 1024 ** 2;
/** room for container overhead and a short clip's fixed costs */
const HEADROOM_BYTES = 64 * 1024 ** 2;
/** no byte for this long (clock ms): the download stalled */
export const DOWNLOAD_IDLE_MS = 60_000;

export function mediaCapBytes(durationSeconds: number): number {
  const secs = Number.isFinite(durationSeconds) && durationSeconds > 0 ? durationSeconds : 600;
  return Math.min(HARD_CAP_BYTES, Math.ceil(secs * GENEROUS_BYTES_PER_SECOND + HEADROOM_BYTES));
}

const mb = (n: number): string => `${Math.round(n / 1024 ** 2)} MB`;

function tooBig(cap: number, durationSeconds: number, provider: string): GenerationError {
  return new GenerationError("invalid_request", `${provider} sent more than ${mb(cap)} for a ${durationSeconds}-second shot, far more than a clip that long can be; Cutaway stopped the download and removed the partial file. Retry the shot, or check it on ${provider}'s dashboard.`);
}

export interface DownloadBounds {
  readonly durationSeconds: number;
  readonly provider: string;
  readonly clock: Clock;
  readonly idleMs?: number;
}

/** The download, refused at once when it declares too much, and its chunks cut off past the cap or when idle. */
export function bounded(dl: MediaDownload, b: DownloadBounds, signal: AbortSignal): MediaDownload {
  const cap = mediaCapBytes(b.durationSeconds);
  if (dl.contentLength !== undefined && dl.contentLength > cap) throw tooBig(cap, b.durationSeconds, b.provider);
  const idleMs = b.idleMs ?? DOWNLOAD_IDLE_MS;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const it = dl.chunks[Symbol.asyncIterator]();
    let got = 0;
    try {
      for (;;) {
        const timer = new AbortController();
        const onAbort = (): void => timer.abort();
        signal.addEventListener("abort", onAbort, { once: true });
        const idle = b.clock.sleep(idleMs, timer.signal).then(
          () => "idle" as const,
          () => "stopped" as const,
        );
        const r = await Promise.race([it.next(), idle]);
        timer.abort();
        signal.removeEventListener("abort", onAbort);
        if (r === "stopped") throw new GenerationError("cancelled", "The download was cancelled.");
        if (r === "idle") throw new GenerationError("transient", `The download from ${b.provider} stalled (nothing arrived for ${Math.round(idleMs / 1000)} s); Cutaway will try again.`);
        if (r.done) return;
        got += r.value.byteLength;
        if (got > cap) throw tooBig(cap, b.durationSeconds, b.provider);
        yield r.value;
      }
    } finally {
      // frees the connection when the source can stop (a stalled read may not answer: not awaited)
      void it.return?.().catch(() => undefined);
    }
  }
  return { ...dl, chunks: chunks() };
}

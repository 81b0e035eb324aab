/**
 * Keeps the panel's view of the timeline fresh without trusting host events alone: Premiere's global
 * SELECTION_CHANGED has been seen not to fire, and selecting or parking the playhead dirties nothing.
 * While the panel is visible, the timeline is read again every few seconds (the panel also refreshes
 * when it gets focus).
 */
import type { Clock } from "./ports";

export interface HostPollOptions {
  readonly clock: Clock;
  readonly everyMs: number;
  readonly visible: () => boolean;
  readonly refresh: () => Promise<void>;
}

/** Starts polling; answers the function that stops it. */
export function startHostPoll(o: HostPollOptions): () => void {
  const stop = new AbortController();
  void (async () => {
    while (!stop.signal.aborted) {
      await o.clock.sleep(o.everyMs, stop.signal).catch(() => undefined);
      if (stop.signal.aborted) return;
      if (o.visible()) await o.refresh().catch(() => undefined);
    }
  })();
  return () => stop.abort();
}

/** A clock that runs `factor` times faster than the wall: provider minutes pass in milliseconds. */
import type { Clock } from "../../src/app/ports";
import { systemClock } from "../../src/host/memory/systemClock";

export function scaledClock(factor: number): Clock {
  const t0 = Date.now();
  return {
    now: () => t0 + (Date.now() - t0) * factor,
    sleep: (ms, signal) => systemClock.sleep(ms / factor, signal),
  };
}

/**
 * Time inside the stand-in: imports that show up late and frame exports that land after their
 * promise answers are timers on this clock. Tests use the virtual clock (time moves only when the
 * adapter sleeps, so nothing really waits); the workbench uses the real one.
 */
export interface SimClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** runs `fn` once `ms` have passed on this clock */
  after(ms: number, fn: () => void): void;
}

export function virtualClock(): SimClock {
  let t = 0;
  const timers: { due: number; fn: () => void }[] = [];
  const runDue = (): void => {
    timers.sort((a, b) => a.due - b.due);
    while (timers.length && timers[0]!.due <= t) timers.shift()!.fn();
  };
  return {
    now: () => t,
    async sleep(ms: number) {
      t += Math.max(0, ms);
      runDue();
    },
    after(ms: number, fn: () => void) {
      timers.push({ due: t + Math.max(0, ms), fn });
      if (ms <= 0) runDue();
    },
  };
}

export function realClock(): SimClock {
  return {
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    after: (ms, fn) => void setTimeout(fn, ms),
  };
}

/** Poll pacing: a finished clip is noticed promptly without hammering the provider. */
import { nextPollDelay, type PaceInput } from "../../src/jobs/pollPacing";

/** Simulates one job of `durationMs`; the provider reports linear progress when `progress` is on. */
function run(durationMs: number, o: { progress?: boolean; typicalMs?: number } = {}): { polls: number; lateBy: number } {
  let t = 0;
  let polls = 0;
  let last: PaceInput = { elapsedMs: 0, ...(o.typicalMs ? { typicalMs: o.typicalMs } : {}) };
  for (;;) {
    t += nextPollDelay(last);
    polls++;
    if (t >= durationMs) return { polls, lateBy: (t - durationMs) / durationMs };
    last = { elapsedMs: t, ...(o.progress ? { progress: t / durationMs } : {}), ...(o.typicalMs ? { typicalMs: o.typicalMs } : {}) };
  }
}

test("with progress, a 60 s job takes few polls and is seen within 5%", () => {
  const r = run(60_000, { progress: true });
  expect(r.polls).toBeLessThanOrEqual(10);
  expect(r.lateBy).toBeLessThanOrEqual(0.05);
});

test("with a learned typical time, a job that keeps to it is seen about 1% late", () => {
  const r = run(90_000, { typicalMs: 90_000 });
  expect(r.polls).toBeLessThanOrEqual(8);
  expect(r.lateBy).toBeLessThanOrEqual(0.02);
});

test("a job running far past its typical time is polled less and less often, never more than every 30 s", () => {
  const d1 = nextPollDelay({ elapsedMs: 100_000, typicalMs: 90_000 });
  const d2 = nextPollDelay({ elapsedMs: 400_000, typicalMs: 90_000 });
  expect(d2).toBeGreaterThan(d1);
  expect(nextPollDelay({ elapsedMs: 3_600_000, typicalMs: 90_000 })).toBe(30_000);
});

test("with nothing known, the finish of a 60 s job is seen within 10% and Retry-After is honoured", () => {
  const r = run(60_000);
  expect(r.lateBy).toBeLessThanOrEqual(0.1);
  expect(nextPollDelay({ elapsedMs: 1000, retryAfterSeconds: 20 })).toBe(20_000);
});

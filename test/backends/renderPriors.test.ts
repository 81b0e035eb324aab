/**
 * Every shipped model has a prior render time in its table, and the poll pacing starts from it: a
 * fresh engine's first job of a model (nothing learned yet) is not polled blind.
 */
import { createBackendCatalog } from "../../src/backends/catalog";
import { falBackendCapabilities } from "../../src/backends/fal/falBackend";
import { priorRenderMs } from "../../src/backends/modelBasics";
import { nextPollDelay, RenderTimes } from "../../src/jobs/pollPacing";

const catalog = createBackendCatalog({ fetch, clock: { now: () => 0 } });

test("every model of every cloud backend says how long it typically renders", () => {
  const local = new Set(["slate", "comfyui"]);
  const missing: string[] = [];
  for (const id of catalog.ids().filter((b) => !local.has(b))) {
    for (const m of catalog.capabilities(id).models) {
      const s = m.typicalRenderSeconds;
      if (s === undefined || !(s >= 10 && s <= 900)) missing.push(`${id}/${m.id}`);
    }
  }
  expect(missing).toEqual([]);
});

/** Polls a fresh engine makes for one job of `durationMs` without progress, and how late it sees the end. */
function firstJob(durationMs: number, typicalMs: number | undefined): { polls: number; late: number } {
  let t = 0;
  let polls = 0;
  for (;;) {
    t += nextPollDelay({ elapsedMs: t, ...(typicalMs !== undefined ? { typicalMs } : {}) });
    polls++;
    if (t >= durationMs) return { polls, late: (t - durationMs) / durationMs };
  }
}

test("the first 60 s fal job (no progress from fal) takes at most 15 polls and is seen at most 10 % late", () => {
  const model = "fal-ai/veo3.1/fast";
  const prior = priorRenderMs(falBackendCapabilities(), model);
  expect(prior).toBeGreaterThan(0);
  const typical = new RenderTimes().get(`fal/${model}`, prior);
  // the job takes 60 s, give or take what renders vary by
  for (const actual of [50_000, 60_000, 70_000]) {
    const r = firstJob(actual, typical);
    expect(r.polls).toBeLessThanOrEqual(15);
    expect(r.late).toBeLessThanOrEqual(0.1);
  }
});

test("what the engine learned wins over the table's prior", () => {
  const times = new RenderTimes();
  times.learn("fal/m", 40_000, 42_000);
  expect(times.get("fal/m", 60_000)).toBe(41_000);
  expect(times.get("fal/other", 60_000)).toBe(60_000);
  expect(times.get("fal/other")).toBeUndefined();
});

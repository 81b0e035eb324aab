/**
 * engine: the job engine against the loopback fake provider.
 * - engine.schedule: 40 shots, concurrency 4, fixed provider latency L → wall ÷ (10 × L)
 * - engine.polls: one 60 s job (provider time, scaled 100×) → polls and completion-detection delay
 * - engine.download: a 200 MB clip through backend + verified save ÷ bare fetch + write; peak RSS
 */
import { createReadStream, promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FalBackend } from "../../src/backends/fal";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import { Journal } from "../../src/jobs/journal";
import { saveDownload } from "../../src/jobs/mediaFiles";
import { FalMode, falCdnMode } from "../fake/falMode";
import { FakeServer, type FakeMode } from "../fake/server";
import { OpenAIVideosMode } from "../fake/openaiVideosMode";
import { OpenAIVideosBackend } from "../../src/backends/openaiVideos";
import { fakeMp4 } from "../support/media";
import { NodeFileStore } from "../support/nodeFileStore";
import { scaledClock } from "../support/scaledClock";
import { median, round } from "./stats";

const SCALE = 100;

function spec(i: number): JobSpec {
  return {
    id: `b-s${i}-t1`,
    requestId: "b",
    shotId: `s${i}`,
    take: 1,
    name: `Cutaway ${i}`,
    backend: "fal",
    request: { model: "fal-ai/veo3.1/fast", prompt: `shot ${i}`, durationSeconds: 8, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 0,
  };
}

async function fal(latencyMs: number) {
  const media = fakeMp4(16 * 1024, 3);
  const cdn = await new FakeServer([falCdnMode(media)]).start();
  const mode = new FalMode(media, () => cdn.baseUrl);
  mode.latencyMs = latencyMs;
  const server = await new FakeServer([mode]).start();
  return { server, mode, stop: async () => Promise.all([server.stop(), cdn.stop()]) };
}

function engineOn(baseUrl: string, concurrency: number): JobEngine {
  const clock = scaledClock(SCALE);
  const backend = new FalBackend({ fetch, apiKey: "bench-key", baseUrl, clock });
  const files = new MemoryFileStore();
  return new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", concurrency: () => concurrency });
}

async function schedule(): Promise<Record<string, unknown>> {
  // long enough that loopback round trips (a few ms each, more on a busy 2-core box) are not mistaken for scheduling cost
  const L = 1000;
  const ratios: number[] = [];
  for (let run = 0; run < 3; run++) {
    const f = await fal(L);
    const engine = engineOn(f.server.baseUrl, 4);
    await engine.start();
    const t0 = performance.now();
    const jobs = await engine.enqueue(Array.from({ length: 40 }, (_, i) => spec(i + 1)));
    const done = await Promise.all(jobs.map((j) => engine.settled(j.id)));
    const wall = performance.now() - t0;
    if (done.some((j) => j.state !== "downloaded")) throw new Error("schedule bench: a job did not finish");
    ratios.push(wall / (10 * L));
    await engine.stop();
    await f.stop();
  }
  return { bench: "engine.schedule", n: 40, median_ms: round(median(ratios) * 10 * L), ratio: round(median(ratios)), ideal_ms: 10 * L, concurrency: 4 };
}

/**
 * One 60 s job: polls it took and how late completion was noticed. The gateway reports progress
 * (the usual case); fal reports none (the worst case: a fresh engine with nothing learned).
 */
async function polls(provider: "gateway" | "fal"): Promise<Record<string, unknown>> {
  const L = 60_000 / SCALE;
  const counts: number[] = [];
  const delays: number[] = [];
  for (let run = 0; run < 3; run++) {
    let server: FakeServer;
    let stop: () => Promise<unknown>;
    let engine: JobEngine;
    let startedAt: () => number;
    let statusCalls: () => number;
    if (provider === "fal") {
      const f = await fal(L);
      server = f.server;
      stop = f.stop;
      engine = engineOn(server.baseUrl, 1);
      startedAt = () => f.mode.jobs.get("req-1")!.submittedAt;
      statusCalls = () => server.count("fal.status");
    } else {
      const mode = new OpenAIVideosMode(fakeMp4(16 * 1024, 3), fakeMp4(1024, 4));
      mode.latencyMs = L;
      server = await new FakeServer([mode]).start();
      stop = () => server.stop();
      const clock = scaledClock(SCALE);
      const backend = new OpenAIVideosBackend({ fetch, apiKey: "bench-key", baseUrl: `${server.baseUrl}/v1`, clock });
      const files = new MemoryFileStore();
      engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media" });
      startedAt = () => [...mode.jobs.values()][0]!.startedAt;
      statusCalls = () => server.count("videos.retrieve");
    }
    await engine.start();
    let readyAt = 0;
    engine.subscribe((j) => {
      if (j.state === "ready" && !readyAt) readyAt = Date.now();
    });
    const s = spec(1);
    const [job] = await engine.enqueue([provider === "fal" ? s : { ...s, backend: "openai-videos", request: { ...s.request, model: "vertex_ai/veo-3.1-fast-generate-preview" } }]);
    const done = await engine.settled(job!.id);
    if (done.state !== "downloaded") throw new Error(`polls bench: ${JSON.stringify(done.error)}`);
    counts.push(statusCalls());
    delays.push((readyAt - startedAt() - L) / L);
    await engine.stop();
    await stop();
  }
  return { bench: "engine.polls", n: 1, median_ms: round(L * (1 + median(delays))), polls: median(counts), delay_ratio: round(median(delays)), provider: provider === "fal" ? "fal (no progress)" : "gateway (progress)" };
}

async function download(): Promise<Record<string, unknown>> {
  const SIZE = 200 * 1024 * 1024;
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), "cutaway-dl-"));
  const src = path.join(root, "big.mp4");
  const fh = await fsp.open(src, "w");
  const block = Buffer.alloc(4 * 1024 * 1024, 7);
  Buffer.from(fakeMp4(64, 1)).copy(block, 0);
  for (let i = 0; i < SIZE / block.length; i++) await fh.write(i === 0 ? block : block.fill(7 + (i % 5)));
  await fh.close();
  const big: FakeMode = {
    name: "big",
    routes: () => [{ method: "GET", pattern: "/media/:file", name: "media", handler: () => ({ status: 200, headers: { "content-type": "video/mp4", "content-length": String(SIZE) }, body: createReadStream(src, { highWaterMark: 1024 * 1024 }) }) }],
  };
  const server = await new FakeServer([big]).start();
  const url = `${server.baseUrl}/media/big.mp4`;
  const files = new NodeFileStore(root);
  const backend = new FalBackend({ fetch, apiKey: "bench-key", baseUrl: "http://127.0.0.1:9" });
  const bare: number[] = [];
  const engine: number[] = [];
  let peak = 0;
  let peakHeap = 0;
  const heapNow = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  try {
    for (let run = 0; run < 3; run++) {
      let t0 = performance.now();
      const res = await fetch(url);
      const out = await fsp.open(path.join(root, "bare.mp4"), "w");
      const reader = res.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) await out.write(r.value);
      await out.close();
      bare.push(performance.now() - t0);

      (globalThis as { gc?: () => void }).gc?.();
      const base = process.memoryUsage().rss;
      const heapBase = heapNow();
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss - base);
        peakHeap = Math.max(peakHeap, heapNow() - heapBase);
      }, 10);
      t0 = performance.now();
      const dl = await backend.download({ backend: "fal", model: "m", providerJobId: "x" }, { state: "completed", mediaUrl: url });
      const { bytes: got } = await saveDownload(files, dl, path.join(root, `engine-${run}.mp4`));
      engine.push(performance.now() - t0);
      clearInterval(sampler);
      if (got !== SIZE) throw new Error(`download bench: got ${got} bytes`);
      await fsp.rm(path.join(root, `engine-${run}.mp4`));
    }
  } finally {
    await server.stop();
    await fsp.rm(root, { recursive: true, force: true });
  }
  // throughput ratio: bare time ÷ engine time (≥ 0.9 means the engine path costs ≤ ~10%)
  return { bench: "engine.download", n: SIZE, median_ms: round(median(engine)), bare_ms: round(median(bare)), ratio: round(median(bare) / median(engine)), peak_mb: round(peak / 1024 / 1024, 1), peak_heap_mb: round(peakHeap / 1024 / 1024, 1) };
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  return [await schedule(), await polls("gateway"), await polls("fal"), await download()];
}

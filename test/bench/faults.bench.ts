/**
 * engine.faults: the job engine under the faults of issue 13, on the loopback fake provider (fal's
 * queue with its CDN on another origin, and a `/v1/videos` gateway). Each case and each seed of
 * "20 shots at concurrency 4 with 10 % seeded connection resets" counts, per shot:
 * - duplicates: a second provider job or a second media file for one shot (paid or fetched twice)
 * - lost: a shot the provider has that the engine neither collected nor told the editor about
 * - orphans: a shot the provider has that the engine could only report as "check your dashboard"
 * - hung: a shot not settled within the wall-clock budget
 * The goal is 0 for each; an orphan is expected only where the provider offers no way to find a job.
 */
import { FalBackend } from "../../src/backends/fal";
import { OpenAIVideosBackend } from "../../src/backends/openaiVideos";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import type { GenerationBackend } from "../../src/backends/types";
import { withDeadlines } from "../../src/backends/timeouts";
import { JobEngine, type EngineOptions, type JobSpec } from "../../src/jobs/engine";
import type { JobRecord } from "../../src/jobs/jobRecord";
import { Journal } from "../../src/jobs/journal";
import { FalMode, falCdnMode } from "../fake/falMode";
import { OpenAIVideosMode } from "../fake/openaiVideosMode";
import { FakeServer, type Fault } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";

const SCALE = 200;
const HANG_MS = 60_000;

interface Counts {
  duplicates: number;
  lost: number;
  orphans: number;
  hung: number;
  /** shots that ended failed (not cancelled), whatever the reason: not a goal of 0, shown for context */
  failed: number;
}

type Provider = "fal" | "gateway";

interface Rig {
  readonly provider: Provider;
  readonly server: FakeServer;
  readonly cdn: FakeServer;
  readonly fal: FalMode;
  readonly gateway: OpenAIVideosMode;
  readonly engines: JobEngine[];
  engine(files: MemoryFileStore, over?: Partial<EngineOptions>, fetchFn?: typeof fetch): JobEngine;
  /** provider jobs per shot prompt */
  providerJobs(): Map<string, number>;
  createEndpoint: string;
  statusEndpoint: string;
  mediaEndpoint: string;
  stop(): Promise<void>;
}

async function rig(provider: Provider): Promise<Rig> {
  const media = fakeMp4(8 * 1024, 3);
  const cdn = await new FakeServer([falCdnMode(media)]).start();
  const fal = new FalMode(media, () => cdn.baseUrl);
  fal.queuedPolls = 1;
  const gateway = new OpenAIVideosMode(media, fakeMp4(512, 4));
  gateway.progressSteps = 2;
  const server = await new FakeServer(provider === "fal" ? [fal] : [gateway]).start();
  const engines: JobEngine[] = [];
  // one provider time for the engines and the gateway's own created_at stamps
  const clock = scaledClock(SCALE);
  gateway.now = clock.now;
  // fal's request list lags and lists a request once it has ended: in the engine's time too
  fal.now = clock.now;
  return {
    provider,
    server,
    cdn,
    fal,
    gateway,
    engines,
    createEndpoint: provider === "fal" ? "fal.submit" : "videos.create",
    statusEndpoint: provider === "fal" ? "fal.status" : "videos.retrieve",
    mediaEndpoint: provider === "fal" ? "fal.media" : "videos.content",
    engine(files, over = {}, fetchFn = fetch) {
      const backend: GenerationBackend =
        provider === "fal" ? new FalBackend({ fetch: fetchFn, apiKey: "bench-key", baseUrl: server.baseUrl, clock }) : new OpenAIVideosBackend({ fetch: fetchFn, apiKey: "bench-key", baseUrl: `${server.baseUrl}/v1`, clock });
      const e = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 5_000 }, concurrency: () => 4, ...over });
      engines.push(e);
      return e;
    },
    providerJobs() {
      const by = new Map<string, number>();
      const prompts = provider === "fal" ? [...fal.jobs.values()].map((j) => String((j.input as { prompt?: unknown })?.prompt)) : [...gateway.jobs.values()].map((j) => String(j.body["prompt"]));
      for (const p of prompts) by.set(p, (by.get(p) ?? 0) + 1);
      return by;
    },
    async stop() {
      await Promise.allSettled(engines.map((e) => e.stop()));
      await Promise.all([server.stop(), cdn.stop()]);
    },
  };
}

function spec(provider: Provider, i: number): JobSpec {
  return {
    id: `f-s${i}-t1`,
    requestId: "f",
    shotId: `s${i}`,
    take: 1,
    // one name for every shot: downloads at once must still not share a file
    name: "Cutaway 001 – harbour",
    backend: provider === "fal" ? "fal" : "openai-videos",
    request: { model: provider === "fal" ? "fal-ai/veo3.1/fast" : "vertex_ai/veo-3.1-fast-generate-preview", prompt: `harbour at dawn, shot ${i}`, durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 0.4,
  };
}

async function settleAll(engine: JobEngine, ids: readonly string[]): Promise<Array<JobRecord | null>> {
  const timeout = new Promise<null>((r) => setTimeout(() => r(null), HANG_MS).unref());
  return Promise.all(ids.map((id) => Promise.race([engine.settled(id), timeout])));
}

/** Counts per shot from what the provider holds, what the engine ended with, and the media folder. */
function score(r: Rig, specs: readonly JobSpec[], ends: ReadonlyArray<JobRecord | null>, files: MemoryFileStore): Counts {
  const c: Counts = { duplicates: 0, lost: 0, orphans: 0, hung: 0, failed: 0 };
  const atProvider = r.providerJobs();
  const mediaFiles = [...files.files.keys()].filter((k) => k.startsWith("/media/") && !k.endsWith(".part"));
  for (const [i, s] of specs.entries()) {
    const end = ends[i];
    const paid = atProvider.get(s.request.prompt) ?? 0;
    if (!end) {
      c.hung++;
      continue;
    }
    if (paid > 1) c.duplicates += paid - 1;
    if (end.state === "failed" && end.error?.reason !== "cancelled") c.failed++;
    if (paid === 0) continue;
    if (end.state === "downloaded" || end.state === "placed") continue;
    if (end.error?.reason === "cancelled" && end.ref) continue;
    if (end.error?.outcomeUnknown && !end.ref) c.orphans++;
    else if (!end.ref) c.lost++;
  }
  const downloaded = ends.filter((e) => e?.state === "downloaded").length;
  if (mediaFiles.length > downloaded) c.duplicates += mediaFiles.length - downloaded;
  return c;
}

/** Mulberry32: the same resets for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seededResets(provider: Provider, seed: number): Promise<Counts> {
  const r = await rig(provider);
  try {
    const rand = prng(seed);
    const endpoints: Array<[string, Fault[]]> = [
      [r.createEndpoint, [{ kind: "reset-before" }, { kind: "reset-after" }]],
      [r.statusEndpoint, [{ kind: "reset-before" }, { kind: "reset-after" }]],
      [r.mediaEndpoint, [{ kind: "reset-mid-body" }, { kind: "reset-before" }]],
    ];
    if (provider === "fal") endpoints.push(["fal.result", [{ kind: "reset-before" }, { kind: "reset-after" }]]);
    for (const [endpoint, kinds] of endpoints) for (let n = 1; n <= 400; n++) if (rand() < 0.1) r.server.inject({ endpoint, nth: n, fault: kinds[Math.floor(rand() * kinds.length)]! });
    // the CDN is its own server: its resets are injected there
    for (let n = 1; n <= 400; n++) if (provider === "fal" && rand() < 0.1) r.cdn.inject({ endpoint: "fal.media", nth: n, fault: { kind: "reset-mid-body" } });
    const files = new MemoryFileStore();
    const engine = r.engine(files);
    await engine.start();
    const specs = Array.from({ length: 20 }, (_, i) => spec(provider, i + 1));
    await engine.enqueue(specs);
    const ends = await settleAll(engine, specs.map((s) => s.id));
    return score(r, specs, ends, files);
  } finally {
    await r.stop();
  }
}

/** One shot (or a few) through a named fault of issue 13. */
async function fault(provider: Provider, name: string): Promise<Counts> {
  const r = await rig(provider);
  try {
    const files = new MemoryFileStore();
    const specs = [spec(provider, 1), spec(provider, 2)];
    const ids = specs.map((s) => s.id);
    switch (name) {
      case "reopen": {
        let answer!: () => void;
        const hold = new Promise<void>((res) => (answer = res));
        const slow: typeof fetch = async (input, init) => {
          const res = await fetch(input, init);
          if (init?.method === "POST") await hold;
          return res;
        };
        const old = r.engine(files, {}, slow);
        await old.start();
        await old.enqueue(specs);
        while (r.providerJobs().size < 2) await new Promise((res) => setTimeout(res, 5));
        const closing = old.stop();
        const next = r.engine(files);
        const starting = next.start();
        setTimeout(answer, 50);
        await closing;
        await starting;
        return score(r, specs, await settleAll(next, ids), files);
      }
      case "expired-link":
        // a CDN's signed link answering 403 (a gateway's keyed content URL has no link to refresh: not run there)
        r.cdn.inject({ endpoint: r.mediaEndpoint, nth: 1, fault: { kind: "status", status: 403 } });
        break;
      case "outage":
        r.server.inject({ endpoint: r.statusEndpoint, times: 12, fault: { kind: "reset-before" } });
        break;
      case "stalled-create":
        r.server.inject({ endpoint: r.createEndpoint, nth: 1, fault: { kind: "delay", ms: 1_500 } });
        break;
      case "cancel-on-wire": {
        r.server.inject({ endpoint: r.createEndpoint, nth: 1, fault: { kind: "delay", ms: 300 } });
        const e = r.engine(files);
        await e.start();
        await e.enqueue(specs);
        while (r.server.count(r.createEndpoint) === 0) await new Promise((res) => setTimeout(res, 2));
        await e.cancel(ids[0]!);
        return score(r, specs, await settleAll(e, ids), files);
      }
    }
    const e = r.engine(files, {}, withDeadlines(fetch, { connectMs: 500, idleMs: 500 }));
    await e.start();
    await e.enqueue(specs);
    const ends = await settleAll(e, ids);
    // a create the engine gave up waiting for still lands at the provider: score once it has
    if (name === "stalled-create") await new Promise((res) => setTimeout(res, 1_700));
    return score(r, specs, ends, files);
  } finally {
    await r.stop();
  }
}

const add = (a: Counts, b: Counts): Counts => ({ duplicates: a.duplicates + b.duplicates, lost: a.lost + b.lost, orphans: a.orphans + b.orphans, hung: a.hung + b.hung, failed: a.failed + b.failed });
const zero = (): Counts => ({ duplicates: 0, lost: 0, orphans: 0, hung: 0, failed: 0 });

export async function run(): Promise<Array<Record<string, unknown>>> {
  const t0 = performance.now();
  const cases: Record<string, Counts> = {};
  for (const provider of ["gateway", "fal"] as const) {
    for (const name of ["reopen", "expired-link", "outage", "stalled-create", "cancel-on-wire"]) if (name !== "expired-link" || provider === "fal") cases[`${provider}.${name}`] = await fault(provider, name);
    for (const seed of [1, 2, 3]) cases[`${provider}.resets.seed${seed}`] = await seededResets(provider, seed);
  }
  const total = Object.values(cases).reduce(add, zero());
  const nonzero = Object.fromEntries(Object.entries(cases).filter(([, c]) => c.duplicates + c.lost + c.orphans + c.hung + c.failed > 0));
  return [{ bench: "engine.faults", n: Object.keys(cases).length, median_ms: Math.round(performance.now() - t0), ...total, nonzero }];
}

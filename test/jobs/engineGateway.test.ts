/**
 * The job engine against an OpenAI-style /videos gateway on the loopback fake provider, where the
 * gateway's job list lags behind its creates (the fake's default): a create whose answer was lost
 * is looked for until the list can show it, and sent again only once the gateway has had time to.
 */
import { OpenAIVideosBackend } from "../../src/backends/openaiVideos";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import { Journal } from "../../src/jobs/journal";
import { OpenAIVideosMode } from "../fake/openaiVideosMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";

jest.setTimeout(30_000);

const KEY = "gateway-test-key-8c1d2e3f4a5b";
const MODEL = "vertex_ai/veo-3.1-fast-generate-preview";
let server: FakeServer;
let mode: OpenAIVideosMode;
const engines: JobEngine[] = [];

beforeEach(async () => {
  mode = new OpenAIVideosMode(fakeMp4(16 * 1024, 2), fakeMp4(1024, 3));
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
  await server.stop();
});

function spec(i: number): JobSpec {
  return {
    id: `r1-s${i}-t1`,
    requestId: "r1",
    shotId: `s${i}`,
    take: 1,
    name: `Cutaway ${String(i).padStart(3, "0")} – harbour at dawn`,
    backend: "openai-videos",
    request: { model: MODEL, prompt: `Wide of the harbour at dawn, shot ${i}`, durationSeconds: 8, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 1.2,
  };
}

function rig() {
  const clock = scaledClock(200);
  // the gateway's clock (its list lag) runs on the engine's minutes
  mode.now = clock.now;
  const backend = new OpenAIVideosBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}/v1`, clock });
  const files = new MemoryFileStore();
  const engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/projects/Harbour/Cutaway Media", pace: { minMs: 500, maxMs: 10_000 } });
  engines.push(engine);
  return engine;
}

test("a lost create the list shows only 30 s later is found there and collected: one create, one charge", async () => {
  server.inject({ endpoint: "videos.create", nth: 1, fault: { kind: "reset-after" } });
  const engine = rig();
  await engine.start();
  const [job] = await engine.enqueue([spec(1)]);
  const done = await engine.settled(job!.id);
  expect(done.error).toBeUndefined();
  expect(done.state).toBe("downloaded");
  expect(done.ref?.providerJobId).toBe("video_1");
  expect(server.count("videos.create")).toBe(1);
  expect(server.count("videos.list")).toBeGreaterThan(1);
});

test("a create the gateway never got is sent again, but only after the list has had a couple of minutes to show it", async () => {
  // the socket dies before the gateway handles it: no job, yet Cutaway cannot know that
  server.inject({ endpoint: "videos.create", nth: 1, fault: { kind: "reset-before" } });
  const engine = rig();
  await engine.start();
  const [job] = await engine.enqueue([spec(1)]);
  const done = await engine.settled(job!.id);
  expect(done.state).toBe("downloaded");
  const creates = server.requestsTo("videos.create");
  expect(creates).toHaveLength(2);
  // the second create went out no sooner than two provider minutes (wall × 200) after the first
  // left (its arrival here trails its start by a few wall ms under load: 10 provider seconds of slack)
  expect((creates[1]!.at - creates[0]!.at) * 200).toBeGreaterThanOrEqual(2 * 60_000 - 10_000);
  expect(server.count("videos.list")).toBeGreaterThanOrEqual(2);
});

/**
 * The job engine against the fal.ai backend on the loopback fake provider: every fault a real queue
 * can throw ends in the right typed state, nothing is paid twice, and the key never leaks.
 */
import os from "node:os";
import path from "node:path";
import { promises as fsp } from "node:fs";
import { FalBackend } from "../../src/backends/fal";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import type { JobRecord } from "../../src/jobs/jobRecord";
import { Journal, JOURNAL_FILE } from "../../src/jobs/journal";
import { FalMode, falCdnMode, falContentPolicy } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { NodeFileStore } from "../support/nodeFileStore";
import { scaledClock } from "../support/scaledClock";

jest.setTimeout(30_000);

const KEY = "fal-test-key-5f3a9c1e7b2d";
const MEDIA_DIR = "/projects/Harbour/Cutaway Media";
const media = fakeMp4(48 * 1024, 11);

let server: FakeServer;
let cdn: FakeServer;
let mode: FalMode;
const engines: JobEngine[] = [];

beforeEach(async () => {
  cdn = await new FakeServer([falCdnMode(media)]).start();
  mode = new FalMode(media, () => cdn.baseUrl);
  mode.queuedPolls = 1;
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
  await server.stop();
  await cdn.stop();
});

function spec(i: number): JobSpec {
  return {
    id: `r1-s${i}-t1`,
    requestId: "r1",
    shotId: `s${i}`,
    take: 1,
    name: `Cutaway ${String(i).padStart(3, "0")} – harbour at dawn`,
    backend: "fal",
    request: { model: "fal-ai/veo3.1/fast", prompt: `Wide of the harbour at dawn, shot ${i}`, durationSeconds: 8, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 0.8,
  };
}

function rig(files: MemoryFileStore | NodeFileStore = new MemoryFileStore(), concurrency = 4, o: { providerOnEngineClock?: boolean; scale?: number } = {}) {
  const clock = scaledClock(o.scale ?? 100);
  // fal's own timeline (renders, the Platform API's lag) in the engine's minutes
  if (o.providerOnEngineClock) mode.now = clock.now;
  const backend = new FalBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock });
  const engine = new JobEngine({
    backend: (id) => (id === "fal" ? backend : null),
    files,
    journal: new Journal(files),
    clock,
    mediaFolder: async () => MEDIA_DIR,
    pace: { minMs: 200, maxMs: 5_000 },
    concurrency: () => concurrency,
  });
  engines.push(engine);
  return { engine, files };
}

async function runAll(engine: JobEngine, n: number): Promise<JobRecord[]> {
  await engine.start();
  const jobs = await engine.enqueue(Array.from({ length: n }, (_, i) => spec(i + 1)));
  return Promise.all(jobs.map((j) => engine.settled(j.id)));
}

test("three shots go through fal's queue and land verified in the media folder", async () => {
  const { engine, files } = rig();
  const done = await runAll(engine, 3);
  expect(done.map((j) => j.state)).toEqual(["downloaded", "downloaded", "downloaded"]);
  for (const j of done) expect(Buffer.from((files as MemoryFileStore).files.get(j.mediaPath!)!)).toEqual(Buffer.from(media));
  expect(server.count("fal.submit")).toBe(3);
  // the key goes to the queue only; the CDN gets no credentials
  expect(cdn.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
});

test("a 429 on submit is waited out and sent once more; 5xx and garbled status replies are polled through", async () => {
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "2" }, body: { detail: "Too many requests" } } });
  server.inject({ endpoint: "fal.status", nth: 1, fault: { kind: "status", status: 503 } });
  server.inject({ endpoint: "fal.status", nth: 2, fault: { kind: "status", status: 502 } });
  server.inject({ endpoint: "fal.status", nth: 3, fault: { kind: "malformed-json" } });
  const { engine } = rig();
  const [job] = await runAll(engine, 1);
  expect(job!.state).toBe("downloaded");
  expect(server.count("fal.submit")).toBe(2);
  expect(mode.jobs.size).toBe(1);
});

test("a connection reset after the submit reached fal: the request is found in fal's request list once rendered and collected, never re-sent", async () => {
  mode.latencyMs = 60_000;
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "reset-after" } });
  const { engine } = rig(new MemoryFileStore(), 4, { providerOnEngineClock: true });
  const [job] = await runAll(engine, 1);
  expect(job!.error).toBeUndefined();
  expect(job!.state).toBe("downloaded");
  expect(job!.ref?.providerJobId).toBe("req-1");
  expect(server.count("fal.submit")).toBe(1);
  expect(server.count("fal.requests")).toBeGreaterThan(1);
  expect(mode.jobs.size).toBe(1);
});

test("a lost create fal never lists is reported after the search, never re-sent", async () => {
  // the socket dies before fal handles the request: nothing to find, but Cutaway cannot know that
  server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "reset-before" } });
  const { engine } = rig(new MemoryFileStore(), 4, { providerOnEngineClock: true, scale: 1000 });
  const [job] = await runAll(engine, 1);
  expect(job!.state).toBe("failed");
  expect(job!.error).toMatchObject({ outcomeUnknown: true, message: expect.stringMatching(/Check your fal\.ai dashboard/) });
  await expect(engine.retry(job!.id)).rejects.toThrow(/Send again anyway/);
  expect(server.count("fal.submit")).toBe(1);
  expect(mode.jobs.size).toBe(0);
});

test("a 404 on the result right after COMPLETED is asked again and the shot is collected", async () => {
  server.inject({ endpoint: "fal.result", nth: 1, fault: { kind: "status", status: 404, body: { detail: "Request not found" } } });
  const { engine } = rig();
  const [job] = await runAll(engine, 1);
  expect(job!.error).toBeUndefined();
  expect(job!.state).toBe("downloaded");
  expect(server.count("fal.result")).toBe(2);
  expect(server.count("fal.submit")).toBe(1);
});

test("a reset mid-download and a truncated body are downloaded again, with no partial file left", async () => {
  cdn.inject({ endpoint: "fal.media", nth: 1, fault: { kind: "reset-mid-body" } });
  cdn.inject({ endpoint: "fal.media", nth: 2, fault: { kind: "truncate" } });
  const { engine, files } = rig();
  const [job] = await runAll(engine, 1);
  expect(job!.state).toBe("downloaded");
  expect(cdn.count("fal.media")).toBe(3);
  expect(server.count("fal.submit")).toBe(1);
  expect([...(files as MemoryFileStore).files.keys()].filter((k) => k.endsWith(".part"))).toEqual([]);
});

test("a moderated shot ends as content_policy in the provider's words and is not retried", async () => {
  mode.resultOverride = () => falContentPolicy("The content could not be processed because it contained material flagged by a content checker.");
  const { engine } = rig();
  const [job] = await runAll(engine, 1);
  expect(job!.error?.reason).toBe("content_policy");
  expect(job!.error?.message).toMatch(/blocked by fal\.ai's content policy: The content could not be processed/);
  expect(server.count("fal.submit")).toBe(1);
});

test("media gone from the CDN ends as expired; a rejected key as auth with the Settings hint", async () => {
  cdn.inject({ endpoint: "fal.media", fault: { kind: "status", status: 404, body: { detail: "Not found" } } });
  const a = rig();
  const [expired] = await runAll(a.engine, 1);
  expect(expired!.error?.reason).toBe("expired");

  server.inject({ endpoint: "fal.submit", fault: { kind: "status", status: 401, body: { detail: "Invalid key" } } });
  const b = rig();
  await b.engine.start();
  const [j] = await b.engine.enqueue([spec(9)]);
  const rejected = await b.engine.settled(j!.id);
  expect(rejected.error).toMatchObject({ reason: "auth", message: "Your fal.ai key was rejected — check it in Settings." });
});

test("a panel reload mid-run: a new engine on the same journal finishes every job, one create each", async () => {
  mode.latencyMs = 400;
  const files = new MemoryFileStore();
  const first = rig(files, 6);
  await first.engine.start();
  await first.engine.enqueue([1, 2, 3, 4, 5, 6].map(spec));
  while (server.count("fal.submit") < 6) await new Promise((r) => setTimeout(r, 5));
  await first.engine.stop();
  const second = rig(files, 6);
  const { resumed } = await second.engine.start();
  expect(resumed).toBe(6);
  const all = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => second.engine.settled(`r1-s${i}-t1`)));
  expect(all.map((j) => j.error ?? j.state)).toEqual(Array(6).fill("downloaded"));
  expect(server.count("fal.submit")).toBe(6);
});

test("50 shots with concurrency 4: all finish, never more than 4 at fal at once", async () => {
  mode.latencyMs = 60;
  const { engine } = rig(new MemoryFileStore(), 4);
  const active = new Set<string>();
  let most = 0;
  engine.subscribe((j) => {
    if (j.state === "submitting" || j.state === "submitted" || j.state === "running") active.add(j.id);
    else active.delete(j.id);
    most = Math.max(most, active.size);
  });
  const done = await runAll(engine, 50);
  expect(done.filter((j) => j.state === "downloaded")).toHaveLength(50);
  expect(most).toBeLessThanOrEqual(4);
  expect(most).toBeGreaterThanOrEqual(2);
  expect(server.count("fal.submit")).toBe(50);
});

test("cancel asks fal to stop, stops polling and frees the slot for the next shot", async () => {
  mode.latencyMs = 60_000;
  const { engine } = rig(new MemoryFileStore(), 1);
  await engine.start();
  const [a, b] = await engine.enqueue([spec(1), spec(2)]);
  while (!engine.get(a!.id)!.ref) await new Promise((r) => setTimeout(r, 5));
  await engine.cancel(a!.id);
  expect(engine.get(a!.id)!.error?.reason).toBe("cancelled");
  expect(server.count("fal.cancel")).toBe(1);
  const pollsOfA = mode.jobs.get("req-1")!.polls;
  mode.latencyMs = 30;
  expect((await engine.settled(b!.id)).state).toBe("downloaded");
  expect(mode.jobs.get("req-1")!.polls).toBe(pollsOfA);
});

test("the key never reaches the journal, the logs, the media folder or an error message", async () => {
  const logged: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) => jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(" "))));
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), "cutaway-keyscan-"));
  try {
    server.inject({ endpoint: "fal.submit", nth: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "1" }, body: { detail: `rate limited for Key ${KEY}` } } });
    server.inject({ endpoint: "fal.submit", nth: 3, fault: { kind: "status", status: 401, body: { detail: `Invalid key ${KEY}` } } });
    mode.resultOverride = (job) => (job.id === "req-2" ? falContentPolicy(`flagged (key ${KEY})`) : null);
    const files = new NodeFileStore(root);
    const { engine } = rig(files, 1);
    const done = await runAll(engine, 4);
    expect(done.map((j) => j.error?.reason ?? j.state).sort()).toEqual(["auth", "content_policy", "downloaded", "downloaded"]);
    const texts = [...logged, ...done.map((j) => JSON.stringify(j))];
    for (const f of await walk(root)) texts.push(await fsp.readFile(f, "latin1"));
    expect(texts.join("\n")).toContain("content policy");
    expect(texts.filter((t) => t.includes(KEY))).toEqual([]);
    expect(await fsp.readFile(path.join(root, "data", JOURNAL_FILE), "utf8")).toMatch(/"state":"downloaded"/);
  } finally {
    spies.forEach((s) => s.mockRestore());
    await fsp.rm(root, { recursive: true, force: true });
  }
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fsp.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

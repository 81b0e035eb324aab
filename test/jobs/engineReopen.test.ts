/**
 * Panel closed and reopened: two engines on one journal (the old one finishing late) on the fake
 * `/v1/videos` gateway. One owner at a time: nothing is created or downloaded twice, and no job's
 * journaled state ever moves backwards.
 */
import { OpenAIVideosBackend } from "../../src/backends/openaiVideos";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import { jobRecordSchema } from "../../src/jobs/jobRecord";
import { Journal, JOURNAL_FILE } from "../../src/jobs/journal";
import { LEASE_FILE } from "../../src/jobs/journalLease";
import { canMove } from "../../src/jobs/transitions";
import { OpenAIVideosMode } from "../fake/openaiVideosMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";

jest.setTimeout(30_000);

const MODEL = "vertex_ai/veo-3.1-fast-generate-preview";
let server: FakeServer;
let mode: OpenAIVideosMode;
let clock: ReturnType<typeof scaledClock>;
const engines: JobEngine[] = [];

beforeEach(async () => {
  mode = new OpenAIVideosMode(fakeMp4(8 * 1024, 5), fakeMp4(512, 6));
  mode.progressSteps = 2;
  // provider and engines share one time, so the gateway's list lags as long in the engine's eyes as it does at the provider
  clock = scaledClock(100);
  mode.now = clock.now;
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
  await server.stop();
});

function spec(i: number): JobSpec {
  return {
    id: `r1-s${i}-t1`, requestId: "r1", shotId: `s${i}`, take: 1, name: `Cutaway ${String(i).padStart(3, "0")} – harbour`, backend: "openai-videos",
    request: { model: MODEL, prompt: `Wide of the harbour, shot ${i}`, durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 0.4,
  };
}

/** An engine whose create answers can be held back: the provider has the job, the answer is late. */
function engine(files: MemoryFileStore, hold: Promise<void> | null = null): JobEngine {
  const slow: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (hold && init?.method === "POST") await hold;
    return res;
  };
  const backend = new OpenAIVideosBackend({ fetch: slow, apiKey: "gw-key", baseUrl: `${server.baseUrl}/v1`, clock });
  const e = new JobEngine({ backend: (id) => (id === backend.id ? backend : null), files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 } });
  engines.push(e);
  return e;
}

async function journalLines(files: MemoryFileStore) {
  const text = await files.readText(files.join(await files.dataFolder(), JOURNAL_FILE));
  return text.split("\n").filter(Boolean).map((l) => jobRecordSchema.parse(JSON.parse(l)));
}

function neverBackwards(lines: Awaited<ReturnType<typeof journalLines>>): void {
  const last = new Map<string, string>();
  for (const j of lines) {
    const before = last.get(j.id);
    if (before) expect(`${before} → ${j.state}: ${canMove(before as never, j.state)}`).toBe(`${before} → ${j.state}: true`);
    last.set(j.id, j.state);
  }
}

const mediaDownloads = () => server.requestsTo("videos.content").filter((r) => r.query.get("variant") !== "thumbnail").length;
const waitFor = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

test("a reopened panel waits for the old engine to let go; its late create answer is journaled once, then collected once", async () => {
  const files = new MemoryFileStore();
  // the create is on the wire and the gateway has not made the job yet: a new engine that looked
  // now would find nothing in the list and pay again
  server.inject({ endpoint: "videos.create", nth: 1, fault: { kind: "delay", ms: 100 } });
  const old = engine(files);
  await old.start();
  const [job] = await old.enqueue([spec(1)]);
  await waitFor(() => server.count("videos.create") === 1);
  // the panel closes without waiting; the new panel starts at once on the same journal
  const closing = old.stop();
  const next = engine(files);
  await next.start();
  await closing;
  const done = await next.settled(job!.id);
  expect(done.state).toBe("downloaded");
  expect(mode.jobs.size).toBe(1);
  expect(mediaDownloads()).toBe(1);
  neverBackwards(await journalLines(files));
});

test("an old engine whose lease was taken over is fenced off: its late answer is never written and it downloads nothing", async () => {
  const files = new MemoryFileStore();
  let answer!: () => void;
  const old = engine(files, new Promise<void>((r) => (answer = r)));
  await old.start();
  const [job] = await old.enqueue([spec(1)]);
  await waitFor(() => mode.jobs.size === 1);
  // the old panel hung: its lease went stale and the new engine takes the journal over
  const leasePath = files.join(await files.dataFolder(), LEASE_FILE);
  const lease = JSON.parse(await files.readText(leasePath)) as Record<string, unknown>;
  await files.writeAtomic(leasePath, JSON.stringify({ ...lease, renewedAt: 0 }));
  const next = engine(files);
  await next.start();
  const done = await next.settled(job!.id);
  expect(done.state).toBe("downloaded");
  answer(); // the old engine's create answer arrives after the new one finished the shot
  await new Promise((r) => setTimeout(r, 100));
  expect(old.get(job!.id)?.state).not.toBe("downloaded");
  expect(mode.jobs.size).toBe(1);
  expect(mediaDownloads()).toBe(1);
  const lines = await journalLines(files);
  neverBackwards(lines);
  expect(lines.at(-1)?.state).toBe("downloaded");
});

test("replay never takes a line from an older writer, nor one that moves a job backwards", async () => {
  const files = new MemoryFileStore();
  const base = spec(1);
  const rec = (state: string, writer: number) => JSON.stringify({ ...base, idempotencyKey: "k", state, createdAt: 0, updatedAt: 0, downloadAttempts: 0, writer, ...(state === "planned" ? {} : { ref: { backend: "openai-videos", model: MODEL, providerJobId: "video_1" } }) });
  const lines = [rec("planned", 1), rec("submitting", 1), rec("failed", 2), rec("submitted", 1), rec("downloaded", 2)];
  await files.writeAtomic(files.join(await files.dataFolder(), JOURNAL_FILE), `${lines.join("\n")}\n`);
  const journal = new Journal(files);
  const { jobs, stale } = await journal.load();
  expect(jobs.get(base.id)?.state).toBe("failed");
  expect(stale).toBe(2);
});

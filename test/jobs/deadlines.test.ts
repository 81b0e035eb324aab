/**
 * No request and no job waits for ever: connect and idle deadlines on every request (the shared HTTP
 * layer), a stalled create becomes outcome-unknown and is never re-sent blindly, and a render that
 * never ends has a deadline with a sentence. On the fake fal queue.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { FalBackend } from "../../src/backends/fal";
import { HttpClient } from "../../src/backends/http";
import { withDeadlines } from "../../src/backends/timeouts";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type EngineOptions } from "../../src/jobs/engine";
import { Journal } from "../../src/jobs/journal";
import { FalMode, falCdnMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";
import { falShot } from "./falShot";

jest.setTimeout(30_000);

let server: FakeServer;
let cdn: FakeServer;
let mode: FalMode;
const engines: JobEngine[] = [];
const quick = withDeadlines(fetch, { connectMs: 150, idleMs: 150 });

beforeEach(async () => {
  const media = fakeMp4(4096, 3);
  cdn = await new FakeServer([falCdnMode(media)]).start();
  mode = new FalMode(media, () => cdn.baseUrl);
  mode.queuedPolls = 1;
  server = await new FakeServer([mode]).start();
  server.addRoute({ method: "GET", pattern: "/stall", name: "stall", handler: () => ({ status: 200, headers: { "content-type": "application/json" }, body: new Readable({ read() { if (!(this as { s?: 1 }).s) this.push('{"a":'); (this as { s?: 1 }).s = 1; } }) }) });
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
  await server.stop();
  await cdn.stop();
});

const spec = falShot(4);

function engine(over: Partial<EngineOptions> = {}): JobEngine {
  const clock = scaledClock(200);
  const backend = new FalBackend({ fetch: quick, apiKey: "fal-key-1234", baseUrl: server.baseUrl, clock });
  const files = new MemoryFileStore();
  const e = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 }, ...over });
  engines.push(e);
  return e;
}

const client = () => new HttpClient({ fetch: quick, provider: "fal.ai", providerId: "fal" });

test("a request with no answer times out; on a create the outcome is unknown", async () => {
  server.inject({ endpoint: "fal.status", fault: { kind: "delay", ms: 2_000 } });
  const url = `${server.baseUrl}/fal-ai/x/requests/none/status`;
  const t0 = Date.now();
  await expect(client().json({ method: "GET", url }, z.unknown())).rejects.toMatchObject({ reason: "transient", message: expect.stringMatching(/could not reach fal\.ai \(ETIMEDOUT\)/) });
  expect(Date.now() - t0).toBeLessThan(1_500);
  server.inject({ endpoint: "fal.submit", fault: { kind: "delay", ms: 2_000 } });
  await expect(client().json({ method: "POST", url: `${server.baseUrl}/fal-ai/x`, json: {}, creates: true }, z.unknown())).rejects.toMatchObject({ details: { outcomeUnknown: true } });
});

test("a body that stops arriving times out", async () => {
  const t0 = Date.now();
  await expect(client().json({ method: "GET", url: `${server.baseUrl}/stall` }, z.unknown())).rejects.toMatchObject({ reason: "transient" });
  expect(Date.now() - t0).toBeLessThan(1_500);
});

test("a create that never answers leaves 'submitting', is never re-sent blindly, and says what to do", async () => {
  server.inject({ endpoint: "fal.submit", fault: { kind: "delay", ms: 3_000 } });
  const e = engine();
  await e.start();
  const [job] = await e.enqueue([spec]);
  const done = await e.settled(job!.id);
  expect(done.state).not.toBe("submitting");
  if (done.state === "failed") expect(done.error).toMatchObject({ outcomeUnknown: true, message: expect.stringMatching(/dashboard/) });
  expect(server.count("fal.submit")).toBe(1);
});

test("a render that never ends stops being watched at the job's deadline, with a sentence", async () => {
  mode.queuedPolls = 1e9;
  const e = engine({ jobDeadlineMs: 10 * 60_000 });
  await e.start();
  const [job] = await e.enqueue([spec]);
  const done = await e.settled(job!.id);
  expect(done.error?.message).toMatch(/fal\.ai has been working on this shot for over 10 minutes without finishing.*Retry looks at it again without paying again/);
  expect(mode.jobs.size).toBe(1);
});

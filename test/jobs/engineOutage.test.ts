/**
 * A provider that cannot be reached for a while never fails a paid job: the engine backs off, the
 * job says "waiting for fal.ai", it resumes after a reopen, and only a long deadline ends the watch
 * (with a sentence that does not promise a retry it will not make). On the fake fal queue.
 */
import { FalBackend } from "../../src/backends/fal";
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

beforeEach(async () => {
  const media = fakeMp4(4096, 3);
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

const spec = falShot(4);

function engine(files: MemoryFileStore, over: Partial<EngineOptions> = {}, scale = 200): JobEngine {
  const clock = scaledClock(scale);
  const backend = new FalBackend({ fetch, apiKey: "fal-key-1234", baseUrl: server.baseUrl, clock });
  const e = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 }, ...over });
  engines.push(e);
  return e;
}

const outage = () => server.inject({ endpoint: "fal.status", fault: { kind: "reset-before" } });
const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

test("a running job rides out an outage far longer than nine polls, showing who it waits for, then lands", async () => {
  const e = engine(new MemoryFileStore(), {}, 2_000);
  await e.start();
  outage();
  const [job] = await e.enqueue([spec]);
  const seen: (string | undefined)[] = [];
  e.subscribe((j) => seen.push(j.waitingFor));
  await until(() => server.count("fal.status") >= 12);
  expect(e.get(job!.id)!.state).not.toBe("failed");
  expect(e.get(job!.id)!.waitingFor).toBe("fal.ai");
  server.clearFaults();
  const done = await e.settled(job!.id);
  expect(done.state).toBe("downloaded");
  expect(done.waitingFor).toBeUndefined();
  expect(seen).toContain("fal.ai");
  expect(mode.jobs.size).toBe(1);
});

test("closed during an outage, the reopened panel picks the job up again", async () => {
  const files = new MemoryFileStore();
  const first = engine(files);
  await first.start();
  outage();
  await first.enqueue([spec]);
  await until(() => server.count("fal.status") >= 3);
  await first.stop();
  server.clearFaults();
  const second = engine(files);
  expect((await second.start()).resumed).toBe(1);
  expect((await second.settled(spec.id)).state).toBe("downloaded");
  expect(mode.jobs.size).toBe(1);
});

test("past the long deadline the watch ends with a true sentence, and Retry looks again without a new create", async () => {
  const e = engine(new MemoryFileStore(), { unreachableDeadlineMs: 20 * 60_000 }, 2_000);
  await e.start();
  outage();
  const [job] = await e.enqueue([spec]);
  const failed = await e.settled(job!.id);
  expect(failed.state).toBe("failed");
  expect(failed.error?.message).toMatch(/could not reach fal\.ai for 20 minutes.*Retry looks at it again without paying again/);
  expect(failed.error?.message).not.toMatch(/will try again/);
  server.clearFaults();
  await e.retry(job!.id);
  expect((await e.settled(job!.id)).state).toBe("downloaded");
  expect(mode.jobs.size).toBe(1);
});

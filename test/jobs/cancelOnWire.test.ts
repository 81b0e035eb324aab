/**
 * Cancel while the create is on the wire: the create is let finish, the job is then cancelled at the
 * provider, and what it may cost stays in the budget ledger. On the fake fal queue.
 */
import { FalBackend } from "../../src/backends/fal";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine } from "../../src/jobs/engine";
import { Journal } from "../../src/jobs/journal";
import { FalMode, falCdnMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";
import { falShot } from "./falShot";

let server: FakeServer;
let cdn: FakeServer;
let mode: FalMode;

beforeEach(async () => {
  const media = fakeMp4(4096, 3);
  cdn = await new FakeServer([falCdnMode(media)]).start();
  mode = new FalMode(media, () => cdn.baseUrl);
  mode.queuedPolls = 50;
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await server.stop();
  await cdn.stop();
});

const spec = falShot(8);

test("a shot cancelled while its create is on the wire is cancelled at the provider once it is accepted, and its cost is counted", async () => {
  server.inject({ endpoint: "fal.submit", fault: { kind: "delay", ms: 300 } });
  const clock = scaledClock(100);
  const backend = new FalBackend({ fetch, apiKey: "fal-key-1234", baseUrl: server.baseUrl, clock });
  const files = new MemoryFileStore();
  const engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 } });
  await engine.start();
  const [job] = await engine.enqueue([spec]);
  while (server.count("fal.submit") === 0) await new Promise((r) => setTimeout(r, 2));
  await engine.cancel(job!.id);
  const j = engine.get(job!.id)!;
  expect(j.error?.reason).toBe("cancelled");
  expect(j.ref?.providerJobId).toBe("req-1");
  expect(server.count("fal.cancel")).toBe(1);
  expect(mode.jobs.get("req-1")!.cancelled).toBe(true);
  expect(engine.ledger.summary().monthUsd).toBeCloseTo(0.8);
  await engine.stop();
});

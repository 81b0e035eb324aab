/**
 * A dead media link is not a dead job: the engine first asks the provider for a fresh result (a new
 * URL), and a retry that would pay for a new render says so, with the cost. On the fake fal queue.
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
let engine: JobEngine;

beforeEach(async () => {
  const media = fakeMp4(4096, 3);
  cdn = await new FakeServer([falCdnMode(media)]).start();
  const mode = new FalMode(media, () => cdn.baseUrl);
  mode.queuedPolls = 1;
  server = await new FakeServer([mode]).start();
  const clock = scaledClock(200);
  const backend = new FalBackend({ fetch, apiKey: "fal-key-1234", baseUrl: server.baseUrl, clock });
  const files = new MemoryFileStore();
  engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 } });
  await engine.start();
});
afterEach(async () => {
  await engine.stop();
  await server.stop();
  await cdn.stop();
});

const spec = falShot(8);

test("a 403/404/410 on the media link asks fal for a fresh result before anything is final", async () => {
  for (const [i, status] of [403, 404, 410].entries()) {
    cdn.inject({ endpoint: "fal.media", nth: cdn.count("fal.media") + 1, fault: { kind: "status", status } });
    const [job] = await engine.enqueue([{ ...spec, id: `r1-s${i}-t1`, shotId: `s${i}` }]);
    expect((await engine.settled(job!.id)).state).toBe("downloaded");
  }
  expect(server.count("fal.submit")).toBe(3);
});

test("a link that stays dead ends as expired; Retry refuses to pay again unless told, and names the cost", async () => {
  cdn.inject({ endpoint: "fal.media", fault: { kind: "status", status: 410 } });
  const [job] = await engine.enqueue([spec]);
  const failed = await engine.settled(job!.id);
  expect(failed.error?.reason).toBe("expired");
  expect(cdn.count("fal.media")).toBe(2);
  await expect(engine.retry(job!.id)).rejects.toThrow(/sends a new paid job to fal\.ai \(about \$0\.80\)/);
  expect(server.count("fal.submit")).toBe(1);
  cdn.clearFaults();
  await engine.retry(job!.id, { spendAgain: true });
  expect((await engine.settled(job!.id)).state).toBe("downloaded");
  expect(server.count("fal.submit")).toBe(2);
});

/**
 * Downloads are bounded by the shot: a body far larger than a clip of that length (declared, or
 * endless without Content-Length) is abandoned and its part file removed; a stalled body times out.
 * On the fake fal queue with its CDN on another origin.
 */
import { Readable } from "node:stream";
import { FalBackend } from "../../src/backends/fal";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { mediaCapBytes } from "../../src/jobs/downloadLimits";
import { JobEngine } from "../../src/jobs/engine";
import { Journal } from "../../src/jobs/journal";
import { FalMode } from "../fake/falMode";
import { FakeServer, type FakeResponse } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";
import { falShot } from "./falShot";

jest.setTimeout(30_000);

let server: FakeServer;
let cdn: FakeServer;
let cdnAnswer: () => FakeResponse;

beforeEach(async () => {
  cdn = await new FakeServer().addRoute({ method: "GET", pattern: "/media/:file", name: "fal.media", handler: () => cdnAnswer() }).start();
  const mode = new FalMode(fakeMp4(1024, 1), () => cdn.baseUrl);
  mode.queuedPolls = 0;
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await server.stop();
  await cdn.stop();
});

const spec = falShot(4);

async function run(): Promise<{ files: MemoryFileStore; job: Awaited<ReturnType<JobEngine["settled"]>> }> {
  const files = new MemoryFileStore();
  const clock = scaledClock(100);
  const backend = new FalBackend({ fetch, apiKey: "fal-key-1234", baseUrl: server.baseUrl, clock });
  const engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 }, maxDownloadAttempts: 2 });
  await engine.start();
  await engine.enqueue([spec]);
  const job = await engine.settled(spec.id);
  await engine.stop();
  return { files, job };
}

const parts = (files: MemoryFileStore) => [...files.files.keys()].filter((k) => k.startsWith("/media/"));

test("an endless body without Content-Length is cut off past the shot's cap, once, and leaves no file", async () => {
  let sent = 0;
  const head = Buffer.from(fakeMp4(64, 2));
  const block = Buffer.alloc(1024 * 1024, 7);
  cdnAnswer = () => ({
    status: 200,
    headers: { "content-type": "video/mp4" },
    body: new Readable({
      read() {
        this.push(sent === 0 ? Buffer.concat([head, block]) : block);
        sent += block.length;
      },
    }),
  });
  const { files, job } = await run();
  expect(job.state).toBe("failed");
  expect(job.error?.message).toMatch(/more than \d+ MB for a 4-second shot/);
  expect(cdn.count("fal.media")).toBe(1);
  expect(sent).toBeLessThan(mediaCapBytes(4) + 16 * 1024 * 1024);
  expect(parts(files)).toEqual([]);
});

test("a declared 5 GB body is refused before a byte is written", async () => {
  cdnAnswer = () => ({ status: 200, headers: { "content-type": "video/mp4", "content-length": String(5 * 1024 ** 3) }, body: Readable.from([Buffer.from(fakeMp4(64, 2))]) });
  const { files, job } = await run();
  expect(job.error?.reason).toBe("invalid_request");
  expect(parts(files)).toEqual([]);
});

test("a body that stops sending times out and is tried again, then fails with a sentence", async () => {
  cdnAnswer = () => ({
    status: 200,
    headers: { "content-type": "video/mp4" },
    body: new Readable({
      read() {
        if (!(this as { started?: boolean }).started) this.push(Buffer.from(fakeMp4(64, 2)));
        (this as { started?: boolean }).started = true;
      },
    }),
  });
  const { files, job } = await run();
  expect(job.state).toBe("failed");
  expect(job.error?.message).toMatch(/stalled \(nothing arrived for 60 s\)/);
  expect(cdn.count("fal.media")).toBe(2);
  expect(parts(files)).toEqual([]);
});

test("the cap follows the shot's length and never passes 2 GB", () => {
  expect(mediaCapBytes(8)).toBeGreaterThan(100 * 1024 ** 2);
  expect(mediaCapBytes(1e6)).toBe(2 * 1024 ** 3);
});

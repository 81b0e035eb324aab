/**
 * A gateway still is paid and answered in one call, with no job to fetch later. The panel dies right
 * after the answer arrives, before the engine journals it: on reopen the journal says "submitting",
 * reconciliation finds the still kept under the job's key, and it reaches the media folder, with no
 * second call to the gateway.
 */
import * as openaiSdk from "openai";
import { OpenAIVideosBackend } from "../../src/backends/openaiVideos";
import type { FileStore } from "../../src/platform/ports";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import { jobRecordSchema } from "../../src/jobs/jobRecord";
import { Journal, JOURNAL_FILE } from "../../src/jobs/journal";
import { OpenAIImagesMode } from "../fake/openaiImagesMode";
import { FakeServer } from "../fake/server";
import { scaledClock } from "../support/scaledClock";

jest.setTimeout(30_000);

let server: FakeServer;
let mode: OpenAIImagesMode;
const engines: JobEngine[] = [];
beforeEach(async () => {
  mode = new OpenAIImagesMode();
  server = await new FakeServer([mode]).start();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop().catch(() => undefined)));
  await server.stop();
});

const SPEC: JobSpec = {
  id: "r1-s1-t1", requestId: "r1", shotId: "s1", take: 1, name: "Storyboard 001 – harbour", backend: "openai-videos",
  request: { model: "gpt-image-1.5", prompt: "Mara at the harbour wall at dawn", durationSeconds: 3, aspect: "16:9", size: { width: 1920, height: 1080 }, shotNumber: 1 },
  estimateUsd: 0.05,
};

/** The panel's file store until it dies: from then on every write fails, as a closed panel writes nothing. */
function dying(files: MemoryFileStore): FileStore & { die(): void } {
  let dead = false;
  const guard = <T>(f: () => Promise<T>): Promise<T> => (dead ? Promise.reject(new Error("the panel is gone")) : f());
  return Object.assign(Object.create(files) as MemoryFileStore, {
    die: () => (dead = true),
    appendText: (p: string, t: string) => guard(() => files.appendText(p, t)),
    writeAtomic: (p: string, d: Uint8Array | string) => guard(() => files.writeAtomic(p, d)),
    openWriter: (p: string) => guard(() => files.openWriter(p)),
    rename: (a: string, b: string) => guard(() => files.rename(a, b)),
  });
}

function engine(files: FileStore, backend: OpenAIVideosBackend, clock: ReturnType<typeof scaledClock>): JobEngine {
  const e = new JobEngine({ backend: (id) => (id === backend.id ? backend : null), files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 } });
  engines.push(e);
  return e;
}

const gateway = (files: FileStore, onAnswer?: () => void) => {
  const b = new OpenAIVideosBackend({ fetch, apiKey: "gw-key", baseUrl: `${server.baseUrl}/v1`, files, loadOpenAI: async () => openaiSdk });
  if (onAnswer) {
    const submit = b.submit.bind(b);
    b.submit = async (req, o) => {
      const ref = await submit(req, o);
      onAnswer();
      return ref;
    };
  }
  return b;
};

test("the panel dies between the still's answer and its journal line; the reopened panel brings the still home without paying again", async () => {
  const clock = scaledClock(100);
  const disk = new MemoryFileStore();
  const panel = dying(disk);
  // the backend keeps stills on the real disk (that write happened); the engine's journal dies with the panel
  const first = engine(panel, gateway(disk, () => panel.die()), clock);
  await first.start();
  await first.enqueue([SPEC]);
  while (server.count("images.generate") === 0) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 50));
  await first.stop().catch(() => undefined);

  const lines = (await disk.readText(disk.join(await disk.dataFolder(), JOURNAL_FILE))).split("\n").filter(Boolean).map((l) => jobRecordSchema.parse(JSON.parse(l)));
  expect(lines.at(-1)?.state).toBe("submitting");

  const reopened = engine(disk, gateway(disk), clock);
  await reopened.start();
  let job = reopened.get(SPEC.id);
  for (let i = 0; i < 400 && job?.state !== "downloaded" && job?.state !== "failed"; i++) {
    await new Promise((r) => setTimeout(r, 10));
    job = reopened.get(SPEC.id);
  }
  expect(job?.state).toBe("downloaded");
  expect(job?.mediaPath).toMatch(/^\/media\/Storyboard 001 – harbour\.png$/);
  expect(Buffer.from(await disk.read(job!.mediaPath!))).toEqual(Buffer.from(mode.still));
  expect(server.count("images.generate")).toBe(1);
});

/** File names are unique per job: temp and final alike, held in memory, never renamed over a file. */
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import { nextShotNumber } from "../../src/jobs/jobRecord";
import { Journal } from "../../src/jobs/journal";
import { MediaNames, saveDownload } from "../../src/jobs/mediaFiles";
import { fakeMp4 } from "../support/media";
import { scaledClock } from "../support/scaledClock";
import { ScriptedBackend } from "./scriptedBackend";

const MEDIA = "/media";

function spec(i: number): JobSpec {
  // every shot carries the same name: the collision the editor's two "harbour" shots produce
  return {
    id: `r1-s${i}-t1`, requestId: "r1", shotId: `s${i}`, take: 1, name: "Cutaway 001 – harbour", backend: "scripted",
    request: { model: "m", prompt: `harbour ${i}`, durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 0.4,
  };
}

test("shots with one name downloading at once each get their own temp and final file, holding their own bytes", async () => {
  const files = new MemoryFileStore();
  const clock = scaledClock(200);
  const backend = new ScriptedBackend({ pollsToComplete: 1, concurrency: 4 }, clock.now);
  const temps = new Set<string>();
  const open = files.openWriter.bind(files);
  files.openWriter = async (p) => (temps.add(p), open(p));
  // downloads that take a while, so all four are on their way before any is renamed into place
  const download = backend.download.bind(backend);
  backend.download = async (ref) => {
    const dl = await download(ref);
    return {
      ...dl,
      chunks: (async function* () {
        for await (const c of dl.chunks) {
          await new Promise((r) => setTimeout(r, 5));
          yield c;
        }
      })(),
    };
  };
  const engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => MEDIA, pace: { minMs: 200, maxMs: 2_000 } });
  await engine.start();
  const jobs = await engine.enqueue([1, 2, 3, 4].map(spec));
  const done = await Promise.all(jobs.map((j) => engine.settled(j.id)));
  expect(done.map((j) => j.state)).toEqual(["downloaded", "downloaded", "downloaded", "downloaded"]);
  expect(new Set(done.map((j) => j.mediaPath)).size).toBe(4);
  expect(temps.size).toBe(4);
  for (const j of done) {
    const expected = fakeMp4(4096, Number(j.ref!.providerJobId.slice(1)));
    expect(Buffer.from(await files.read(j.mediaPath!)).equals(Buffer.from(expected))).toBe(true);
  }
  await engine.stop();
});

test("a file that appears at the chosen name during a download is never overwritten", async () => {
  const files = new MemoryFileStore();
  const names = new MediaNames();
  const path = await names.reserve(files, MEDIA, "Cutaway 001", "mp4");
  const editors = new Uint8Array([1, 2, 3]);
  const bytes = fakeMp4(2048, 9);
  const dl = {
    contentType: "video/mp4", extension: "mp4", contentLength: bytes.length,
    chunks: (async function* () {
      yield bytes.subarray(0, 1024);
      await files.writeAtomic(path, editors); // someone else writes that name meanwhile
      yield bytes.subarray(1024);
    })(),
  };
  const saved = await saveDownload(files, dl, path, undefined, { elsewhere: () => names.reserve(files, MEDIA, "Cutaway 001", "mp4") });
  expect(saved.path).toBe(`${MEDIA}/Cutaway 001 (2).mp4`);
  expect(await files.read(path)).toEqual(editors);
});

test("clip numbering continues from the journal's shots", () => {
  expect(nextShotNumber([])).toBe(1);
  expect(nextShotNumber([{ request: { shotNumber: 12 } }, { request: { shotNumber: 3 } }] as never)).toBe(13);
});

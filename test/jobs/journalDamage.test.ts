/**
 * A damaged or unreadable journal: a copy is kept, the notice says what was lost (with the provider
 * ids the damaged lines show), start() never rejects; and no record is written that would not read back.
 */
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import { fitNegativePrompt, MAX_NEGATIVE_PROMPT_CHARS } from "../../src/jobs/jobRecord";
import { Journal, JOURNAL_FILE } from "../../src/jobs/journal";
import { scaledClock } from "../support/scaledClock";
import { ScriptedBackend } from "./scriptedBackend";

function spec(i: number, over: Partial<JobSpec["request"]> = {}): JobSpec {
  return {
    id: `r1-s${i}-t1`, requestId: "r1", shotId: `s${i}`, take: 1, name: `Cutaway ${String(i).padStart(3, "0")} – harbour`, backend: "scripted",
    request: { model: "m", prompt: `harbour ${i}`, durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i, ...over },
    estimateUsd: 0.4,
  };
}

function rig(files: MemoryFileStore) {
  const clock = scaledClock(200);
  const backend = new ScriptedBackend({ pollsToComplete: 1 }, clock.now);
  const engine = new JobEngine({ backend: () => backend, files, journal: new Journal(files), clock, mediaFolder: async () => "/media", pace: { minMs: 200, maxMs: 2_000 } });
  return { engine, backend };
}

test("a damaged journal is copied before compaction, and the notice names the provider ids of the jobs it lost", async () => {
  const files = new MemoryFileStore();
  const path = files.join(await files.dataFolder(), JOURNAL_FILE);
  const line = (i: number, pid: string) => JSON.stringify({ ...spec(i), idempotencyKey: "k", state: "running", ref: { backend: "scripted", model: "m", providerJobId: pid }, createdAt: 0, updatedAt: 0, downloadAttempts: 0 });
  // three in-flight paid jobs whose lines were mangled (a field broken mid-record), one good job
  const text = [line(1, "p1"), line(2, "p2").replace('"take":1', '"take":"one"'), line(3, "p3").slice(0, -30) + "##", line(4, "p4").replace('"state":"running"', '"state":"lost"'), ""].join("\n");
  await files.writeAtomic(path, text);
  const { engine } = rig(files);
  const r = await engine.start();
  expect(r.notice).toMatch(/3 damaged lines/);
  expect(r.notice).toMatch(/p2, p3, p4/);
  expect(r.notice).not.toMatch(/every job in it was recovered/);
  const copy = /kept at (\S+)\.$/.exec(r.notice!)?.[1];
  expect(copy && (await files.readText(copy))).toBe(text);
  await engine.stop();
});

test("a journal that cannot be read becomes a notice: start() resolves, the file is left alone, nothing new is sent", async () => {
  const files = new MemoryFileStore();
  const path = files.join(await files.dataFolder(), JOURNAL_FILE);
  await files.writeAtomic(path, "whatever was there\n");
  files.readText = async () => {
    throw new Error("EACCES: permission denied");
  };
  const { engine, backend } = rig(files);
  const r = await engine.start();
  expect(r.notice).toMatch(/could not read its job journal \(EACCES/);
  await expect(engine.enqueue([spec(1)])).rejects.toMatchObject({ reason: "invalid_request" });
  expect(backend.calls.create).toBe(0);
  expect(new TextDecoder().decode(files.files.get(path))).toBe("whatever was there\n");
  await engine.stop();
});

test("a shot whose record would not read back is refused with a sentence, and nothing of its request is written", async () => {
  const files = new MemoryFileStore();
  const { engine, backend } = rig(files);
  await engine.start();
  await expect(engine.enqueue([spec(1), spec(2, { negativePrompt: "blurry, ".repeat(750) })])).rejects.toThrow(/could not keep shot 2 in its job journal \(request\.negativePrompt/);
  expect(engine.list()).toEqual([]);
  expect(backend.calls.create).toBe(0);
  await engine.stop();
});

test("negative prompts are cut to what a job keeps, at a term boundary", () => {
  const long = Array.from({ length: 800 }, (_, i) => `flaw ${i}`).join(", ");
  const fit = fitNegativePrompt(long);
  expect(fit.length).toBeLessThanOrEqual(MAX_NEGATIVE_PROMPT_CHARS);
  expect(fit.startsWith("flaw 0, flaw 1")).toBe(true);
  expect(fit).toMatch(/flaw \d+$/);
  expect(fitNegativePrompt("grain, blur")).toBe("grain, blur");
});

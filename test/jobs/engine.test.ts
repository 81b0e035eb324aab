/** The job engine: nothing lost, nothing paid twice, every fault ends in a typed state an editor can act on. */
import { GenerationError } from "../../src/backends/errors";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { JobEngine, type JobSpec } from "../../src/jobs/engine";
import type { JobRecord } from "../../src/jobs/jobRecord";
import { Journal, JOURNAL_FILE } from "../../src/jobs/journal";
import { scaledClock } from "../support/scaledClock";
import { ScriptedBackend, type Script } from "./scriptedBackend";

const MEDIA = "/projects/Demo/Cutaway Media";

function spec(i: number, over: Partial<JobSpec> = {}): JobSpec {
  return {
    id: `r1-s${i}-t1`,
    requestId: "r1",
    shotId: `s${i}`,
    take: 1,
    name: `Cutaway ${String(i).padStart(3, "0")} – harbour at dawn`,
    backend: "scripted",
    request: { model: "m", prompt: `harbour ${i}`, durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: i },
    estimateUsd: 0.4,
    ...over,
  };
}

function rig(script: Script, files = new MemoryFileStore(), extra: { cap?: number } = {}) {
  const clock = scaledClock(200);
  const backend = new ScriptedBackend(script, clock.now);
  const engine = new JobEngine({
    backend: (id) => (id === "scripted" ? backend : null),
    files,
    journal: new Journal(files),
    clock,
    mediaFolder: async () => MEDIA,
    budgetCapUsd: () => extra.cap ?? null,
    pace: { minMs: 200, maxMs: 5_000 },
  });
  return { engine, backend, files, clock };
}

async function journalLines(files: MemoryFileStore): Promise<JobRecord[]> {
  const text = await files.readText(files.join(await files.dataFolder(), JOURNAL_FILE));
  return text.trim().split("\n").map((l) => JSON.parse(l) as JobRecord);
}

describe("job engine", () => {
  it("generates, downloads and verifies each shot into the media folder", async () => {
    const { engine, backend, files } = rig({ pollsToComplete: 3, reportProgress: true });
    await engine.start();
    const jobs = await engine.enqueue([spec(1), spec(2), spec(3)]);
    const done = await Promise.all(jobs.map((j) => engine.settled(j.id)));
    expect(done.map((j) => j.state)).toEqual(["downloaded", "downloaded", "downloaded"]);
    expect(done[0]!.mediaPath).toBe(`${MEDIA}/Cutaway 001 – harbour at dawn.mp4`);
    for (const j of done) expect([...(await files.read(j.mediaPath!)).subarray(4, 8)]).toEqual([0x66, 0x74, 0x79, 0x70]);
    expect([...files.files.keys()].filter((k) => k.endsWith(".part"))).toEqual([]);
    expect(backend.calls.create).toBe(3);
  });

  it("has the job in the journal before the create goes out, and its provider id before submit returns", async () => {
    const { engine, backend, files } = rig({ pollsToComplete: 1 });
    await engine.start();
    let seenAtAccept: string[] = [];
    backend.onAccepted = async () => {
      seenAtAccept = (await journalLines(files)).map((j) => j.state);
    };
    const [job] = await engine.enqueue([spec(1)]);
    await engine.settled(job!.id);
    expect(seenAtAccept).toEqual(["planned", "submitting"]);
    const states = (await journalLines(files)).map((j) => j.state);
    expect(states.slice(0, 3)).toEqual(["planned", "submitting", "submitted"]);
    expect(states.at(-1)).toBe("downloaded");
  });

  it("reconciles a create whose outcome is unknown instead of sending it again", async () => {
    const unknown = new GenerationError("transient", "connection reset", { outcomeUnknown: true });
    const { engine, backend } = rig({ pollsToComplete: 1, canList: true, createFault: { nth: 1, error: unknown, accepted: true } });
    await engine.start();
    const [job] = await engine.enqueue([spec(1)]);
    expect((await engine.settled(job!.id)).state).toBe("downloaded");
    expect(backend.calls.accepted).toBe(1);
    expect(backend.calls.find).toBe(1);
  });

  it("keeps looking while the provider's list lags, however many looks that takes, and never sends the shot twice", async () => {
    const unknown = new GenerationError("transient", "The connection dropped.", { outcomeUnknown: true });
    const { engine, backend } = rig({ pollsToComplete: 1, canList: true, listLagLooks: 8, createFault: { nth: 1, error: unknown, accepted: true } });
    await engine.start();
    const [job] = await engine.enqueue([spec(1)]);
    const done = await engine.settled(job!.id);
    expect(done.state).toBe("downloaded");
    expect(backend.calls.find).toBe(9);
    expect(backend.calls.create).toBe(1);
  });

  it("sends it once more only when the provider's own list shows it never arrived", async () => {
    const unknown = new GenerationError("transient", "connection reset", { outcomeUnknown: true });
    const { engine, backend } = rig({ pollsToComplete: 1, canList: true, createFault: { nth: 1, error: unknown, accepted: false } });
    await engine.start();
    const [job] = await engine.enqueue([spec(1)]);
    expect((await engine.settled(job!.id)).state).toBe("downloaded");
    expect(backend.calls.accepted).toBe(1);
  });

  it("without a job list, an unknown create is reported (never re-sent) and retry needs the editor's say-so", async () => {
    const unknown = new GenerationError("transient", "connection reset", { outcomeUnknown: true });
    const { engine, backend } = rig({ pollsToComplete: 1, canList: false, createFault: { nth: 1, error: unknown, accepted: true } });
    await engine.start();
    const [job] = await engine.enqueue([spec(1)]);
    const failed = await engine.settled(job!.id);
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatchObject({ outcomeUnknown: true, message: expect.stringContaining("Check your Scripted dashboard") });
    await expect(engine.retry(job!.id)).rejects.toThrow(/Send again anyway/);
    expect(backend.calls.create).toBe(1);
    await engine.retry(job!.id, { force: true });
    expect((await engine.settled(job!.id)).state).toBe("downloaded");
    expect(backend.calls.create).toBe(2);
  });

  it("waits out a 429 on create and sends it again (nothing reached the provider)", async () => {
    const limited = new GenerationError("rate_limited", "slow down", { retryAfterSeconds: 3 });
    const { engine, backend } = rig({ pollsToComplete: 1, createFault: { nth: 1, error: limited, accepted: false } });
    await engine.start();
    const [job] = await engine.enqueue([spec(1)]);
    expect((await engine.settled(job!.id)).state).toBe("downloaded");
    expect([backend.calls.create, backend.calls.accepted]).toEqual([2, 1]);
  });

  it("ends a moderated shot as content_policy with the provider's words, and never retries it", async () => {
    const { engine, backend } = rig({ failJob: new GenerationError("content_policy", "The prompt was blocked by the provider's content policy: violence.") });
    await engine.start();
    const [job] = await engine.enqueue([spec(1)]);
    const j = await engine.settled(job!.id);
    expect(j.error).toEqual({ reason: "content_policy", message: "The prompt was blocked by the provider's content policy: violence." });
    expect(backend.calls.create).toBe(1);
  });

  it("downloads again after a truncated or garbled body, and reports an expired link as expired", async () => {
    const a = rig({ pollsToComplete: 1, downloadFault: (n) => (n === 1 ? "truncate" : n === 2 ? "garbage" : null) });
    await a.engine.start();
    const [j1] = await a.engine.enqueue([spec(1)]);
    expect((await a.engine.settled(j1!.id)).state).toBe("downloaded");
    expect(a.backend.calls.download).toBe(3);
    expect([...a.files.files.keys()].filter((k) => k.includes(".part"))).toEqual([]);

    const b = rig({ pollsToComplete: 1, downloadFault: () => "expired" });
    await b.engine.start();
    const [j2] = await b.engine.enqueue([spec(1)]);
    expect((await b.engine.settled(j2!.id)).error?.reason).toBe("expired");
  });

  it("a new engine on the same journal finishes every job the killed one left, without a second create", async () => {
    const files = new MemoryFileStore();
    // The first provider never finishes, so the reload always lands mid-run whatever the machine's speed.
    const first = rig({ pollsToComplete: Number.POSITIVE_INFINITY, concurrency: 6 }, files);
    await first.engine.start();
    await first.engine.enqueue([1, 2, 3, 4, 5, 6].map((i) => spec(i)));
    while (first.backend.calls.accepted < 6) await new Promise((r) => setImmediate(r));
    await first.engine.stop(); // the panel reloads mid-run
    const second = rig({ pollsToComplete: 2 }, files);
    // the provider still knows the first engine's jobs
    for (const [id, j] of first.backend.jobs) second.backend.jobs.set(id, { ...j, polls: 0 });
    const { resumed } = await second.engine.start();
    expect(resumed).toBe(6);
    const all = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => second.engine.settled(`r1-s${i}-t1`)));
    expect(all.every((j) => j.state === "downloaded")).toBe(true);
    expect(first.backend.calls.accepted + second.backend.calls.accepted).toBe(6);
  });

  it("runs 50 shots with at most 4 at the provider at once", async () => {
    const { engine, backend } = rig({ pollsToComplete: 2, concurrency: 4 });
    await engine.start();
    const jobs = await engine.enqueue(Array.from({ length: 50 }, (_, i) => spec(i + 1)));
    const done = await Promise.all(jobs.map((j) => engine.settled(j.id)));
    expect(done.filter((j) => j.state === "downloaded")).toHaveLength(50);
    expect(backend.inFlightMax).toBeLessThanOrEqual(4);
    expect(new Set(done.map((j) => j.mediaPath)).size).toBe(50);
  });

  it("cancel stops polling, asks the provider to stop, and frees the slot for the next shot", async () => {
    const { engine, backend } = rig({ pollsToComplete: 1000, concurrency: 1 });
    await engine.start();
    const [a, b] = await engine.enqueue([spec(1), spec(2)]);
    while (!engine.get(a!.id)!.ref) await new Promise((r) => setTimeout(r, 2));
    backend.script.pollsToComplete = 1;
    await engine.cancel(a!.id);
    expect(engine.get(a!.id)!.error?.reason).toBe("cancelled");
    const polls = backend.jobs.get("p1")!.polls;
    expect((await engine.settled(b!.id)).state).toBe("downloaded");
    expect(backend.jobs.get("p1")!.polls).toBe(polls);
    expect(backend.calls.cancel).toBe(1);
  });

  it("blocks a submit that would pass the monthly budget cap, with the numbers", async () => {
    const { engine, backend } = rig({ pollsToComplete: 1 }, new MemoryFileStore(), { cap: 1 });
    await engine.start();
    const jobs = await engine.enqueue([spec(1, { estimateUsd: 0.6 }), spec(2, { estimateUsd: 0.6 })]);
    const done = await Promise.all(jobs.map((j) => engine.settled(j.id)));
    expect(done.map((j) => j.state).sort()).toEqual(["downloaded", "failed"]);
    expect(done.find((j) => j.state === "failed")!.error?.message).toMatch(/past your budget cap of \$1\.00/);
    expect(backend.calls.create).toBe(1);
  });

  it("tolerates a torn last journal line and keeps every complete record", async () => {
    const files = new MemoryFileStore();
    const a = rig({ pollsToComplete: 1 }, files);
    await a.engine.start();
    const [j] = await a.engine.enqueue([spec(1)]);
    await a.engine.settled(j!.id);
    await files.appendText(files.join(await files.dataFolder(), JOURNAL_FILE), '{"id":"r1-s2-t1","state":"subm');
    const b = rig({ pollsToComplete: 1 }, files);
    const r = await b.engine.start();
    expect(r.skippedLines).toBe(1);
    expect(b.engine.get(j!.id)!.state).toBe("downloaded");
  });
});

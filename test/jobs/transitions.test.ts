/** A job's states only move forward: a stale writer can never put a downloaded shot back to "submitted". */
import { GenerationError } from "../../src/backends/errors";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import type { JobRecord } from "../../src/jobs/jobRecord";
import { JobStore } from "../../src/jobs/jobStore";
import { Journal, JOURNAL_FILE } from "../../src/jobs/journal";
import { canMove, IllegalTransition } from "../../src/jobs/transitions";

const clock = { now: () => 1_000, sleep: async () => undefined };

function record(over: Partial<JobRecord> = {}): JobRecord {
  return {
    id: "r1-s1-t1", requestId: "r1", shotId: "s1", take: 1, name: "Cutaway 001 – harbour", backend: "fal",
    request: { model: "m", prompt: "harbour", durationSeconds: 4, aspect: "16:9", size: { width: 1280, height: 720 }, shotNumber: 1 },
    idempotencyKey: "cutaway-r1-s1-t1", state: "planned", estimateUsd: 0.4, createdAt: 0, updatedAt: 0, downloadAttempts: 0, ...over,
  };
}

describe("job transitions", () => {
  it("allows the forward path and the editor's own ways back, nothing else", () => {
    const forward: Array<[JobRecord["state"], JobRecord["state"]]> = [["planned", "submitting"], ["submitting", "submitted"], ["submitted", "running"], ["running", "ready"], ["ready", "downloaded"], ["downloaded", "placed"]];
    for (const [a, b] of forward) expect(canMove(a, b)).toBe(true);
    expect(canMove("failed", "planned")).toBe(true); // Retry
    expect(canMove("placed", "downloaded")).toBe(true); // Place again after an Undo
    for (const [a, b] of [["downloaded", "submitted"], ["ready", "running"], ["placed", "failed"], ["downloaded", "failed"], ["running", "submitting"], ["placed", "placed"]] as const) expect(canMove(a, b)).toBe(false);
  });

  it("refuses a stale write and keeps the journal as it was", async () => {
    const files = new MemoryFileStore();
    const journal = new Journal(files);
    await journal.load();
    const store = new JobStore(journal, clock);
    await store.save(record());
    await store.save(record({ state: "submitting" }));
    await store.save(record({ state: "submitted", ref: { backend: "fal", model: "m", providerJobId: "p1" } }));
    await store.save(record({ state: "ready", ref: { backend: "fal", model: "m", providerJobId: "p1" } }));
    await store.save(record({ state: "downloaded", mediaPath: "/m/a.mp4" }));
    const before = await files.readText(files.join(await files.dataFolder(), JOURNAL_FILE));
    await expect(store.save(record({ state: "submitted" }))).rejects.toBeInstanceOf(IllegalTransition);
    await expect(store.fail(store.current("r1-s1-t1"), new GenerationError("transient", "x"))).rejects.toBeInstanceOf(IllegalTransition);
    expect(store.current("r1-s1-t1").state).toBe("downloaded");
    expect(await files.readText(files.join(await files.dataFolder(), JOURNAL_FILE))).toBe(before);
  });

  it("writes nothing once closed", async () => {
    const files = new MemoryFileStore();
    const journal = new Journal(files);
    await journal.load();
    const store = new JobStore(journal, clock);
    store.close();
    await expect(store.save(record())).rejects.toMatchObject({ reason: "cancelled" });
  });
});

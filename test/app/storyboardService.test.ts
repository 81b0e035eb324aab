/** The storyboard review beside the project: found again on reload, safe against a damaged or newer file. */
import type { GenerateRequest } from "../../src/app/api";
import { StoryboardService } from "../../src/app/storyboard/storyboardService";
import { STORYBOARD_FILE } from "../../src/app/storyboard/storyboardFile";
import type { BibleApi } from "../../src/app/bible/bibleApi";
import { snapshotBuilder } from "../../src/core/timeline/builder";
import type { Provenance, SequenceSnapshot } from "../../src/core/timeline";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";

const BESIDE = `/projects/Harbour/${STORYBOARD_FILE}`;
const made = (n: number): Provenance => ({ prompt: `shot ${n} prompt`, backend: "fal", model: "fal-ai/nano-banana-2", jobId: `j${n}`, createdAt: "2026-12-02T10:00:00.000Z", slate: true, shotId: `script-s${n}`, take: 1 });

function sequence(): SequenceSnapshot {
  return snapshotBuilder()
    .track([{ at: 0, len: 48, name: "A-roll" }, { at: 48, len: 48, name: "B-roll" }])
    .track([1, 2, 3].map((n) => ({ at: (n - 1) * 48, len: 48, name: `Cutaway 00${n} – still`, media: `/projects/Harbour/Cutaway Media/still-${n}.png`, kind: "still" as const, provenance: made(n) })))
    .build();
}

function service(files: MemoryFileStore, project: string | null | (() => string | null) = "/projects/Harbour", runs: GenerateRequest[] = []) {
  const notices: string[] = [];
  let t = Date.parse("2026-12-02T12:00:00.000Z");
  const s = new StoryboardService({
    files,
    clock: { now: () => (t += 1000), sleep: async () => undefined },
    projectFolder: async () => (typeof project === "function" ? project() : project),
    say: (_l, m) => notices.push(m),
    snapshot: async () => sequence(),
    bible: {} as BibleApi,
    run: async (r) => (runs.push(r), { requestId: "r1" }),
    placement: () => "all-at-once",
    shotNumberOf: () => undefined,
    makesStills: (_b, m) => m === "fal-ai/nano-banana-2",
  });
  return { s, notices };
}

test("approvals and an edited prompt are saved beside the project and found again on reload, with the revision", async () => {
  const files = new MemoryFileStore();
  const { s } = service(files);
  await s.reload();
  s.see(sequence());
  const [one, two] = s.getState().frames;
  await s.approve([one!.mediaPath]);
  await s.editPrompt(two!.mediaPath, "Jonah in the doorway, soaked");
  expect(await files.exists(BESIDE)).toBe(true);
  const revision = s.getState().revision;
  expect(revision).toBe(2);

  const again = service(files).s;
  await again.reload();
  again.see(sequence());
  expect(again.getState()).toMatchObject({ revision, path: BESIDE, besideProject: true, approvedCount: 1 });
  expect(again.getState().frames.map((f) => [f.shotNumber, f.approved, f.edited, f.prompt])).toEqual([
    [1, true, false, "shot 1 prompt"],
    [2, false, true, "Jonah in the doorway, soaked"],
    [3, false, false, "shot 3 prompt"],
  ]);
  expect(again.review().approved(one!.mediaPath)).toBe(true);
  expect(again.review().prompt(two!.mediaPath)).toBe("Jonah in the doorway, soaked");
});

test("an unsaved project keeps its storyboard in Cutaway's own folder", async () => {
  const files = new MemoryFileStore();
  const { s } = service(files, null);
  await s.reload();
  await s.approveAll();
  expect(s.getState()).toMatchObject({ besideProject: false, approvedCount: 3 });
  expect(await files.exists(`/cutaway-data/${STORYBOARD_FILE}`)).toBe(true);
});

test.each([
  ["not JSON", "{ not json", /could not be read/],
  ["invalid", JSON.stringify({ version: 1, revision: 4, frames: [{ mediaPath: "/x.png" }] }), /is damaged/],
  ["from a newer Cutaway", JSON.stringify({ version: 9, revision: 4, frames: [] }), /was saved by a newer Cutaway/],
])("a storyboard file that is %s is set aside under its own name, never overwritten, and the notice names it", async (_what, text, why) => {
  const files = new MemoryFileStore();
  await files.mkdirp("/projects/Harbour");
  await files.writeAtomic(BESIDE, text);
  const { s, notices } = service(files);
  await s.reload();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(why);
  const kept = [...files.files.keys()].find((k) => k.includes("(set aside"))!;
  expect(kept).toMatch(/^\/projects\/Harbour\/Cutaway Storyboard \(set aside .+\)\.json$/);
  expect(notices[0]).toContain(kept.slice(kept.lastIndexOf("/") + 1));
  expect(new TextDecoder().decode(files.files.get(kept)!)).toBe(text);
  await s.approveAll();
  // the new storyboard is written beside it; the kept file is untouched
  expect(new TextDecoder().decode(files.files.get(kept)!)).toBe(text);
  expect(JSON.parse(await files.readText(BESIDE)).frames).toHaveLength(3);
});

test("regenerate is one still through Upgrade drafts on the model it came from; a still no longer on the sequence is refused", async () => {
  const files = new MemoryFileStore();
  const runs: GenerateRequest[] = [];
  const { s } = service(files, "/projects/Harbour", runs);
  await s.reload();
  s.see(sequence());
  const frame = s.getState().frames[2]!;
  await s.regenerate(frame.mediaPath);
  expect(runs).toEqual([expect.objectContaining({ kind: "replace-placeholders", scope: "drafts", onlyTargetIds: [`ph-${frame.clipId}`], backend: "fal", model: "fal-ai/nano-banana-2", mode: "generate" })]);
  await expect(s.approve(["/projects/Harbour/Cutaway Media/gone.png"])).rejects.toThrow(/no longer on the active sequence/);
});

test("the review follows the project: a first save carries approvals beside it; another project reads its own", async () => {
  const files = new MemoryFileStore();
  let folder: string | null = null;
  const { s, notices } = service(files, () => folder);
  await s.reload();
  s.see(sequence());
  await s.approve([s.getState().frames[0]!.mediaPath]);
  expect(s.getState().besideProject).toBe(false);
  folder = "/projects/Harbour";
  await s.reload();
  s.see(sequence());
  expect(s.getState()).toMatchObject({ path: BESIDE, besideProject: true, approvedCount: 1 });
  expect(await files.exists(BESIDE)).toBe(true);
  expect(notices).toContain("The storyboard now lives beside the saved project.");
  folder = "/projects/Lighthouse";
  await s.reload();
  s.see(sequence());
  expect(s.getState()).toMatchObject({ path: `/projects/Lighthouse/${STORYBOARD_FILE}`, approvedCount: 0 });
});

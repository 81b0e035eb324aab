/** The bible beside the Premiere project: found again on reopen, versioned, safe against damage and deletes. */
import { createCutaway, type Cutaway } from "../../src/app/cutaway";
import type { ImagePicker } from "../../src/app/ports";
import { BIBLE_FILE } from "../../src/app/bible/bibleFile";
import { castDescriptions } from "../../src/bible";
import { encodePng } from "../../src/backends/slate/png";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim, type PremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { catalogOf } from "../app/appRig";
import { ScriptedBackend } from "../jobs/scriptedBackend";
import { scaledClock } from "../support/scaledClock";
import { cafeBreakdown } from "./fixtures";

const PROJECT = "/projects/Harbour/Harbour.prproj";
const BESIDE = `/projects/Harbour/${BIBLE_FILE}`;

const exportedAt: bigint[] = [];

async function open(files: MemoryFileStore, projectPath: string | null = PROJECT, seq = demoSequence()): Promise<Cutaway> {
  return (await openWithSim(files, projectPath, seq)).app;
}

async function openWithSim(files: MemoryFileStore, projectPath: string | null = PROJECT, seq = demoSequence(), imagePicker?: ImagePicker): Promise<{ app: Cutaway; sim: PremiereSim }> {
  const sim = createPremiereSim(stateFromSnapshot(seq), {
    projectPath: projectPath ?? PROJECT,
    exportFrame: async (dir, name, _w, _h, at) => {
      exportedAt.push(at);
      await files.writeAtomic(`${dir}/${name}`, encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(120)));
      return true;
    },
  });
  const host = new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep, files });
  const clock = scaledClock(200);
  const app = createCutaway({ host, files, secrets: new MemorySecretStore(), settings: new FileSettingsStore(files), clock, backends: catalogOf(new Map([["slate", new ScriptedBackend({ pollsToComplete: 1 }, clock.now)]])), ...(imagePicker ? { imagePicker } : {}) });
  await app.start();
  return { app, sim };
}

function breakdownView() {
  const b = cafeBreakdown();
  return { shots: b.shots.map((s) => ({ characters: s.characters, location: s.scene?.location ?? "" })), cast: [...castDescriptions(b.cast)].map(([name, d]) => ({ name, description: d ?? "" })) };
}

test("the bible is saved beside the project and found again after a panel reload, with its revision", async () => {
  const files = new MemoryFileStore();
  const first = await open(files);
  expect(await first.bible.seedFromBreakdown(breakdownView())).toBe(3);
  const mara = first.bible.getState().entries.find((e) => e.name === "Mara")!;
  await first.bible.updateEntry(mara.id, { description: "sixty, silver bun, red wool scarf" });
  await first.bible.addReferenceFromPlayhead(mara.id);
  expect(first.bible.getState().path).toBe(BESIDE);
  expect(await files.exists(BESIDE)).toBe(true);
  const revision = first.bible.getState().revision;
  await first.dispose();

  const again = await open(files);
  const s = again.bible.getState();
  expect(s.revision).toBe(revision);
  const back = s.entries.find((e) => e.name === "Mara")!;
  expect(back.description).toBe("sixty, silver bun, red wool scarf");
  expect(back.references).toHaveLength(1);
  expect(back.references[0]!.origin).toBe("timeline");
  expect(back.references[0]!.path.startsWith("/projects/Harbour/Cutaway Media/Bible/")).toBe(true);
  await again.dispose();
});

test("deleting an entry never touches media: its reference frame stays on disk", async () => {
  const files = new MemoryFileStore();
  const app = await open(files);
  await app.bible.seedFromBreakdown(breakdownView());
  const jonah = app.bible.getState().entries.find((e) => e.name === "Jonah")!;
  await app.bible.addReferenceFromPlayhead(jonah.id);
  const frame = app.bible.getState().entries.find((e) => e.id === jonah.id)!.references[0]!.path;
  await app.bible.removeEntry(jonah.id);
  expect(app.bible.getState().entries.map((e) => e.name)).toEqual(["Mara", "Harbour Café"]);
  expect(await files.exists(frame)).toBe(true);
  await app.dispose();
});

test("a reference from a file must be a real PNG or JPEG", async () => {
  const files = new MemoryFileStore();
  const app = await open(files);
  const e = await app.bible.addEntry({ kind: "look", name: "Sodium night", description: "sodium-orange light", always: true });
  await files.writeAtomic("/refs/not-an-image.png", "hello");
  await expect(app.bible.addReferenceFromFile(e.id, "/refs/not-an-image.png")).rejects.toThrow(/not a PNG or JPEG/);
  await expect(app.bible.addReferenceFromFile(e.id, "/refs/missing.png")).rejects.toThrow(/cannot find/);
  await files.writeAtomic("/refs/look.png", encodePng(4, 4, new Uint8Array(48)));
  await app.bible.addReferenceFromFile(e.id, "/refs/look.png");
  expect(app.bible.getState().entries[0]!.references.map((r) => [r.path, r.origin])).toEqual([["/refs/look.png", "file"]]);
  await app.dispose();
});

test("a damaged or newer bible file is set aside, never overwritten, and the editor is told", async () => {
  const files = new MemoryFileStore();
  await files.writeAtomic(BESIDE, JSON.stringify({ version: 7, revision: 3, entries: [] }));
  const app = await open(files);
  expect(app.bible.getState().entries).toEqual([]);
  expect(app.getState().notices.map((n) => n.message).join(" ")).toMatch(/newer Cutaway; it was kept as/);
  const kept = (await files.list("/projects/Harbour")).filter((n) => n.includes("set aside"));
  expect(kept).toHaveLength(1);
  expect(JSON.parse(await files.readText(`/projects/Harbour/${kept[0]}`)).version).toBe(7);
  await app.dispose();
});

test("an unsaved project keeps its bible in the plugin's data folder and says so", async () => {
  const files = new MemoryFileStore();
  const app = await open(files, "");
  expect(app.bible.getState().besideProject).toBe(false);
  expect(app.bible.getState().path).toBe(`${await files.dataFolder()}/${BIBLE_FILE}`);
  await app.dispose();
});

test("a reference from the selected clip is its middle frame; with nothing selected the editor is told what to do", async () => {
  const files = new MemoryFileStore();
  const seq = demoSequence();
  const clip = seq.videoTracks[0]!.clips[1]!;
  const app = await open(files, PROJECT, { ...seq, selection: [clip.id] });
  const e = await app.bible.addEntry({ kind: "place", name: "Pier" });
  exportedAt.length = 0;
  await app.bible.addReferenceFromSelection(e.id);
  const mid = clip.start + (clip.end - clip.start) / 2n;
  expect(exportedAt).toHaveLength(1);
  expect(exportedAt[0]! <= mid && exportedAt[0]! > clip.start).toBe(true);
  await app.dispose();
  const none = await open(new MemoryFileStore());
  const e2 = await none.bible.addEntry({ kind: "place", name: "Pier" });
  await expect(none.bible.addReferenceFromSelection(e2.id)).rejects.toThrow(/Select a clip in the timeline first/);
  await none.dispose();
});

test("opening another project reads that project's bible; coming back finds the first one as it was", async () => {
  const files = new MemoryFileStore();
  const { app, sim } = await openWithSim(files);
  await app.bible.seedFromBreakdown(breakdownView());
  sim.switchProject("/projects/Lighthouse/Lighthouse.prproj");
  await app.refresh();
  expect(app.bible.getState().path).toBe(`/projects/Lighthouse/${BIBLE_FILE}`);
  expect(app.bible.getState().entries).toEqual([]);
  // an edit now lands in the other project's bible, never in the first one's
  await app.bible.addEntry({ kind: "place", name: "Lighthouse" });
  expect(JSON.parse(await files.readText(BESIDE)).entries.map((e: { name: string }) => e.name)).toEqual(["Mara", "Jonah", "Harbour Café"]);
  sim.switchProject(PROJECT);
  await app.refresh();
  expect(app.bible.getState().entries.map((e) => e.name)).toEqual(["Mara", "Jonah", "Harbour Café"]);
  expect(app.getState().notices.some((n) => /Another project is open: Cutaway now shows its bible and storyboard/.test(n.message))).toBe(true);
  await app.dispose();
});

test("saving an unsaved project for the first time takes its bible along beside the project", async () => {
  const files = new MemoryFileStore();
  const { app, sim } = await openWithSim(files, "");
  await app.bible.addEntry({ kind: "character", name: "Mara", description: "sixty, silver bun" });
  expect(app.bible.getState().besideProject).toBe(false);
  sim.switchProject(PROJECT);
  await app.refresh();
  const s = app.bible.getState();
  expect(s.besideProject).toBe(true);
  expect(s.path).toBe(BESIDE);
  expect(s.entries.map((e) => e.description)).toEqual(["sixty, silver bun"]);
  expect(JSON.parse(await files.readText(BESIDE)).entries).toHaveLength(1);
  await app.dispose();
});

test("a reference from the open dialog: the picked JPEG is used where it is; a cancel adds nothing; a full entry is refused before the dialog opens", async () => {
  const files = new MemoryFileStore();
  await files.writeAtomic("/Users/ed/Pictures/mara.jpg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]));
  await files.writeAtomic("/Users/ed/Pictures/notes.txt", "not an image");
  const answers: (string | null)[] = ["/Users/ed/Pictures/mara.jpg", null, "/Users/ed/Pictures/notes.txt"];
  let opened = 0;
  const picker: ImagePicker = { pickImage: async () => (opened++, answers.length ? answers.shift()! : "/Users/ed/Pictures/mara.jpg") };
  const { app } = await openWithSim(files, PROJECT, demoSequence(), picker);
  expect(app.bible.canPickFiles()).toBe(true);
  const e = await app.bible.addEntry({ kind: "character", name: "Mara" });
  expect(await app.bible.addReferenceFromPicker(e.id)).toBe(true);
  expect(app.bible.getState().entries[0]!.references.map((r) => [r.path, r.origin])).toEqual([["/Users/ed/Pictures/mara.jpg", "file"]]);
  expect(await app.bible.addReferenceFromPicker(e.id)).toBe(false);
  await expect(app.bible.addReferenceFromPicker(e.id)).rejects.toThrow(/not a PNG or JPEG image/);
  for (let i = 0; i < 3; i++) await app.bible.addReferenceFromPlayhead(e.id);
  const before = opened;
  await expect(app.bible.addReferenceFromPicker(e.id)).rejects.toThrow(/already has 4 reference images/);
  expect(opened).toBe(before);
  await app.dispose();
  const plain = await open(new MemoryFileStore());
  expect(plain.bible.canPickFiles()).toBe(false);
  await plain.dispose();
});

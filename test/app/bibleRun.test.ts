/**
 * Issue 16 end to end on the fake provider: a Fountain scene with two characters and one location →
 * breakdown → bible (an edited description, a reference taken from the timeline) → a rough cut where
 * every request carries the right references for its model, and provenance names the entries.
 */
import type { GenerateRequest } from "../../src/app/api";
import { falReferencesOf, type FalMode } from "../fake/falMode";
import { veoReferencesOf, type VeoMode } from "../fake/veoMode";
import type { FakeServer } from "../fake/server";
import { settlePlaced } from "./appRig";
import { cafeProviders, castAndBible, cut, openCafe, upgrade, KLING_O3 } from "./cafeRig";

jest.setTimeout(40_000);

let server: FakeServer;
let fal: FalMode;
let veo: VeoMode;
beforeEach(async () => {
  const p = await cafeProviders();
  ({ server, fal, veo } = p);
  open = () => openCafe(p);
});
afterEach(() => server.stop());
let open: () => ReturnType<typeof openCafe>;

test("Kling O3 on fal: each shot sends its characters as elements and the café as an image; provenance and Jobs rows name the entries", async () => {
  const { app, host } = await open();
  const b = await castAndBible(app);
  const req = cut(b, "fal", "fal-ai/kling-video/o3/standard/reference-to-video");
  const preview = await app.preview(req);
  const rows = preview.items.map((i) => i.bible ?? "");
  // the panel's live preview is a dry run: it shows the same rows Generate will send
  expect((await app.preview({ ...req, mode: "dry-run" })).items.map((i) => i.bible)).toEqual(rows);
  expect(rows.some((r) => /Mara, Jonah, Harbour Café · 2 references \(Mara, Harbour Café\)/.test(r))).toBe(true);
  // Mara's edited description is in every prompt that names her, word for word
  for (const i of preview.items) if (/Mara/.test(i.bible ?? "")) expect(i.prompt).toContain("sixty, silver bun, red wool scarf");
  const { requestId } = await app.run(req, { confirmed: true });
  await settlePlaced(app, requestId);
  const jobs = [...fal.jobs.values()];
  expect(jobs).toHaveLength(preview.items.length);
  const sent = jobs.map((j) => falReferencesOf(j));
  // the establishing shot names only the place; shots with Mara carry her element
  expect(sent[0]).toMatchObject({ images: 1, elements: [] });
  expect(sent.filter((s) => s.elements.length === 1 && s.images === 1).length).toBeGreaterThan(0);
  for (const s of sent) expect(s.images + s.elements.length).toBeLessThanOrEqual(4);
  const views = app.getState().jobs.filter((j) => j.requestId === requestId);
  expect(views.every((v) => v.bibleEntries?.includes("Harbour Café"))).toBe(true);
  const placed = (await host.snapshot()).videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance?.jobId.startsWith(requestId));
  expect(placed).toHaveLength(preview.items.length);
  expect(placed.map((c) => c.provenance!.bibleEntries)).toContainEqual(["Mara", "Jonah", "Harbour Café"]);
  await app.dispose();
});

test("Veo 3.1: references only in 8 s clips, so shots with references render at 8 s; Veo 2 and fal Veo get text only and the row says so", async () => {
  const { app } = await open();
  const b = await castAndBible(app);
  const req = cut(b, "veo", "veo-3.1-fast-generate-preview");
  const preview = await app.preview(req);
  expect(preview.items.every((i) => i.generationSeconds === 8)).toBe(true);
  const { requestId } = await app.run(req, { confirmed: true });
  await settlePlaced(app, requestId);
  const refs = [...veo.jobs.values()].map((j) => veoReferencesOf(j).length);
  expect(refs.every((n) => n >= 1 && n <= 3)).toBe(true);

  const none = await app.preview(cut(b, "fal", "fal-ai/veo3.1/fast"));
  expect(none.items.every((i) => /takes no reference images: text descriptions only/.test(i.bible ?? ""))).toBe(true);
  expect(none.items.filter((i) => /Mara/.test(i.bible ?? "")).every((i) => i.prompt.includes("sixty, silver bun, red wool scarf"))).toBe(true);
  await app.dispose();
});

test("removing an entry after a run leaves the generated clips and their provenance alone", async () => {
  const { app, files } = await open();
  const b = await castAndBible(app);
  const { requestId } = await app.run(cut(b, "fal", "bytedance/seedance-2.0"), { confirmed: true });
  await settlePlaced(app, requestId);
  const media = app.getState().jobs.filter((j) => j.requestId === requestId).map((j) => j.mediaPath!);
  for (const e of app.bible.getState().entries) await app.bible.removeEntry(e.id);
  for (const m of media) expect(await files.exists(m)).toBe(true);
  const seedance = [...fal.jobs.values()];
  expect(seedance.some((j) => j.endpoint === "bytedance/seedance-2.0/reference-to-video")).toBe(true);
  await app.dispose();
});

test("generated sound is a per-run switch, off by default: asked of models that make it, and the plan says what happens", async () => {
  const { app } = await open();
  const b = await castAndBible(app);
  const seedance = cut(b, "fal", "bytedance/seedance-2.0");
  expect((await app.preview(seedance)).audio).toMatch(/^Sound off/);
  expect((await app.preview({ ...seedance, audio: true })).audio).toMatch(/^Sound on: Seedance 2\.0 \(fal\.ai\) makes sound/);
  expect((await app.preview({ ...cut(b, "fal", "fal-ai/wan/v2.7"), audio: true })).audio).toMatch(/makes no sound: these shots are picture only/);
  const { requestId } = await app.run({ ...seedance, shots: b.shots.slice(0, 2), audio: true }, { confirmed: true });
  await settlePlaced(app, requestId);
  const off = await app.run({ ...seedance, shots: b.shots.slice(0, 1) }, { confirmed: true });
  await settlePlaced(app, off.requestId);
  expect([...fal.jobs.values()].map((j) => (j.input as { generate_audio?: unknown }).generate_audio)).toEqual([true, true, false]);
  await app.dispose();
});

test("storyboard first: one still per shot with the bible's references, landing as drafts; Animate turns each still into its shot from that frame", async () => {
  const { app, host } = await open();
  const b = await castAndBible(app);
  const board = cut(b, "fal", "fal-ai/nano-banana-2");
  const stillsPlan = await app.preview(board);
  // a few cents a shot, priced per image
  expect(stillsPlan.estimate.usd).toBeCloseTo(0.08 * b.shots.length, 2);
  const { requestId } = await app.run(board, { confirmed: true });
  await settlePlaced(app, requestId);
  const sent = [...fal.jobs.values()];
  expect(sent.every((j) => j.endpoint === "fal-ai/nano-banana-2/edit")).toBe(true); // every shot names the café, which has a frame
  expect(sent.map((j) => falReferencesOf(j).images)).toContain(2); // Mara and the café
  const stills = (await host.snapshot()).videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance?.jobId.startsWith(requestId));
  expect(stills).toHaveLength(b.shots.length);
  expect(stills.every((c) => c.provenance!.slate && /\.png$/.test(c.mediaPath ?? ""))).toBe(true);

  const animate: GenerateRequest = upgrade(KLING_O3, true);
  // Animate takes approved stills: the editor approves them all in the storyboard first
  await app.storyboard.approveAll();
  const before = fal.jobs.size;
  const run = await app.run(animate, { confirmed: true });
  await settlePlaced(app, run.requestId);
  const animated = [...fal.jobs.values()].slice(before).filter((j) => typeof (j.input as { start_image_url?: unknown }).start_image_url === "string");
  expect(animated).toHaveLength(stills.length);
  for (const j of animated) {
    expect((j.input as { start_image_url: string }).start_image_url).toMatch(/^data:image\/png;base64,/);
    const r = falReferencesOf(j);
    expect(r.images + r.elements.length).toBeGreaterThan(0);
    expect(r.images + r.elements.length).toBeLessThanOrEqual(4);
  }
  const after = (await host.snapshot()).videoTracks.flatMap((t) => t.clips);
  for (const s of stills) expect(after.find((c) => c.id === s.id)!.enabled).toBe(false);
  const shots = after.filter((c) => c.provenance?.jobId.startsWith(run.requestId) && /\.mp4$/.test(c.mediaPath ?? ""));
  expect(shots.length).toBeGreaterThanOrEqual(stills.length);
  expect(shots.some((c) => c.provenance!.bibleEntries?.includes("Mara"))).toBe(true);
  await app.dispose();
});

test("conform carries the bible: a slate draft made with Mara and the café becomes a final that sends their references and names them", async () => {
  const { app, host } = await open();
  const b = await castAndBible(app);
  const drafts = await app.run({ ...cut(b, "slate", "slate"), shots: b.shots.slice(0, 3), mode: "draft" }, { confirmed: true });
  await settlePlaced(app, drafts.requestId);
  const slates = (await host.snapshot()).videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance?.jobId.startsWith(drafts.requestId));
  expect(slates.map((c) => c.provenance!.bibleEntries)).toEqual([["Harbour Café"], ["Mara", "Harbour Café"], ["Jonah", "Harbour Café"]]);
  // the description is edited after the drafts: the finals carry today's words, not both
  const mara = app.bible.getState().entries.find((e) => e.name === "Mara")!;
  await app.bible.updateEntry(mara.id, { description: "seventy, white bun, blue wool scarf" });
  const conform = { kind: "conform", scope: "sequence", backend: "fal", model: "fal-ai/kling-video/o3/standard/reference-to-video", takes: 1, mode: "generate", placement: "all-at-once" } as const;
  const preview = await app.previewShots(conform);
  const withMara = preview.items.filter((i) => /Mara/.test(i.note ?? ""));
  expect(withMara.length).toBeGreaterThan(0);
  for (const i of withMara) {
    expect(i.prompt).toContain("Mara: seventy, white bun, blue wool scarf");
    expect(i.prompt).not.toContain("sixty, silver bun");
  }
  expect(preview.items).toHaveLength(3);
  expect(preview.items.every((i) => /Bible: .*Harbour Café/.test(i.note ?? ""))).toBe(true);
  const { requestId } = await app.runShots(conform, { confirmed: true });
  await settlePlaced(app, requestId);
  const sent = [...fal.jobs.values()].map((j) => falReferencesOf(j));
  expect(sent).toHaveLength(3);
  // every final has the café's frame; the shots with Mara have her element too
  expect(sent.every((s) => s.images >= 1)).toBe(true);
  expect(sent.some((s) => s.elements.length === 1)).toBe(true);
  const finals = (await host.snapshot()).videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance?.jobId.startsWith(requestId));
  expect(finals).toHaveLength(3);
  expect(finals.every((c) => c.provenance!.bibleEntries?.includes("Harbour Café"))).toBe(true);
  await app.dispose();
});

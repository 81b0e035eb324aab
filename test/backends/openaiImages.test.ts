/**
 * Storyboard stills on an OpenAI-style gateway's image endpoint, through the openai SDK against the
 * strict fake: a prompt alone goes to /images/generations, bible references to /images/edits as
 * image[] files; the still is on disk before submit returns, so its status and download need no
 * second (paid) call, and a lost answer is never sent again by itself.
 */
import * as openaiSdk from "openai";
import { OpenAIVideosBackend, openAIVideosCapabilities } from "../../src/backends/openaiVideos";
import { RECEIVED_STILLS_FOLDER } from "../../src/backends/receivedStills";
import type { GenerationRequest, ReferenceImage } from "../../src/backends/types";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { OpenAIImagesMode } from "../fake/openaiImagesMode";
import { FakeServer } from "../fake/server";
import { bytesOf, caught, pngFrame, shotRequest } from "./helpers";

const MODEL = "gpt-image-1.5";
const ref = (name: string, kind: ReferenceImage["kind"], n: number): ReferenceImage => ({ ...pngFrame(n), kind, name });

const loadOpenAI = async () => openaiSdk;

let server: FakeServer;
let mode: OpenAIImagesMode;
let files: MemoryFileStore;
let gateway: OpenAIVideosBackend;

beforeEach(async () => {
  mode = new OpenAIImagesMode();
  server = await new FakeServer([mode]).start();
  files = new MemoryFileStore();
  gateway = new OpenAIVideosBackend({ fetch, apiKey: "gw-key", baseUrl: `${server.baseUrl}/v1`, files, loadOpenAI });
});
afterEach(() => server.stop());

const still = (over: Partial<GenerationRequest> = {}) => shotRequest(MODEL, { durationSeconds: 3, prompt: "Mara at the harbour wall at dawn", ...over });

test("a still from words alone: one generations call at the model's landscape size, kept on disk, read back without another call", async () => {
  const job = await gateway.submit(still(), { idempotencyKey: "cutaway-r1-s1-t1" });
  expect(mode.calls).toEqual([{ endpoint: "generate", model: MODEL, prompt: "Mara at the harbour wall at dawn", size: "1536x1024", references: [] }]);
  const status = await gateway.status(job);
  expect(status).toEqual({ state: "completed", costUsd: 0.05 });
  const dl = await gateway.download(job, status as Extract<typeof status, { state: "completed" }>);
  expect(dl.extension).toBe("png");
  expect(Buffer.from(await bytesOf(dl))).toEqual(Buffer.from(mode.still));
  expect(server.count("images.generate")).toBe(1);
  expect(await files.list(files.join(await files.dataFolder(), RECEIVED_STILLS_FOLDER))).toEqual(["cutaway-r1-s1-t1.png"]);
});

test("bible references go to the edit endpoint as image[] files, one per reference, each named in the prompt", async () => {
  const refs = [ref("Mara", "character", 1), ref("Mara", "character", 2), ref("Harbour", "place", 3)];
  await gateway.submit(still({ referenceImages: refs }), { idempotencyKey: "k-refs" });
  expect(mode.calls).toHaveLength(1);
  const call = mode.calls[0]!;
  expect(call.endpoint).toBe("edit");
  expect(call.references).toEqual(["reference-1.png", "reference-2.png", "reference-3.png"]);
  expect(call.prompt).toBe("Mara at the harbour wall at dawn. Image 1 is Mara. Image 2 is Mara. Image 3 is Harbour.");
  const parts = server.requestsTo("images.edit")[0]!.body.toString("latin1");
  expect(parts.match(/name="image\[\]"/g)).toHaveLength(3);
});

test("more references than the model takes, or a frame, are refused before anything is paid", async () => {
  const many = Array.from({ length: 17 }, (_, i) => ref(`Extra ${i}`, "character", i));
  expect((await caught(gateway.submit(still({ referenceImages: many }), { idempotencyKey: "k" }))).message).toMatch(/at most 16 reference images/);
  expect((await caught(gateway.submit(still({ firstFrame: pngFrame(9) }), { idempotencyKey: "k2" }))).message).toMatch(/no first or last frame/);
  expect((await caught(gateway.submit(still({ aspect: "21:9" }), { idempotencyKey: "k3" }))).message).toMatch(/cannot make a 21:9 still/);
  expect(mode.calls).toHaveLength(0);
});

test("a moderated prompt is a content-policy failure and nothing is kept", async () => {
  mode.moderate = () => true;
  const e = await caught(gateway.submit(still(), { idempotencyKey: "k-mod" }));
  expect(e.reason).toBe("content_policy");
  expect(e.retryable).toBe(false);
  expect(await files.list(files.join(await files.dataFolder(), RECEIVED_STILLS_FOLDER))).toEqual([]);
});

test("an answer lost on the wire is outcome-unknown, and looking for it never sends the paid call again", async () => {
  server.inject({ endpoint: "images.generate", nth: 1, fault: { kind: "reset-after" } });
  const e = await caught(gateway.submit(still(), { idempotencyKey: "k-lost" }));
  expect(e.details.outcomeUnknown).toBe(true);
  const again = await caught(gateway.findJob("k-lost", still()));
  expect(again.retryable).toBe(false);
  expect(again.message).toMatch(/may have been billed/);
  expect(server.count("images.generate")).toBe(1);
});

test("a still already kept under its key is found after a reload: a new panel's findJob and submit make no call", async () => {
  await gateway.submit(still(), { idempotencyKey: "k-kept" });
  const reopened = new OpenAIVideosBackend({ fetch, apiKey: "gw-key", baseUrl: `${server.baseUrl}/v1`, files, loadOpenAI });
  const found = await reopened.findJob("k-kept", still());
  expect((await reopened.status(found!)).state).toBe("completed");
  await reopened.submit(still(), { idempotencyKey: "k-kept" });
  expect(server.count("images.generate")).toBe(1);
});

test("without a place to keep stills the image model refuses to run (a still that cannot be kept would be paid for and lost)", async () => {
  const bare = new OpenAIVideosBackend({ fetch, apiKey: "gw-key", baseUrl: `${server.baseUrl}/v1`, loadOpenAI });
  expect((await caught(bare.submit(still(), { idempotencyKey: "k" }))).message).toMatch(/cannot keep stills/);
  expect(mode.calls).toHaveLength(0);
});

test("the picker lists the image model on the generic gateway with its per-image price and reference limit; OpenRouter has none", () => {
  const m = openAIVideosCapabilities().models.find((x) => x.id === MODEL);
  expect(m).toMatchObject({ still: true, pricePerImageUsd: 0.05, references: { max: 16 } });
  expect(openAIVideosCapabilities(undefined, "openrouter").models.some((x) => x.still)).toBe(false);
});

test("a runtime without File/FormData (UXP is not documented to have them) takes no references: the picker says so, and an edit is refused unpaid", async () => {
  const g = globalThis as { File?: unknown };
  const saved = g.File;
  delete g.File;
  try {
    expect(openAIVideosCapabilities().models.find((x) => x.id === MODEL)!.references).toBeUndefined();
    const e = await caught(gateway.submit(still({ referenceImages: [ref("Mara", "character", 1)] }), { idempotencyKey: "no-file" }));
    expect(e.message).toMatch(/cannot send reference images/);
    expect(mode.calls).toHaveLength(0);
  } finally {
    g.File = saved;
  }
});

test("the fake is as strict as OpenAI: response_format on a GPT image model and an off-list size are refused", async () => {
  const post = (body: unknown) => fetch(`${server.baseUrl}/v1/images/generations`, { method: "POST", headers: { authorization: "Bearer k", "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await post({ model: MODEL, prompt: "x", response_format: "b64_json" })).status).toBe(400);
  expect((await post({ model: MODEL, prompt: "x", size: "1280x720" })).status).toBe(400);
  expect((await post({ model: "gpt-image-2", prompt: "x", size: "1536x864" })).status).toBe(200);
  expect((await post({ model: "gpt-image-2", prompt: "x", size: "1530x860" })).status).toBe(400);
});

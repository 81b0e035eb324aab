/**
 * Storyboard stills on fal beside Nano Banana 2: FLUX.2 [pro] (text, or its edit endpoint with up to
 * 4 bible references) and Imagen 4 (words only), each against the strict fake fal queue, which
 * records what every request carried. Prices as fal's pages gave them (Dec 2026).
 */
import { FalBackend, FAL_MODELS } from "../../src/backends/fal";
import { falBackendCapabilities } from "../../src/backends/fal/falBackend";
import type { ReferenceImage } from "../../src/backends/types";
import { FalMode, falContentPolicy, falReferencesOf } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone, shotRequest } from "./helpers";

const ref = (name: string, kind: ReferenceImage["kind"], n: number): ReferenceImage => ({ ...pngFrame(n), kind, name });
const MARA = ref("Mara", "character", 1);
const JONAH = ref("Jonah", "character", 2);
const CAFE = ref("Harbour Café", "place", 3);

let server: FakeServer;
let mode: FalMode;
let fal: FalBackend;
beforeEach(async () => {
  mode = new FalMode(fakeMp4(4096, 1));
  mode.queuedPolls = 0;
  server = await new FakeServer([mode]).start();
  fal = new FalBackend({ fetch, apiKey: "fal-key", baseUrl: server.baseUrl });
});
afterEach(() => server.stop());

const still = (model: string, refs: ReferenceImage[] = []) => shotRequest(model, { durationSeconds: 3, prompt: "Mara and Jonah at the café window", ...(refs.length ? { referenceImages: refs } : {}) });
const sent = () => [...mode.jobs.values()].map((j) => ({ endpoint: j.endpoint, input: j.input as Record<string, unknown>, refs: falReferencesOf(j) }));

describe("FLUX.2 [pro]", () => {
  const M = "fal-ai/flux-2-pro";

  test("words alone go to the text endpoint at fal's 16:9 preset; the still comes back as a PNG", async () => {
    const job = await fal.submit(still(M), { idempotencyKey: "k1" });
    expect(sent()).toEqual([{ endpoint: M, input: { output_format: "png", prompt: "Mara and Jonah at the café window", image_size: "landscape_16_9" }, refs: { images: 0, elements: [], prompt: "Mara and Jonah at the café window" } }]);
    const [last] = (await pollUntilDone(fal, job)).slice(-1);
    expect(last?.state).toBe("completed");
    const dl = await fal.download(job, last as Extract<typeof last, { state: "completed" }>);
    const bytes = await bytesOf(dl);
    expect(dl.extension).toBe("png");
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  test("references go to the edit endpoint as image_urls, each named in the prompt", async () => {
    await fal.submit(still(M, [MARA, JONAH, CAFE]), { idempotencyKey: "k2" });
    const [s] = sent();
    expect(s?.endpoint).toBe("fal-ai/flux-2-pro/edit");
    expect(s?.refs.images).toBe(3);
    expect(s?.refs.prompt).toBe("Mara and Jonah at the café window. @Image1 is Mara. @Image2 is Jonah. @Image3 is Harbour Café.");
  });

  test("a fifth reference is refused before anything is sent", async () => {
    const five = [MARA, JONAH, CAFE, ref("Mara", "character", 4), ref("Noir", "look", 5)];
    expect((await caught(fal.submit(still(M, five), { idempotencyKey: "k3" }))).message).toMatch(/at most 4 reference images/);
    expect(mode.jobs.size).toBe(0);
  });

  test("a moderated prompt is a content-policy failure, never retried", async () => {
    server.inject({ endpoint: "fal.submit", fault: { kind: "status", ...falContentPolicy() } });
    const e = await caught(fal.submit(still(M), { idempotencyKey: "k4" }));
    expect(e.reason).toBe("content_policy");
    expect(e.retryable).toBe(false);
  });
});

describe("Imagen 4 (no references)", () => {
  const M = "fal-ai/imagen4/preview";

  test("words alone, with the sequence's aspect", async () => {
    await fal.submit(still(M), { idempotencyKey: "k5" });
    expect(sent()).toEqual([{ endpoint: M, input: { num_images: 1, prompt: "Mara and Jonah at the café window", aspect_ratio: "16:9" }, refs: { images: 0, elements: [], prompt: "Mara and Jonah at the café window" } }]);
  });

  test("a shot with references is refused before sending (the bible's words are in its prompt instead), and fal itself would refuse image_urls", async () => {
    expect((await caught(fal.submit(still(M, [MARA]), { idempotencyKey: "k6" }))).message).toMatch(/takes no reference images/);
    expect(mode.jobs.size).toBe(0);
    const res = await fetch(`${server.baseUrl}/${M}`, { method: "POST", headers: { authorization: "Key k", "content-type": "application/json" }, body: JSON.stringify({ prompt: "x", image_urls: ["https://x/a.png"] }) });
    expect(res.status).toBe(422);
  });

  test("the fake refuses an aspect Imagen 4 does not make", async () => {
    const res = await fetch(`${server.baseUrl}/${M}`, { method: "POST", headers: { authorization: "Key k", "content-type": "application/json" }, body: JSON.stringify({ prompt: "x", aspect_ratio: "21:9" }) });
    expect(res.status).toBe(422);
  });
});

test("each image model is in fal's picker as a still priced per image; only the ones that take references say how many", () => {
  const models = falBackendCapabilities().models;
  const row = (id: string) => models.find((m) => m.id === id);
  expect(row("fal-ai/flux-2-pro")).toMatchObject({ still: true, pricePerImageUsd: 0.09, references: { max: 4 } });
  expect(row("fal-ai/imagen4/preview")).toMatchObject({ still: true, pricePerImageUsd: 0.04 });
  expect(row("fal-ai/imagen4/preview")?.references).toBeUndefined();
  expect(row("fal-ai/nano-banana-2")).toMatchObject({ still: true, pricePerImageUsd: 0.08, references: { max: 6 } });
});

test("video prices as fal's pages give them, sound off: Kling O3 Standard $0.084/s, Seedance 2.0 $0.3024/s at 720p", () => {
  const price = (id: string) => FAL_MODELS.find((m) => m.id === id)?.pricePerSecondUsd;
  expect(price("fal-ai/kling-video/o3/standard/reference-to-video")).toBe(0.084);
  expect(price("bytedance/seedance-2.0")).toBe(0.3024);
});

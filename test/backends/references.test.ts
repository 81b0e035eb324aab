/**
 * Bible references on the wire: soft references are not frames. Veo 3.1 gets `referenceImages`
 * (asset), Kling O3 elements + image_urls, Seedance its reference endpoint, a ComfyUI workflow its
 * {{ref1}} slots; each refuses what the provider would, before anything is sent.
 */
import { ComfyUIBackend, comfyWorkflow } from "../../src/backends/comfyui";
import { FalBackend, FAL_MODELS } from "../../src/backends/fal";
import type { GenerationRequest, ReferenceImage } from "../../src/backends/types";
import { VeoBackend, VEO_MODELS } from "../../src/backends/veo";
import { veoCapabilities } from "../../src/backends/veo/veoBackend";
import { falBackendCapabilities } from "../../src/backends/fal/falBackend";
import { ComfyMode } from "../fake/comfyMode";
import { FalMode, falCdnMode, falReferencesOf } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { VeoMode, veoReferencesOf } from "../fake/veoMode";
import { fakeMp4 } from "../support/media";
import { caught, pngFrame, shotRequest } from "./helpers";

const media = fakeMp4(16 * 1024, 3);
const ref = (name: string, kind: ReferenceImage["kind"], n: number): ReferenceImage => ({ ...pngFrame(n), kind, name });
const MARA = [ref("Mara", "character", 1), ref("Mara", "character", 2)];
const JONAH = ref("Jonah", "character", 3);
const CAFE = ref("Harbour Café", "place", 4);

let server: FakeServer;
afterEach(() => server?.stop());

describe("Veo 3.1 on the Gemini API", () => {
  const KEY = "AIzaSy-test-0123456789abcdefghij";
  let mode: VeoMode;
  let veo: VeoBackend;
  beforeEach(async () => {
    mode = new VeoMode(media, KEY);
    server = await new FakeServer([mode]).start();
    veo = new VeoBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl });
  });
  const req = (over: Partial<GenerationRequest> = {}) => shotRequest("veo-3.1-fast-generate-preview", over);

  test("up to 3 references go as referenceImages of type asset, beside no frame", async () => {
    await veo.submit(req({ referenceImages: [MARA[0]!, JONAH, CAFE] }), { idempotencyKey: "k1" });
    const job = [...mode.jobs.values()][0]!;
    expect(veoReferencesOf(job)).toEqual([
      { referenceType: "asset", mimeType: "image/png", bytes: 5 },
      { referenceType: "asset", mimeType: "image/png", bytes: 5 },
      { referenceType: "asset", mimeType: "image/png", bytes: 5 },
    ]);
  });

  test("what Veo refuses is refused before it is sent: four references, a 6 s clip, a first frame beside them, a look", async () => {
    for (const bad of [
      req({ referenceImages: [...MARA, JONAH, CAFE] }),
      req({ referenceImages: [JONAH], durationSeconds: 6 }),
      req({ referenceImages: [JONAH], firstFrame: pngFrame(9) }),
      req({ referenceImages: [ref("Sodium night", "look", 5)] }),
      shotRequest("veo-2.0-generate-001", { referenceImages: [JONAH] }),
    ]) {
      expect((await caught(veo.submit(bad, { idempotencyKey: "k" }))).reason).toBe("invalid_request");
    }
    expect(server.count("veo.create")).toBe(0);
  });

  test("the fake is as strict as Google: references in a 4 s clip are a 400", async () => {
    const body = { instances: [{ prompt: "x", referenceImages: [{ image: { bytesBase64Encoded: "iVBO", mimeType: "image/png" }, referenceType: "asset" }] }], parameters: { aspectRatio: "16:9", durationSeconds: 4 } };
    const res = await fetch(`${server.baseUrl}/v1beta/models/veo-3.1-generate-preview:predictLongRunning`, { method: "POST", headers: { "x-goog-api-key": KEY, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
  });

  test("capabilities say it: Veo 3.1 takes 3 character or place references in 8 s 16:9 clips, Veo 2 none", () => {
    const caps = veoCapabilities(VEO_MODELS).models;
    expect(caps.find((m) => m.id === "veo-3.1-generate-preview")!.references).toEqual({ max: 3, kinds: ["character", "place"], withFrames: false, durationsSeconds: [8], aspects: ["16:9"] });
    expect(caps.find((m) => m.id === "veo-2.0-generate-001")!.references).toBeUndefined();
  });
});

describe("fal: Kling O3 elements and Seedance references", () => {
  const KEY = "fal-key-0123456789abcdef";
  let mode: FalMode;
  let cdn: FakeServer;
  let fal: FalBackend;
  beforeEach(async () => {
    cdn = await new FakeServer([falCdnMode(media)]).start();
    mode = new FalMode(media, () => cdn.baseUrl);
    server = await new FakeServer([mode]).start();
    fal = new FalBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl });
  });
  afterEach(() => cdn.stop());
  const kling = (over: Partial<GenerationRequest> = {}) => shotRequest("fal-ai/kling-video/o3/standard/reference-to-video", { durationSeconds: 5, ...over });

  test("characters become Kling elements (frontal + the rest), the place an image_url, and the prompt says who is who", async () => {
    await fal.submit(kling({ referenceImages: [...MARA, JONAH, CAFE] }), { idempotencyKey: "k1" });
    const job = [...mode.jobs.values()][0]!;
    expect(job.endpoint).toBe("fal-ai/kling-video/o3/standard/reference-to-video");
    const sent = falReferencesOf(job);
    expect(sent.elements).toEqual([2, 1]);
    expect(sent.images).toBe(1);
    expect(sent.prompt).toMatch(/@Element1 is Mara\. @Element2 is Jonah\. @Image1 is Harbour Café\.$/);
  });

  test("Seedance takes references on its reference endpoint and plain text on text-to-video; frames beside references are refused", async () => {
    const seedance = (over: Partial<GenerationRequest> = {}) => shotRequest("bytedance/seedance-2.0", over);
    await fal.submit(seedance({ referenceImages: [JONAH, CAFE] }), { idempotencyKey: "k1" });
    await fal.submit(seedance(), { idempotencyKey: "k2" });
    expect([...mode.jobs.values()].map((j) => [j.endpoint, falReferencesOf(j).images])).toEqual([
      ["bytedance/seedance-2.0/reference-to-video", 2],
      ["bytedance/seedance-2.0/text-to-video", 0],
    ]);
    expect((await caught(fal.submit(seedance({ referenceImages: [JONAH], firstFrame: pngFrame(7) }), { idempotencyKey: "k3" }))).reason).toBe("invalid_request");
    expect((await caught(fal.submit(kling({ referenceImages: [...MARA, JONAH, CAFE, ref("Dock", "place", 8)] }), { idempotencyKey: "k4" }))).message).toMatch(/at most 4/);
    expect(server.count("fal.submit")).toBe(2);
  });

  test("the fake refuses what fal would: image_urls on an endpoint that has none", async () => {
    const res = await fetch(`${server.baseUrl}/fal-ai/kling-video/v4/image-to-video`, { method: "POST", headers: { authorization: `Key ${KEY}`, "content-type": "application/json" }, body: JSON.stringify({ prompt: "x", start_image_url: "https://x/a.png", image_urls: ["https://x/b.png"] }) });
    expect(res.status).toBe(422);
  });

  test("models without references say so in their capabilities", () => {
    const caps = falBackendCapabilities(FAL_MODELS).models;
    expect(caps.find((m) => m.id === "fal-ai/kling-video/v4")!.references).toBeUndefined();
    expect(caps.find((m) => m.id === "bytedance/seedance-2.0")!.references).toMatchObject({ max: 9, withFrames: false });
  });
});

describe("ComfyUI workflow placeholders {{ref1}}…", () => {
  const GRAPH = {
    "6": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}" } },
    "10": { class_type: "LoadImage", inputs: { image: "{{ref1}}" } },
    "11": { class_type: "LoadImage", inputs: { image: "{{ref2}}" } },
    "9": { class_type: "VHS_VideoCombine", inputs: { frame_rate: "{{fps}}", format: "video/h264-mp4" } },
  };
  let mode: ComfyMode;
  let comfy: ComfyUIBackend;
  beforeEach(async () => {
    mode = new ComfyMode(media);
    server = await new FakeServer([mode]).start();
    comfy = new ComfyUIBackend({ fetch, servers: [server.baseUrl], workflows: [comfyWorkflow({ id: "ipadapter", label: "IP-Adapter video", workflow: JSON.stringify(GRAPH) })], clientId: "t" });
  });
  const req = (over: Partial<GenerationRequest> = {}) => shotRequest("ipadapter", { durationSeconds: 4, size: { width: 832, height: 480 }, ...over });

  test("each reference is uploaded and fills its slot; one reference fills both", async () => {
    expect(comfy.capabilities().models[0]!.references).toEqual({ max: 2, kinds: ["character", "place", "look"], withFrames: true });
    await comfy.submit(req({ referenceImages: [JONAH] }), { idempotencyKey: "k1" });
    expect(mode.uploads).toHaveLength(1);
    const job = [...mode.jobs.values()][0]!;
    const graph = job.prompt as Record<string, { inputs: Record<string, unknown> }>;
    expect(graph["10"]!.inputs["image"]).toMatch(/ref1\.png$/);
    expect(graph["11"]!.inputs["image"]).toBe(graph["10"]!.inputs["image"]);
    expect((await caught(comfy.submit(req(), { idempotencyKey: "k2" }))).message).toMatch(/needs at least one reference image/);
  });
});

import { GenerationError } from "../../src/backends/errors";
import { ComfyUIBackend, comfyWorkflow, parseComfyGraph, uuidFromKey, type ComfyWorkflow } from "../../src/backends/comfyui";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { ComfyMode } from "../fake/comfyMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pollUntilDone } from "./helpers";

const TOKEN = "proxy-token-0123456789abcdef";
const media = fakeMp4(40 * 1024, 9);
let server: FakeServer;
let mode: ComfyMode;
let backend: ComfyUIBackend;

const GRAPH: Record<string, unknown> = {
  "6": { class_type: "CLIPTextEncode", inputs: { text: "cinematic, {{prompt}}", clip: ["4", 1] } },
  "7": { class_type: "CLIPTextEncode", inputs: { text: "{{negative}}", clip: ["4", 1] } },
  "3": { class_type: "KSampler", inputs: { seed: "{{seed}}", steps: 30, model: ["4", 0] } },
  "5": { class_type: "EmptyLTXVLatentVideo", inputs: { width: "{{width}}", height: "{{height}}", length: "{{frames}}", batch_size: 1 } },
  "8": { class_type: "LoadImage", inputs: { image: "{{image}}" } },
  "9": { class_type: "VHS_VideoCombine", inputs: { frame_rate: "{{fps}}", filename_prefix: "cutaway_{{seed}}", format: "video/h264-mp4" } },
};
const WORKFLOW = JSON.stringify(GRAPH);
const i2v = (): ComfyWorkflow => comfyWorkflow({ id: "ltx-i2v", label: "LTX image to video", workflow: WORKFLOW, fps: 24, frameMultiple: 8 });
const t2v = (): ComfyWorkflow => comfyWorkflow({ id: "wan-t2v", label: "Wan text to video", workflow: JSON.stringify({ ...GRAPH, "8": undefined }), fps: 16, frameMultiple: 4 });

const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => ({
  model: "wan-t2v",
  prompt: 'A "quoted" street\nat night',
  durationSeconds: 5,
  aspect: "16:9",
  size: { width: 832, height: 480 },
  shotNumber: 4,
  ...over,
});
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0x2d, 0x2d, 0x0d, 0x0a, 0xff]);

function make(over: Partial<ConstructorParameters<typeof ComfyUIBackend>[0]> = {}): ComfyUIBackend {
  return new ComfyUIBackend({ fetch, servers: [server.baseUrl], workflows: [i2v(), t2v()], clientId: "cutaway-test", ...over });
}

beforeEach(async () => {
  mode = new ComfyMode(media);
  server = await new FakeServer([mode]).start();
  backend = make();
});
afterEach(async () => {
  await server.stop();
});

const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);

test("an image shot uploads its frame, queues the filled workflow under our prompt_id, and downloads byte for byte", async () => {
  const ref = await backend.submit(request({ model: "ltx-i2v", firstFrame: { bytes: png, mimeType: "image/png" }, negativePrompt: "blurry", seed: 77 }), { idempotencyKey: "shot-4" });
  const id = uuidFromKey("shot-4");
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(ref).toEqual({ backend: "comfyui", model: "ltx-i2v", providerJobId: id, urls: { server: server.baseUrl } });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "queued", "running", "completed"]);
  const done = seen[3] as Extract<JobStatus, { state: "completed" }>;
  expect(done.mediaUrl).toBe(`${server.baseUrl}/view?filename=cutaway_1.mp4&subfolder=video&type=output`);
  const dl = await backend.download(ref, done);
  expect(dl.extension).toBe("mp4");
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);

  const [post] = server.requestsTo("comfy.prompt");
  expect(post!.headers["content-type"]).toBe("application/json");
  expect(post!.headers["authorization"]).toBeUndefined();
  expect(Object.keys(post!.json as object).sort()).toEqual(["client_id", "prompt", "prompt_id"]);
  expect(post!.json).toEqual({
    client_id: "cutaway-test",
    prompt_id: id,
    prompt: {
      "6": { class_type: "CLIPTextEncode", inputs: { text: 'cinematic, A "quoted" street\nat night', clip: ["4", 1] } },
      "7": { class_type: "CLIPTextEncode", inputs: { text: "blurry", clip: ["4", 1] } },
      "3": { class_type: "KSampler", inputs: { seed: 77, steps: 30, model: ["4", 0] } },
      // 5 s × 24 fps = 120 → nearest 8n+1 for LTX
      "5": { class_type: "EmptyLTXVLatentVideo", inputs: { width: 832, height: 480, length: 121, batch_size: 1 } },
      "8": { class_type: "LoadImage", inputs: { image: `cutaway-${id}-first.png` } },
      "9": { class_type: "VHS_VideoCombine", inputs: { frame_rate: 24, filename_prefix: "cutaway_77", format: "video/h264-mp4" } },
    },
  });
  // the quote and newline went through JSON escaping, not into the JSON text raw
  expect(post!.body.toString()).toContain('A \\"quoted\\" street\\nat night');
});

test("the hand-built multipart upload parses as a form with the exact image bytes", async () => {
  await backend.submit(request({ model: "ltx-i2v", firstFrame: { bytes: png, mimeType: "image/png" } }), { idempotencyKey: "k" });
  const [req] = server.requestsTo("comfy.upload");
  expect(req!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  const parts = mode.uploads[0]!;
  expect(parts.map((p) => p.name)).toEqual(["image", "type", "overwrite"]);
  expect(parts[0]).toMatchObject({ filename: `cutaway-${uuidFromKey("k")}-first.png`, contentType: "image/png" });
  expect(Buffer.from(parts[0]!.data).equals(Buffer.from(png))).toBe(true);
  expect(parts[1]!.data.toString()).toBe("input");
  expect(parts[2]!.data.toString()).toBe("true");
});

test("a text workflow fills numbers as numbers, derives a stable seed, and bare {{seed}} in the JSON works", async () => {
  await backend.submit(request(), { idempotencyKey: "same" });
  await backend.submit(request(), { idempotencyKey: "same" });
  const [a, b] = server.requestsTo("comfy.prompt").map((r) => (r.json as { prompt: Record<string, { inputs: Record<string, unknown> }> }).prompt);
  expect(typeof a!["3"]!.inputs["seed"]).toBe("number");
  expect(a!["3"]!.inputs["seed"]).toBe(b!["3"]!.inputs["seed"]);
  // 5 s × 16 fps = 80 → nearest 4n+1 for Wan
  expect(a!["5"]!.inputs).toEqual({ width: 832, height: 480, length: 81, batch_size: 1 });
  expect(a!["7"]!.inputs["text"]).toBe("");
  expect(a!["8"]).toBeUndefined();
  const bare = '{"3": {"class_type": "KSampler", "inputs": {"seed": {{seed}}, "text": "{{prompt}}", "list": [{{width}}, {{height}}]}}}';
  expect(parseComfyGraph(bare)["3"]!.inputs).toEqual({ seed: "{{seed}}", text: "{{prompt}}", list: ["{{width}}", "{{height}}"] });
});

test("a resubmit after a reset finds the job under its prompt_id instead of queueing it twice", async () => {
  server.inject({ endpoint: "comfy.prompt", nth: 1, fault: { kind: "reset-after" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "shot-9" }));
  expect(e.details.outcomeUnknown).toBe(true);
  expect(backend.capabilities().canListJobs).toBe(true);
  const found = await backend.findJob!("shot-9", request());
  expect(found).toEqual({ backend: "comfyui", model: "wan-t2v", providerJobId: uuidFromKey("shot-9"), urls: { server: server.baseUrl } });
  expect(mode.accepted).toEqual([uuidFromKey("shot-9")]);
  expect(await backend.findJob!("shot-10", request())).toBeNull();
  expect((await pollToEnd(found!)).at(-1)?.state).toBe("completed");
});

test("a 403 from a server without --enable-cors-header says how to start it", async () => {
  server.inject({ endpoint: "comfy.prompt", fault: { kind: "status", status: 403, body: "" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("auth");
  expect(e.message).toMatch(/--enable-cors-header/);
});

test("429 with Retry-After becomes rate_limited with the wait", async () => {
  server.inject({ endpoint: "comfy.prompt", fault: { kind: "status", status: 429, headers: { "retry-after": "12" } } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("rate_limited");
  expect(e.details.retryAfterSeconds).toBe(12);
});

test("a 400 with node_errors names the node; an execution_error carries the node's message", async () => {
  const broken = comfyWorkflow({ id: "broken", label: "Broken", workflow: JSON.stringify({ "4": { class_type: "MissingNode", inputs: {} }, "6": { class_type: "T", inputs: { text: "{{prompt}}" } } }) });
  const b = make({ workflows: [broken] });
  const e = await caught(b.submit(request({ model: "broken" }), { idempotencyKey: "k" }));
  expect(e.reason).toBe("invalid_request");
  expect(e.message).toMatch(/node 4 \(CheckpointLoaderSimple\): Value not in list: ckpt_name/);
  expect(e.details.providerCode).toBe("invalid_prompt");

  mode.fail = () => ({ node_id: "3", node_type: "KSampler", exception_message: "Expected tensor of shape [1, 16]", exception_type: "RuntimeError", traceback: [] });
  const failed = (await pollToEnd(await backend.submit(request(), { idempotencyKey: "k2" }))).at(-1) as Extract<JobStatus, { state: "failed" }>;
  expect(failed.error.reason).toBe("invalid_request");
  expect(failed.error.message).toContain("node 3 (KSampler): Expected tensor of shape [1, 16]");

  mode.fail = () => ({ node_id: "3", node_type: "KSampler", exception_message: "Allocation on device", exception_type: "torch.OutOfMemoryError" });
  const oom = (await pollToEnd(await backend.submit(request(), { idempotencyKey: "k3" }))).at(-1) as Extract<JobStatus, { state: "failed" }>;
  expect(oom.error.reason).toBe("transient");
});

test("cancel deletes a queued prompt and interrupts a running one by prompt_id", async () => {
  const queued = await backend.submit(request(), { idempotencyKey: "q" });
  await backend.status(queued);
  await backend.cancel(queued);
  expect(server.requestsTo("comfy.queueEdit")[0]!.json).toEqual({ delete: [queued.providerJobId] });

  const running = await backend.submit(request(), { idempotencyKey: "r" });
  for (let i = 0; i < 3; i++) await backend.status(running);
  await backend.cancel(running);
  expect(server.requestsTo("comfy.interrupt")[0]!.json).toEqual({ prompt_id: running.providerJobId });
  const st = await backend.status(running);
  expect(st.state === "failed" && st.error.reason).toBe("cancelled");
});

test("a deleted output file downloads as expired", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const done = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "completed" }>;
  server.inject({ endpoint: "comfy.view", fault: { kind: "status", status: 404, body: "" } });
  expect((await caught(backend.download(ref, done))).reason).toBe("expired");
});

test("malformed JSON is transient; on /prompt the outcome is unknown", async () => {
  server.inject({ endpoint: "comfy.prompt", nth: 1, fault: { kind: "malformed-json" } });
  const s = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(s.reason).toBe("transient");
  expect(s.details.outcomeUnknown).toBe(true);
  const ref = await backend.submit(request(), { idempotencyKey: "k2" });
  server.inject({ endpoint: "comfy.history", fault: { kind: "malformed-json" } });
  const p = await caught(backend.status(ref));
  expect(p.reason).toBe("transient");
  expect(p.details.outcomeUnknown).toBeUndefined();
});

test("core SaveVideo output (images + animated) is found too", async () => {
  mode.outputStyle = "images";
  const done = (await pollToEnd(await backend.submit(request(), { idempotencyKey: "k" }))).at(-1);
  expect(done).toEqual({ state: "completed", mediaUrl: `${server.baseUrl}/view?filename=cutaway_1.mp4&subfolder=video&type=output` });
});

test("bad workflows are refused with what to fix, before anything is sent", () => {
  expect(() => comfyWorkflow({ id: "x", label: "X", workflow: "{not json" })).toThrow(/not valid JSON/);
  expect(() => comfyWorkflow({ id: "x", label: "X", workflow: JSON.stringify({ nodes: [], links: [] }) })).toThrow(/API format/);
  expect(() => comfyWorkflow({ id: "x", label: "X", workflow: JSON.stringify({ "1": { class_type: "T", inputs: { text: "hi" } } }) })).toThrow(/no \{\{prompt\}\} placeholder/);
});

test("a frame for a text workflow, or none for an image workflow, is refused", async () => {
  expect((await caught(backend.submit(request({ firstFrame: { bytes: png, mimeType: "image/png" } }), { idempotencyKey: "k" }))).message).toMatch(/no \{\{image\}\}/);
  expect((await caught(backend.submit(request({ model: "ltx-i2v" }), { idempotencyKey: "k" }))).message).toMatch(/needs a reference frame/);
  expect(server.requests).toHaveLength(0);
  expect(backend.capabilities().models.map((m) => [m.id, m.imageToVideo, m.seed, m.negativePrompt])).toEqual([
    ["ltx-i2v", true, true, true],
    ["wan-t2v", false, true, true],
  ]);
});

describe("workers", () => {
  let other: FakeServer;
  let otherMode: ComfyMode;
  beforeEach(async () => {
    otherMode = new ComfyMode(media);
    other = await new FakeServer([otherMode]).start();
  });
  afterEach(async () => {
    await other.stop();
  });

  test("submits go to the least-queued server, the ref remembers it, and the token goes only to the workers", async () => {
    mode.preload(3);
    const b = make({ servers: [server.baseUrl, other.baseUrl], token: TOKEN });
    const ref = await b.submit(request(), { idempotencyKey: "k" });
    expect(ref.urls?.server).toBe(other.baseUrl);
    expect(other.count("comfy.prompt")).toBe(1);
    expect(server.count("comfy.prompt")).toBe(0);
    expect((await pollToEnd(ref, b)).at(-1)?.state).toBe("completed");
    expect(server.count("comfy.history")).toBe(0);
    for (const r of [...server.requests, ...other.requests]) expect(r.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    expect(b.capabilities().concurrency).toBe(2);
  });

  test("an unreachable worker is skipped; errors never show the token", async () => {
    await other.stop();
    const b = make({ servers: [other.baseUrl, server.baseUrl], token: TOKEN });
    const ref = await b.submit(request(), { idempotencyKey: "k" });
    expect(ref.urls?.server).toBe(server.baseUrl);
    server.inject({ endpoint: "comfy.history", fault: { kind: "status", status: 500, body: { error: `bad token ${TOKEN}` } } });
    const e = await caught(b.status(ref));
    expect(e.reason).toBe("transient");
    expect(e.message).not.toContain(TOKEN);
  });
});

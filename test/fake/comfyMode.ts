/**
 * A ComfyUI server as the fake provider speaks it: /prompt, /history/{id}, /queue, /interrupt,
 * /upload/image (multipart, parsed here), /view and /system_stats. Jobs advance on history polls:
 * pending for `queuedPolls`, running once, then finished with a video (or the failure `fail` gives).
 * Endpoint names: comfy.prompt, comfy.history, comfy.queue, comfy.queueEdit, comfy.interrupt,
 * comfy.upload, comfy.view, comfy.stats.
 */
import { header } from "./falMode";
import type { FakeMode, FakeRequest, FakeResponse, Route } from "./server";

export interface ComfyFakeJob {
  readonly id: string;
  readonly number: number;
  readonly prompt: Record<string, { class_type: string; inputs: Record<string, unknown> }>;
  readonly clientId: unknown;
  polls: number;
  interrupted: boolean;
}

export interface MultipartPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

export class ComfyMode implements FakeMode {
  readonly name = "comfyui";
  readonly jobs = new Map<string, ComfyFakeJob>();
  /** every accepted /prompt, duplicates included (a real server queues a repeated prompt_id again) */
  readonly accepted: string[] = [];
  readonly uploads: MultipartPart[][] = [];
  queuedPolls = 2;
  /** how a finished job fails: an `execution_error` payload, or null for a video */
  fail: ((job: ComfyFakeJob) => Record<string, unknown> | null) | null = null;
  /** the output node's shape: VHS Video Combine (`gifs`) or core SaveVideo (`images` + animated) */
  outputStyle: "gifs" | "images" = "gifs";
  private counter = 0;

  constructor(readonly media: Uint8Array) {}

  /** jobs from other users, already waiting on this server */
  preload(n: number): void {
    for (let i = 0; i < n; i++) this.add(`other-${this.counter + 1}`, {}, null);
  }

  private add(id: string, prompt: ComfyFakeJob["prompt"], clientId: unknown): ComfyFakeJob {
    const job: ComfyFakeJob = { id, number: ++this.counter, prompt, clientId, polls: 0, interrupted: false };
    this.jobs.set(id, job);
    this.accepted.push(id);
    return job;
  }

  stateOf(job: ComfyFakeJob): "pending" | "running" | "done" {
    if (job.interrupted) return "done";
    if (job.id.startsWith("other-")) return "pending";
    if (job.polls <= this.queuedPolls) return "pending";
    return job.polls === this.queuedPolls + 1 ? "running" : "done";
  }

  routes(): readonly Route[] {
    return [
      { method: "POST", pattern: "/prompt", name: "comfy.prompt", handler: (req) => this.submit(req) },
      { method: "GET", pattern: "/history/:id", name: "comfy.history", handler: (_r, p) => this.history(p["id"] ?? "") },
      { method: "GET", pattern: "/queue", name: "comfy.queue", handler: () => ({ status: 200, body: this.queue() }) },
      { method: "POST", pattern: "/queue", name: "comfy.queueEdit", handler: (req) => this.editQueue(req) },
      { method: "POST", pattern: "/interrupt", name: "comfy.interrupt", handler: (req) => this.interrupt(req) },
      { method: "POST", pattern: "/upload/image", name: "comfy.upload", handler: (req) => this.upload(req) },
      { method: "GET", pattern: "/view", name: "comfy.view", handler: (req) => this.view(req) },
      { method: "GET", pattern: "/system_stats", name: "comfy.stats", handler: () => ({ status: 200, body: { system: { comfyui_version: "0.4.2" }, devices: [] } }) },
    ];
  }

  private submit(req: FakeRequest): FakeResponse {
    const body = (req.json ?? {}) as Record<string, unknown>;
    const prompt = body["prompt"] as ComfyFakeJob["prompt"] | undefined;
    if (!prompt || typeof prompt !== "object") return { status: 400, body: { error: { type: "no_prompt", message: "No prompt provided", details: "", extra_info: {} }, node_errors: {} } };
    for (const [id, node] of Object.entries(prompt)) {
      if (node.class_type === "MissingNode") {
        return {
          status: 400,
          body: {
            error: { type: "invalid_prompt", message: "Cannot execute because a node is missing the class_type property.", details: `Node ID '#${id}'`, extra_info: {} },
            node_errors: { [id]: { errors: [{ type: "value_not_in_list", message: "Value not in list", details: "ckpt_name: 'ltxv.safetensors' not in []", extra_info: {} }], dependent_outputs: [], class_type: "CheckpointLoaderSimple" } },
          },
        };
      }
    }
    const id = typeof body["prompt_id"] === "string" ? body["prompt_id"] : `srv-${this.counter + 1}`;
    const job = this.add(id, prompt, body["client_id"]);
    return { status: 200, body: { prompt_id: id, number: job.number, node_errors: {} } };
  }

  private history(id: string): FakeResponse {
    const job = this.jobs.get(id);
    if (!job) return { status: 200, body: {} };
    job.polls += 1;
    if (this.stateOf(job) !== "done") return { status: 200, body: {} };
    if (job.interrupted) {
      return { status: 200, body: { [id]: { prompt: [], outputs: {}, status: { status_str: "error", completed: false, messages: [["execution_start", { prompt_id: id }], ["execution_interrupted", { prompt_id: id, node_id: "3" }]] } } } };
    }
    const failure = this.fail?.(job);
    if (failure) {
      return { status: 200, body: { [id]: { prompt: [], outputs: {}, status: { status_str: "error", completed: false, messages: [["execution_start", { prompt_id: id }], ["execution_error", { prompt_id: id, ...failure }]] } } } };
    }
    const file = { filename: `cutaway_${job.number}.mp4`, subfolder: "video", type: "output" };
    const outputs =
      this.outputStyle === "gifs"
        ? { "9": { gifs: [{ ...file, format: "video/h264-mp4", frame_rate: 24 }] }, "10": { images: [{ filename: "preview.png", subfolder: "", type: "temp" }] } }
        : { "9": { images: [file], animated: [true] } };
    return { status: 200, body: { [id]: { prompt: [job.number, id, job.prompt, {}, ["9"]], outputs, status: { status_str: "success", completed: true, messages: [] } } } };
  }

  queue(): { queue_running: unknown[]; queue_pending: unknown[] } {
    const row = (j: ComfyFakeJob) => [j.number, j.id, j.prompt, { client_id: j.clientId }, ["9"]];
    const live = [...this.jobs.values()].filter((j) => this.stateOf(j) !== "done");
    // pending is deliberately unordered, as ComfyUI's heap is
    return { queue_running: live.filter((j) => this.stateOf(j) === "running").map(row), queue_pending: live.filter((j) => this.stateOf(j) === "pending").reverse().map(row) };
  }

  private editQueue(req: FakeRequest): FakeResponse {
    const del = ((req.json ?? {}) as { delete?: string[] }).delete ?? [];
    for (const id of del) {
      const j = this.jobs.get(id);
      if (j && this.stateOf(j) === "pending") this.jobs.delete(id);
    }
    return { status: 200, body: undefined };
  }

  private interrupt(req: FakeRequest): FakeResponse {
    const id = ((req.json ?? {}) as { prompt_id?: string }).prompt_id;
    const j = id ? this.jobs.get(id) : [...this.jobs.values()].find((x) => this.stateOf(x) === "running");
    if (j && this.stateOf(j) === "running") j.interrupted = true;
    return { status: 200, body: undefined };
  }

  private upload(req: FakeRequest): FakeResponse {
    const parts = parseMultipart(req);
    if (!parts) return { status: 400, body: "bad multipart" };
    this.uploads.push(parts);
    const image = parts.find((p) => p.name === "image");
    if (!image?.filename) return { status: 400, body: "no image" };
    return { status: 200, body: { name: image.filename, subfolder: "", type: "input" } };
  }

  private view(req: FakeRequest): FakeResponse {
    const name = req.query.get("filename") ?? "";
    if (![...this.jobs.values()].some((j) => name === `cutaway_${j.number}.mp4`) || req.query.get("type") !== "output") return { status: 404, body: undefined };
    return { status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(this.media) };
  }
}

/** A strict RFC 7578 reader: the test fails if the backend's hand-built body is off by a byte. */
export function parseMultipart(req: FakeRequest): MultipartPart[] | null {
  const m = /boundary=([^;]+)/.exec(header(req, "content-type") ?? "");
  if (!m) return null;
  const delim = Buffer.from(`--${m[1]!}`);
  const body = req.body;
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delim);
  if (at !== 0) return null;
  for (;;) {
    at += delim.length;
    if (body.subarray(at, at + 2).toString() === "--") return parts;
    if (body.subarray(at, at + 2).toString() !== "\r\n") return null;
    const headEnd = body.indexOf("\r\n\r\n", at);
    if (headEnd < 0) return null;
    const head = body.subarray(at + 2, headEnd).toString("utf8");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delim]), headEnd);
    if (next < 0) return null;
    const disp = /content-disposition: form-data; name="([^"]*)"(?:; filename="([^"]*)")?/i.exec(head);
    if (!disp) return null;
    const ct = /content-type: (.+)/i.exec(head);
    parts.push({ name: disp[1]!, ...(disp[2] !== undefined ? { filename: disp[2] } : {}), ...(ct ? { contentType: ct[1]!.trim() } : {}), data: body.subarray(headEnd + 4, next) });
    at = next + 2;
  }
}

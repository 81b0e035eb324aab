/**
 * ComfyUI on the studio's own GPUs: the editor's API-format workflow, filled per shot, queued on
 * one of several servers (least busy first). Built against ComfyUI's server routes (docs.comfy.org
 * "Routes", ComfyUI 0.3.x–0.4, 2026): POST /prompt accepts a client-chosen `prompt_id`, which Cutaway
 * derives from the idempotency key, so a create lost on the wire is found again under the same id
 * (`/history/{id}`, `/queue`) instead of being queued twice. Progress would need the WebSocket;
 * polling history and queue gives queue position and completion, which is what the engine uses.
 * No key: an optional bearer token is sent only to the configured servers (for authenticating proxies).
 */
import type { Clock, Fetch } from "../../platform/ports";
import { GenerationError } from "../errors";
import { HttpClient, originOf } from "../http";
import type { BackendCapabilities, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, SubmitOptions } from "../types";
import { checkReferences } from "../references";
import { multipartBody, seedFromKey, uuidFromKey } from "./bytes";
import { executionFailure, historySchema, promptAcceptedSchema, queueSchema, readComfyError, uploadSchema, videoOutput, type ComfyQueue } from "./schemas";
import { comfyModelCapabilities, fillGraph, frameCount, frameRate, parseComfyGraph, pickComfySize, placeholdersIn, referenceSlots, type ComfyWorkflow } from "./workflow";

export const COMFYUI_BACKEND_ID = "comfyui";
export const COMFYUI_DEFAULT_URL = "http://127.0.0.1:8188";

export interface ComfyUIBackendOptions {
  readonly fetch: Fetch;
  /** worker URLs (default: the local server); submits go to the least-queued one */
  readonly servers?: readonly string[];
  /** optional bearer token for a proxy in front of ComfyUI */
  readonly token?: string | null;
  /** the editor's workflows; build each with comfyWorkflow() so its JSON is validated up front */
  readonly workflows: readonly ComfyWorkflow[];
  /** ComfyUI routes WebSocket events by client id; one per panel session is enough */
  readonly clientId?: string;
  readonly clock?: Pick<Clock, "now">;
}

const LABEL = "ComfyUI";
/** polls in a row that find a job neither queued nor in history before it is declared lost (server restarted) */
const LOST_AFTER = 3;

export class ComfyUIBackend implements GenerationBackend {
  readonly id = COMFYUI_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly servers: readonly string[];
  private readonly clientId: string;
  private readonly misses = new Map<string, number>();
  /** submits this session has in flight per server, so parallel submits spread before the queues show them */
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly o: ComfyUIBackendOptions) {
    const list = (o.servers && o.servers.length > 0 ? o.servers : [COMFYUI_DEFAULT_URL]).map((s) => s.trim().replace(/\/+$/, ""));
    this.servers = list;
    this.clientId = o.clientId ?? `cutaway-${uuidFromKey(String(Math.random())).slice(0, 8)}`;
    const clock = o.clock;
    this.http = new HttpClient({ fetch: o.fetch, provider: LABEL, providerId: COMFYUI_BACKEND_ID, secrets: o.token ? [o.token] : [], readError: readComfyError, ...(clock ? { now: () => clock.now() } : {}) });
  }

  capabilities(): BackendCapabilities {
    return comfyUICapabilities(this.o.workflows, this.servers.length);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const w = this.workflow(request.model);
    const graph = parseComfyGraph(w.workflow);
    const has = placeholdersIn(w.workflow);
    checkRequest(w, request, has.has("image"));
    const slots = referenceSlots(w.workflow);
    checkReferences(`The ComfyUI workflow "${w.label}"`, slots ? { max: slots, kinds: ["character", "place", "look"], withFrames: true } : undefined, request, refuse);
    if (slots && !request.referenceImages?.length) throw refuse(`The ComfyUI workflow "${w.label}" has {{ref1}} placeholders and needs at least one reference image; add one to the bible entries this shot names, or pick another workflow.`);
    const promptId = uuidFromKey(options.idempotencyKey);
    const server = await this.pickServer(options.signal);
    this.inFlight.set(server, (this.inFlight.get(server) ?? 0) + 1);
    try {
      const image = request.firstFrame && has.has("image") ? await this.upload(server, `cutaway-${promptId}-first`, request.firstFrame, options.signal) : undefined;
      const refs: string[] = [];
      for (const [i, r] of (slots ? (request.referenceImages ?? []) : []).entries()) refs.push(await this.upload(server, `cutaway-${promptId}-ref${i + 1}`, r, options.signal));
      const fps = frameRate(w, request);
      const size = pickComfySize(w, request);
      const filled = fillGraph(graph, {
        prompt: request.prompt,
        negative: request.negativePrompt ?? "",
        seed: request.seed ?? seedFromKey(options.idempotencyKey),
        width: size.width,
        height: size.height,
        frames: frameCount(w, request.durationSeconds, fps),
        fps,
        ...(image ? { image } : {}),
        ...(refs.length ? { refs } : {}),
      });
      const res = await this.guard(
        this.http.json(
          { method: "POST", url: `${server}/prompt`, headers: this.auth(server), json: { prompt: filled, client_id: this.clientId, prompt_id: promptId }, creates: true, ...(options.signal ? { signal: options.signal } : {}) },
          promptAcceptedSchema,
        ),
      );
      return this.ref(w.id, res.prompt_id, server);
    } finally {
      this.inFlight.set(server, (this.inFlight.get(server) ?? 1) - 1);
    }
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    const server = this.serverOf(ref);
    const id = ref.providerJobId;
    const history = await this.guard(this.http.json({ method: "GET", url: `${server}/history/${encodeURIComponent(id)}`, headers: this.auth(server), ...(signal ? { signal } : {}) }, historySchema));
    const entry = history[id];
    if (entry) {
      this.misses.delete(id);
      const failure = executionFailure(entry);
      if (failure) {
        if (failure.interrupted) return { state: "failed", error: this.http.error("cancelled", "The shot was cancelled on the ComfyUI server.") };
        const where = failure.nodeId ? `node ${failure.nodeId}${failure.nodeType ? ` (${failure.nodeType})` : ""}: ` : "";
        const said = this.http.detail(`${where}${failure.message}`);
        // out of GPU memory is the server's state, not the workflow's fault: another try (or worker) may fit
        if (/OutOfMemory|out of memory|CUDA error|allocation on device/i.test(`${failure.exceptionType ?? ""} ${failure.message}`)) {
          return { state: "failed", error: this.http.error("transient", `ComfyUI ran out of GPU memory on this shot (${said}); Cutaway will try again. A smaller size or fewer frames helps.`) };
        }
        return { state: "failed", error: this.http.error("invalid_request", `ComfyUI could not run the workflow — ${said}. Fix that node in ComfyUI, then generate the shot again.`, { ...(failure.exceptionType ? { providerCode: failure.exceptionType } : {}) }) };
      }
      if (entry.status && entry.status.completed === false) return { state: "running" };
      const video = videoOutput(entry);
      if (!video) {
        return { state: "failed", error: this.http.error("invalid_request", "The ComfyUI workflow finished without a video output; end it with a Save Video (or Video Combine) node.") };
      }
      const q = new URLSearchParams({ filename: video.filename, subfolder: video.subfolder, type: video.type });
      return { state: "completed", mediaUrl: `${server}/view?${q.toString()}` };
    }
    const queue = await this.queue(server, signal);
    const where = locate(queue, id);
    if (where.state === "running") return { state: "running" };
    if (where.state === "queued") return { state: "queued", queuePosition: where.position };
    // between leaving the queue and landing in history, or lost to a restart: only the latter persists
    const n = (this.misses.get(id) ?? 0) + 1;
    this.misses.set(id, n);
    if (n < LOST_AFTER) return { state: "running" };
    this.misses.delete(id);
    return { state: "failed", error: this.http.error("transient", `The ComfyUI server at ${server} no longer knows this shot (was it restarted?); Cutaway will generate it again.`) };
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    let url = status.mediaUrl;
    if (!url) {
      const st = await this.status(ref, signal);
      if (st.state === "failed") throw st.error;
      if (st.state !== "completed" || !st.mediaUrl) throw this.http.error("transient", "ComfyUI has not finished this shot yet; Cutaway will check again.");
      url = st.mediaUrl;
    }
    return this.guard(this.http.download({ url, headers: this.auth(originOf(url)), ...(signal ? { signal } : {}), defaultExtension: "mp4" }));
  }

  async cancel(ref: JobRef): Promise<void> {
    const server = this.serverOf(ref);
    const id = ref.providerJobId;
    const where = locate(await this.queue(server), id);
    // /interrupt without a prompt_id would stop whatever runs, perhaps another editor's shot
    if (where.state === "running") await this.guard(this.http.send({ method: "POST", url: `${server}/interrupt`, headers: this.auth(server), json: { prompt_id: id } }));
    else if (where.state === "queued") await this.guard(this.http.send({ method: "POST", url: `${server}/queue`, headers: this.auth(server), json: { delete: [id] } }));
  }

  /** The prompt id is derived from the key, so the job is simply looked up on every worker. */
  async findJob(idempotencyKey: string, request: GenerationRequest): Promise<JobRef | null> {
    const id = uuidFromKey(idempotencyKey);
    for (const server of this.servers) {
      const history = await this.guard(this.http.json({ method: "GET", url: `${server}/history/${encodeURIComponent(id)}`, headers: this.auth(server) }, historySchema));
      if (history[id] || locate(await this.queue(server), id).state !== "absent") return this.ref(request.model, id, server);
    }
    return null;
  }

  async testConnection(): Promise<void> {
    for (const server of this.servers) await this.guard(this.http.send({ method: "GET", url: `${server}/system_stats`, headers: this.auth(server) }));
  }

  private async upload(server: string, stem: string, image: NonNullable<GenerationRequest["firstFrame"]>, signal?: AbortSignal): Promise<string> {
    const ext = image.mimeType === "image/png" ? "png" : "jpg";
    const { body, contentType } = multipartBody(
      [
        { name: "image", filename: `${stem}.${ext}`, contentType: image.mimeType, bytes: image.bytes },
        { name: "type", value: "input" },
        { name: "overwrite", value: "true" },
      ],
      `----cutaway${stem.replace(/[^\w]/g, "").slice(-24)}`,
    );
    // HttpClient sends only JSON bodies; swapping the body in its fetch keeps its error mapping for the upload
    const f = this.o.fetch;
    const raw = new HttpClient({
      fetch: (url, init) => f(url, { ...init, body, headers: { ...(init?.headers as Record<string, string>), "content-type": contentType } }),
      provider: LABEL,
      providerId: COMFYUI_BACKEND_ID,
      secrets: this.o.token ? [this.o.token] : [],
      readError: readComfyError,
    });
    const res = await this.guard(raw.json({ method: "POST", url: `${server}/upload/image`, headers: this.auth(server), ...(signal ? { signal } : {}) }, uploadSchema));
    return res.subfolder ? `${res.subfolder}/${res.name}` : res.name;
  }

  private async queue(server: string, signal?: AbortSignal): Promise<ComfyQueue> {
    return this.guard(this.http.json({ method: "GET", url: `${server}/queue`, headers: this.auth(server), ...(signal ? { signal } : {}) }, queueSchema));
  }

  /** The least-loaded reachable worker; unreachable ones are skipped, not fatal. */
  private async pickServer(signal?: AbortSignal): Promise<string> {
    if (this.servers.length === 1) return this.servers[0]!;
    const loads = await Promise.all(
      this.servers.map(async (s) => {
        try {
          const q = await this.queue(s, signal);
          return { s, load: q.queue_running.length + q.queue_pending.length + (this.inFlight.get(s) ?? 0) };
        } catch (e) {
          return { s, load: Infinity, e };
        }
      }),
    );
    const best = [...loads].sort((a, b) => a.load - b.load)[0]!;
    if (best.load === Infinity) throw "e" in best && best.e instanceof GenerationError ? best.e : this.http.error("transient", "No ComfyUI server answered; check that they are running.");
    return best.s;
  }

  /** ComfyUI answers a cross-origin call it was not started to allow with a bare 403. */
  private async guard<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      if (e instanceof GenerationError && e.details.status === 403 && e.reason !== "expired") {
        throw new GenerationError(
          "auth",
          `ComfyUI refused Cutaway's request (HTTP 403). Start ComfyUI with --enable-cors-header (for example: python main.py --listen --enable-cors-header)${this.o.token ? ", and check the proxy token in Settings" : ""}.`,
          { ...e.details, provider: COMFYUI_BACKEND_ID },
        );
      }
      throw e;
    }
  }

  private workflow(id: string): ComfyWorkflow {
    const w = this.o.workflows.find((x) => x.id === id);
    if (!w) throw this.http.error("invalid_request", `There is no ComfyUI workflow "${id}"; paste one in Settings or pick another.`);
    return w;
  }

  private ref(model: string, id: string, server: string): JobRef {
    return { backend: COMFYUI_BACKEND_ID, model, providerJobId: id, urls: { server } };
  }

  private serverOf(ref: JobRef): string {
    const s = ref.urls?.server ?? this.servers[0]!;
    return s.replace(/\/+$/, "");
  }

  /** The token goes only to servers the editor configured (never to one named by a journal alone). */
  private auth(server: string): Record<string, string> {
    const known = this.servers.some((s) => originOf(s) === originOf(server));
    return this.o.token && known ? { authorization: `Bearer ${this.o.token}` } : {};
  }
}

function locate(q: ComfyQueue, id: string): { state: "running" } | { state: "queued"; position: number } | { state: "absent" } {
  if (q.queue_running.some((item) => item[1] === id)) return { state: "running" };
  const mine = q.queue_pending.find((item) => item[1] === id);
  if (!mine) return { state: "absent" };
  // pending is not kept in order; its `number` is the position key
  const n = typeof mine[0] === "number" ? mine[0] : 0;
  return { state: "queued", position: q.queue_pending.filter((item) => typeof item[0] === "number" && item[0] < n).length };
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: COMFYUI_BACKEND_ID });
}

function checkRequest(w: ComfyWorkflow, req: GenerationRequest, takesImage: boolean): void {
  if (!w.durationsSeconds.includes(req.durationSeconds)) throw refuse(`The ComfyUI workflow "${w.label}" is set up for ${w.durationsSeconds.join(", ")} s clips, not ${req.durationSeconds} s.`);
  if (!w.aspects.includes(req.aspect)) throw refuse(`The ComfyUI workflow "${w.label}" cannot make ${req.aspect} video (it offers ${w.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > w.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; "${w.label}" takes at most ${w.maxPromptChars}. Shorten it.`);
  if (req.lastFrame) throw refuse(`The ComfyUI workflow "${w.label}" cannot end on a given last frame; drop the last frame.`);
  if (req.firstFrame && !takesImage) throw refuse(`The ComfyUI workflow "${w.label}" has no {{image}} placeholder, so it cannot start from a reference frame; drop the frame or add {{image}} to a Load Image node.`);
  if (!req.firstFrame && takesImage) throw refuse(`The ComfyUI workflow "${w.label}" needs a reference frame (it has an {{image}} placeholder); add a first frame or pick another workflow.`);
}

export function comfyUICapabilities(workflows: readonly ComfyWorkflow[], servers = 1): BackendCapabilities {
  return {
    backend: COMFYUI_BACKEND_ID,
    label: LABEL,
    needsKey: false,
    canListJobs: true,
    models: workflows.map(comfyModelCapabilities),
    // one render at a time per GPU; more in flight only waits in ComfyUI's queue, which is fine but pointless
    concurrency: Math.max(1, servers),
    requestsPerMinute: 600,
  };
}

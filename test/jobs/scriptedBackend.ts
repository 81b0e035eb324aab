/**
 * An in-process backend whose behaviour each test scripts: render time, faults on create/status/
 * download, listing for reconciliation. It counts calls so tests can assert "no second create".
 */
import { GenerationError } from "../../src/backends/errors";
import type { BackendCapabilities, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, SubmitOptions } from "../../src/backends/types";
import { fakeMp4 } from "../support/media";

export interface Script {
  /** status polls before a job completes */
  pollsToComplete?: number;
  /** provider render time in clock ms (instead of polls) */
  renderMs?: number;
  reportProgress?: boolean;
  /** create throws this before accepting (n-th create, 1-based) */
  createFault?: { nth: number; error: GenerationError; accepted: boolean };
  statusFault?: (n: number) => GenerationError | null;
  failJob?: GenerationError;
  downloadFault?: (attempt: number) => "truncate" | "garbage" | "expired" | null;
  canList?: boolean;
  /** the provider's list lags: this many looks answer "not listed yet" before the list shows the job */
  listLagLooks?: number;
  concurrency?: number;
}

export class ScriptedBackend implements GenerationBackend {
  readonly id = "scripted";
  readonly calls = { create: 0, accepted: 0, status: 0, download: 0, cancel: 0, find: 0 };
  readonly jobs = new Map<string, { key: string; polls: number; createdAt: number; cancelled: boolean; prompt: string }>();
  inFlightMax = 0;
  private inFlight = new Set<string>();
  /** called when a create is accepted, before submit() returns (tests read the journal here) */
  onAccepted: (providerJobId: string) => Promise<void> = async () => undefined;

  constructor(
    public script: Script,
    private readonly now: () => number = Date.now,
  ) {}

  capabilities(): BackendCapabilities {
    return {
      backend: "scripted",
      label: "Scripted",
      needsKey: false,
      canListJobs: this.script.canList ?? false,
      concurrency: this.script.concurrency ?? 4,
      requestsPerMinute: 0,
      models: [{ id: "m", label: "M", durationsSeconds: [4, 8], aspects: ["16:9"], sizes: [{ width: 1280, height: 720, aspect: "16:9" }], fps: 24, imageToVideo: false, lastFrame: false, negativePrompt: false, seed: false, maxPromptChars: 500, pricePerSecondUsd: 0.1 }],
    };
  }

  async submit(req: GenerationRequest, o: SubmitOptions): Promise<JobRef> {
    const n = ++this.calls.create;
    const f = this.script.createFault;
    const accept = (): string => {
      const id = `p${this.jobs.size + 1}`;
      this.jobs.set(id, { key: o.idempotencyKey, polls: 0, createdAt: this.now(), cancelled: false, prompt: req.prompt });
      this.calls.accepted++;
      return id;
    };
    if (f && f.nth === n) {
      if (f.accepted) accept();
      throw f.error;
    }
    const id = accept();
    this.inFlight.add(id);
    this.inFlightMax = Math.max(this.inFlightMax, this.inFlight.size);
    await this.onAccepted(id);
    return { backend: this.id, model: req.model, providerJobId: id };
  }

  async status(ref: JobRef): Promise<JobStatus> {
    const n = ++this.calls.status;
    const fault = this.script.statusFault?.(n);
    if (fault) throw fault;
    const j = this.jobs.get(ref.providerJobId)!;
    j.polls++;
    if (this.script.failJob) {
      this.inFlight.delete(ref.providerJobId);
      return { state: "failed", error: this.script.failJob };
    }
    const done = this.script.renderMs !== undefined ? this.now() - j.createdAt >= this.script.renderMs : j.polls >= (this.script.pollsToComplete ?? 2);
    if (done) {
      this.inFlight.delete(ref.providerJobId);
      return { state: "completed", mediaUrl: `mem://${ref.providerJobId}`, costUsd: 0.4 };
    }
    const progress = this.script.renderMs !== undefined ? (this.now() - j.createdAt) / this.script.renderMs : j.polls / (this.script.pollsToComplete ?? 2);
    return { state: "running", ...(this.script.reportProgress ? { progress } : {}) };
  }

  async download(ref: JobRef): Promise<MediaDownload> {
    const attempt = ++this.calls.download;
    const fault = this.script.downloadFault?.(attempt);
    if (fault === "expired") throw new GenerationError("expired", "The provider's download link has expired; generate the shot again.");
    const bytes = fault === "garbage" ? new Uint8Array(100).fill(7) : fakeMp4(4096, Number(ref.providerJobId.slice(1)));
    const sent = fault === "truncate" ? bytes.subarray(0, 1000) : bytes;
    return {
      chunks: (async function* () {
        for (let i = 0; i < sent.length; i += 512) yield sent.subarray(i, i + 512);
      })(),
      contentLength: bytes.length,
      contentType: "video/mp4",
      extension: "mp4",
    };
  }

  async cancel(ref: JobRef): Promise<void> {
    this.calls.cancel++;
    this.jobs.get(ref.providerJobId)!.cancelled = true;
    this.inFlight.delete(ref.providerJobId);
  }

  async findJob(key: string): Promise<JobRef | null> {
    this.calls.find++;
    if (this.calls.find <= (this.script.listLagLooks ?? 0)) {
      throw new GenerationError("transient", "Not listed yet; look again shortly.", { outcomeUnknown: true, retryAfterSeconds: 20 });
    }
    for (const [id, j] of this.jobs) if (j.key === key) return { backend: this.id, model: "m", providerJobId: id };
    return null;
  }
}

/**
 * The offline slate backend, the embedded default: no network, no key, no cost. A "job" is a PNG card
 * rendered at the sequence frame size; it completes at once and is always the same bytes for the same
 * request. Placed slates carry `slate: true` in their provenance, so Cutaway later treats them as
 * placeholders to upgrade.
 */
import { GenerationError } from "../errors";
import type { BackendCapabilities, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../types";
import { MAX_SLATE_SIDE, renderSlate } from "./render";
import { imageDataUri } from "../http";

const CAPABILITIES: BackendCapabilities = {
  backend: "slate",
  label: "Slates (offline, free)",
  needsKey: false,
  canListJobs: true,
  concurrency: 4,
  requestsPerMinute: 0,
  local: true,
  models: [
    {
      id: "slate",
      label: "Slate card",
      // any length: a still takes whatever duration the timeline gives it
      durationsSeconds: [],
      aspects: ["16:9", "9:16", "1:1", "4:3", "21:9", "4:5"],
      sizes: [],
      fps: null,
      imageToVideo: false,
      lastFrame: false,
      negativePrompt: false,
      seed: false,
      maxPromptChars: 2000,
      pricePerSecondUsd: 0,
    },
  ],
};

/** thumbnails in the Jobs list are this wide (px) */
const THUMB_WIDTH = 160;

export class SlateBackend implements GenerationBackend {
  readonly id = "slate";
  /** requests by job id: the card is rendered on download, from the request */
  private readonly requests = new Map<string, GenerationRequest>();

  capabilities(): BackendCapabilities {
    return CAPABILITIES;
  }

  async submit(request: GenerationRequest, options: { idempotencyKey: string }): Promise<JobRef> {
    const { width, height } = request.size;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width > MAX_SLATE_SIDE || height > MAX_SLATE_SIDE) {
      throw new GenerationError("invalid_request", `A slate cannot be ${width}×${height}.`, { provider: "slate" });
    }
    const providerJobId = `slate-${options.idempotencyKey}`;
    this.requests.set(providerJobId, request);
    return { backend: this.id, model: "slate", providerJobId, urls: { card: JSON.stringify(cardOf(request)) } };
  }

  async status(ref: JobRef): Promise<JobStatus> {
    const card = this.cardFor(ref);
    if (!card) return { state: "failed", error: new GenerationError("expired", "This slate was lost; draft it again.") };
    // a small card for the Jobs list: the shot's colour and number at a glance
    const h = Math.max(16, Math.round((THUMB_WIDTH * card.height) / card.width));
    const thumb = renderSlate({ ...card, width: THUMB_WIDTH, height: Math.min(h, THUMB_WIDTH * 2) });
    return { state: "completed", costUsd: 0, thumbnailUrl: imageDataUri({ bytes: thumb, mimeType: "image/png" }) };
  }

  private cardFor(ref: JobRef): ReturnType<typeof cardOf> | null {
    if (ref.urls?.card) return JSON.parse(ref.urls.card) as ReturnType<typeof cardOf>;
    const r = this.requests.get(ref.providerJobId);
    return r ? cardOf(r) : null;
  }

  async download(ref: JobRef): Promise<MediaDownload> {
    // the card travels in the journaled ref, so a reloaded panel can still render it
    const card = this.cardFor(ref);
    if (!card) throw new GenerationError("expired", "This slate was lost; draft it again.");
    const png = renderSlate(card);
    return {
      chunks: (async function* () {
        yield png;
      })(),
      contentLength: png.byteLength,
      contentType: "image/png",
      extension: "png",
    };
  }

  async cancel(): Promise<void> {}

  async findJob(idempotencyKey: string): Promise<JobRef | null> {
    const id = `slate-${idempotencyKey}`;
    const r = this.requests.get(id);
    return r ? { backend: this.id, model: "slate", providerJobId: id, urls: { card: JSON.stringify(cardOf(r)) } } : null;
  }
}

function cardOf(r: GenerationRequest) {
  return { width: r.size.width, height: r.size.height, shotNumber: r.shotNumber, prompt: r.prompt, durationSeconds: r.durationSeconds, ...(r.timecode ? { timecode: r.timecode } : {}) };
}

/**
 * One interface for every generation backend. Capabilities are data (shown to the editor as
 * limits and prices); calls map each provider's job model onto Cutaway's.
 */
import type { GenerationError } from "./errors";

export interface SizeOption {
  readonly width: number;
  readonly height: number;
  /** "16:9", "9:16", "1:1", … */
  readonly aspect: string;
  /** provider's own name for it, when it has one ("720p", "1280:720") */
  readonly label?: string;
}

export interface ModelCapabilities {
  readonly id: string;
  readonly label: string;
  /** allowed clip lengths in seconds, ascending */
  readonly durationsSeconds: readonly number[];
  readonly aspects: readonly string[];
  readonly sizes: readonly SizeOption[];
  /** null: follows the request (slates) */
  readonly fps: number | null;
  /** works from a prompt alone (false: needs a reference frame, e.g. an image-to-video-only endpoint); absent means true */
  readonly textToVideo?: boolean;
  readonly imageToVideo: boolean;
  /** accepts a last frame as well as a first (for gaps between two shots) */
  readonly lastFrame: boolean;
  readonly negativePrompt: boolean;
  readonly seed: boolean;
  readonly maxPromptChars: number;
  /** an estimate shown before Generate; the ledger records the actual charge where known */
  readonly pricePerSecondUsd: number;
  readonly audio?: boolean;
  /** the provider's own "extend this video" call, when it has one (Cutaway extends from a frame instead) */
  readonly nativeExtend?: { readonly addsSeconds: number; readonly note: string };
  /** typical seconds from submit to finished (an estimate from the model's table): paces a model's first polls */
  readonly typicalRenderSeconds?: number;
  /** an image model: one still per shot (storyboard frames), any length on the timeline, priced per image */
  readonly still?: boolean;
  readonly pricePerImageUsd?: number;
  /** soft references (identity, place, style) it takes beside any frames; absent: none, the prompt's words only */
  readonly references?: ReferenceSupport;
}

/** what a reference image shows: a character to keep the same, a place, or a look to follow */
export type ReferenceKind = "character" | "place" | "look";

export interface ReferenceSupport {
  /** how many reference images one request may carry */
  readonly max: number;
  readonly kinds: readonly ReferenceKind[];
  /** false: the provider refuses references beside a first or last frame (frames win, references are dropped) */
  readonly withFrames: boolean;
  /** the only clip lengths it renders with references (Veo 3.1: 8 s) */
  readonly durationsSeconds?: readonly number[];
  /** the only aspects it renders with references (Veo 3.1: 16:9) */
  readonly aspects?: readonly string[];
}

export interface BackendCapabilities {
  /** "slate" | "fal" | "openai-videos" | "veo" | "runway" | "luma" | "replicate" | "comfyui" */
  readonly backend: string;
  readonly label: string;
  readonly needsKey: boolean;
  /** can list recent jobs: a create whose outcome is unknown can be reconciled instead of repeated */
  readonly canListJobs: boolean;
  readonly models: readonly ModelCapabilities[];
  /** renders inside the panel (slates): finished by the first look, so polling starts at once */
  readonly local?: boolean;
  /** suggested engine limits for this provider */
  readonly concurrency: number;
  readonly requestsPerMinute: number;
}

export interface ImageInput {
  readonly bytes: Uint8Array;
  readonly mimeType: "image/png" | "image/jpeg";
}

export interface ReferenceImage extends ImageInput {
  readonly kind: ReferenceKind;
  /** the bible entry's name ("Mara"): the tag providers that name references use */
  readonly name: string;
}

export interface GenerationRequest {
  readonly model: string;
  readonly prompt: string;
  readonly negativePrompt?: string;
  readonly durationSeconds: number;
  readonly aspect: string;
  readonly size: { readonly width: number; readonly height: number };
  /** sequence frame rate as num/den, for backends that follow it (slates, ComfyUI) */
  readonly fps?: { readonly num: number; readonly den: number };
  readonly seed?: number;
  /** continuity: the frame before the gap / after it */
  readonly firstFrame?: ImageInput;
  readonly lastFrame?: ImageInput;
  /** soft references from the bible: identity and style to follow, never pinned frames */
  readonly referenceImages?: readonly ReferenceImage[];
  /** keep the model's generated sound (models that make it; off: silent where the model lets us choose) */
  readonly audio?: boolean;
  /** for slates and names */
  readonly shotNumber: number;
  readonly timecode?: string;
}

/** What the engine keeps (and journals) to talk about a job later. Must be JSON-safe. */
export interface JobRef {
  readonly backend: string;
  readonly model: string;
  readonly providerJobId: string;
  /** provider URLs handed back at submit (fal status/response/cancel), if any */
  readonly urls?: Readonly<Record<string, string>>;
}

export type JobStatus =
  | { readonly state: "queued"; readonly queuePosition?: number; readonly progress?: number }
  | { readonly state: "running"; readonly progress?: number; readonly etaSeconds?: number }
  | { readonly state: "completed"; readonly mediaUrl?: string; readonly thumbnailUrl?: string; readonly expiresAt?: number; readonly costUsd?: number }
  | { readonly state: "failed"; readonly error: GenerationError };

export interface MediaDownload {
  /** bytes as they arrive; the engine writes them to disk without holding the whole file */
  readonly chunks: AsyncIterable<Uint8Array>;
  readonly contentLength?: number;
  readonly contentType: string;
  /** "mp4" | "png" | "mov" | "webm" */
  readonly extension: string;
}

export interface SubmitOptions {
  /** stable per job: sent where the provider supports idempotency, used to reconcile otherwise */
  readonly idempotencyKey: string;
  readonly signal?: AbortSignal;
}

export interface FindJobOptions {
  /**
   * When the lost create went out (ms, the engine's journal): after a reload the backend has not seen
   * it start, and without this it searches the last 15 minutes and waits a full window from its first look.
   */
  readonly sentAt?: number;
}

export interface GenerationBackend {
  readonly id: string;
  capabilities(): BackendCapabilities;
  /** resolves once the provider accepted the job; throws GenerationError (with `outcomeUnknown` when the request may have reached it) */
  submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef>;
  status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus>;
  download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload>;
  cancel(ref: JobRef): Promise<void>;
  /** find a job this client created with `idempotencyKey` (only when capabilities().canListJobs) */
  findJob?(idempotencyKey: string, request: GenerationRequest, options?: FindJobOptions): Promise<JobRef | null>;
  /**
   * Provider jobs that already belong to shots the engine knows (its journal after a reload): findJob
   * never adopts them for another shot. A backend that matches on prompt or input needs this, or a
   * lost create after a reload could take a sibling take's job.
   */
  claimJobs?(providerJobIds: readonly string[]): void;
  /** a cheap authenticated call for the Settings "test connection" button */
  testConnection?(): Promise<void>;
}

/** What every cloud backend is made with; the auth scheme each uses is said in its own file. */
export interface CloudBackendOptions<Model> {
  readonly fetch: import("../platform/ports").Fetch;
  /** the editor's key for this provider; sent only to the provider's own API origin */
  readonly apiKey: string;
  /** API origin (tests point it at the fake provider) */
  readonly baseUrl?: string;
  readonly clock?: Pick<import("../platform/ports").Clock, "now">;
  /** model descriptors (default: the backend's own list); validate outside data with its parse function */
  readonly models?: readonly Model[];
}

/**
 * The generation backends the app can use: capabilities are static data (shown before any key is
 * entered); `create` builds a client with the editor's key and base URL.
 */
export interface BackendCatalog {
  ids(): readonly string[];
  capabilities(id: string): BackendCapabilities;
  /** `workflow`: the ComfyUI workflow JSON from settings (other backends ignore it) */
  create(id: string, config: { readonly apiKey: string | null; readonly baseUrl?: string; readonly workflow?: string | null }): GenerationBackend;
}

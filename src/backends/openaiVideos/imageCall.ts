/**
 * One still from a gateway's `/images` endpoints through the official `openai` SDK:
 * `images.generate` from the prompt alone, `images.edit` with the bible's reference images as files
 * (`image[]`) when the shot has any. The call is synchronous and paid: the SDK never retries it
 * (`maxRetries: 0`), and every failure becomes a GenerationError through the backend's own HTTP
 * client, so a dropped answer is outcome-unknown like any create. The SDK loads only when a still is
 * made, into the script LLM's chunk (jest runs no dynamic imports: tests hand the module in).
 */
import { z } from "zod";
import { fromBase64 } from "../base64";
import { GenerationError } from "../errors";
import { retryAfterSeconds, type HttpClient } from "../http";
import { checkStillRequest } from "../references";
import { stillExtensionOf, type StillExtension } from "../receivedStills";
import { withDeadlines } from "../timeouts";
import type { Fetch } from "../../platform/ports";
import type { GenerationRequest } from "../types";
import type { OpenAIImageModel } from "./imageModels";
import { readVideoGatewayError } from "./schemas";
import { OPENAI_VIDEOS_BACKEND_ID } from "./variant";

/** an image can take a minute or two to render before the answer's first byte */
const IMAGE_TIMEOUTS = { connectMs: 5 * 60_000, idleMs: 60_000 };

/** `data[0]` carries the picture as base64 (GPT image models) or a short-lived URL (dall-e through some gateways) */
export const imagesResponseSchema = z.object({
  created: z.number().optional(),
  data: z
    .array(z.object({ b64_json: z.string().min(1).nullable().optional(), url: z.string().min(1).nullable().optional() }).refine((d) => !!d.b64_json || !!d.url, "neither b64_json nor url"))
    .min(1),
});

export type OpenAISdkModule = typeof import("openai");

/** the SDK as a lazy chunk of the bundles (the cast: TypeScript types an ESM import apart from the CJS one, same module) */
export const loadOpenAISdk = (): Promise<OpenAISdkModule> => import(/* webpackChunkName: "llm" */ "openai") as unknown as Promise<OpenAISdkModule>;

export interface ImageCallDeps {
  readonly fetch: Fetch;
  readonly loadSdk: () => Promise<OpenAISdkModule>;
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly http: HttpClient;
  readonly now: () => number;
  readonly label: string;
}

/**
 * The SDK sends reference images as multipart `File`s: a runtime without `File` or `FormData` (UXP's
 * is not documented to have them) makes stills from words only, and the plan row says so.
 */
export function runtimeSendsFiles(): boolean {
  return typeof FormData !== "undefined" && typeof File !== "undefined";
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: OPENAI_VIDEOS_BACKEND_ID });
}

/** The `size` for the sequence's aspect; what the model cannot take is refused before anything is paid. */
export function imageSize(m: OpenAIImageModel, req: GenerationRequest): string {
  return checkStillRequest(m, req, refuse).label;
}

/** the prompt, saying which reference image is whom (the edit endpoint numbers them in the order sent) */
export function imagePrompt(req: GenerationRequest): string {
  const refs = req.referenceImages ?? [];
  if (!refs.length) return req.prompt;
  const says = refs.map((r, i) => `Image ${i + 1} is ${r.kind === "look" ? `the look ${r.name}` : r.name}`);
  return `${req.prompt.replace(/[.\s]+$/, "")}. ${says.join(". ")}.`;
}

/** Makes the still and returns its bytes; throws GenerationError (outcome-unknown when the answer was lost). */
export async function callImages(d: ImageCallDeps, m: OpenAIImageModel, req: GenerationRequest, signal?: AbortSignal): Promise<{ bytes: Uint8Array; ext: StillExtension }> {
  const size = imageSize(m, req);
  const sdk = await d.loadSdk();
  const client = sdkClient(sdk, d);
  const common = { model: m.id, prompt: imagePrompt(req), n: 1, size, ...(m.quality ? { quality: m.quality } : {}) };
  let answer: unknown;
  try {
    const refs = req.referenceImages ?? [];
    if (refs.length) {
      // refused before anything is paid: the SDK would fail half way through building the upload
      if (!runtimeSendsFiles()) throw refuse(`This panel cannot send reference images to ${d.label} (its runtime has no File/FormData); make the stills from words only.`);
      const image = await Promise.all(refs.map((r, i) => sdk.toFile(r.bytes, `reference-${i + 1}.${r.mimeType === "image/png" ? "png" : "jpg"}`, { type: r.mimeType })));
      answer = await client.images.edit({ ...common, image }, signal ? { signal } : {});
    } else {
      answer = await client.images.generate({ ...common, output_format: "png" }, signal ? { signal } : {});
    }
  } catch (e) {
    throw mapSdkError(sdk, d, e);
  }
  const parsed = imagesResponseSchema.safeParse(answer);
  if (!parsed.success) throw unreadable(d, "it was not in the expected shape");
  const first = parsed.data.data[0]!;
  const bytes = first.b64_json ? fromBase64(first.b64_json) : await fetchBytes(d, first.url!, signal);
  const ext = bytes ? stillExtensionOf(bytes) : null;
  if (!bytes || !ext) throw unreadable(d, "its image was not a PNG or JPEG");
  return { bytes, ext };
}

async function fetchBytes(d: ImageCallDeps, url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const dl = await d.http.download({ url, defaultExtension: "png", ...(signal ? { signal } : {}) });
  const parts: Uint8Array[] = [];
  for await (const c of dl.chunks) parts.push(c);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function unreadable(d: ImageCallDeps, why: string): GenerationError {
  // the call was paid, whatever came back: never sent again without the editor
  return d.http.error("transient", `${d.label} sent an image answer Cutaway could not read: ${why}. Cutaway will not send this still again by itself.`, { outcomeUnknown: true });
}

function sdkClient(sdk: OpenAISdkModule, d: ImageCallDeps) {
  const timed = withDeadlines(d.fetch, IMAGE_TIMEOUTS);
  // failures are typed here, where it is still known whether the request could have gone out
  const fetchFn: Fetch = async (input, init) => {
    try {
      return await timed(input, init);
    } catch (e) {
      throw d.http.sendFailure(e, { method: "POST", url: String(input), creates: true, ...(init?.signal ? { signal: init.signal } : {}) });
    }
  };
  return new sdk.OpenAI({ apiKey: d.apiKey, baseURL: d.baseUrl, fetch: fetchFn, dangerouslyAllowBrowser: true, maxRetries: 0, timeout: IMAGE_TIMEOUTS.connectMs + 5 * 60_000 });
}

function mapSdkError(sdk: OpenAISdkModule, d: ImageCallDeps, e: unknown): unknown {
  if (e instanceof GenerationError) return e;
  const cause = (e as { cause?: unknown } | null)?.cause;
  if (cause instanceof GenerationError) return cause;
  if (e instanceof sdk.APIError && typeof e.status === "number") {
    const info = readVideoGatewayError({ error: e.error ?? {} });
    const headers = e.headers instanceof Headers ? e.headers : new Headers();
    return d.http.fromStatus(e.status, info, retryAfterSeconds(headers, d.now));
  }
  return d.http.sendFailure(e, { method: "POST", url: d.baseUrl, creates: true });
}

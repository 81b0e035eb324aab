/**
 * (Over 300 lines: the one client every backend shares — requests, typed errors, streamed and capped downloads; redirects and deadlines live in their own modules.)
 * The one HTTP helper every cloud backend uses: JSON in and out through the injected `Fetch`
 * (UXP's fetch in Premiere, Node's in tests), zod at the boundary, and every failure mapped onto a
 * GenerationError with a sentence the editor can act on. Keys never appear in any message.
 */
import type { z } from "zod";
import type { Fetch } from "../platform/ports";
import { GenerationError, type GenerationErrorReason } from "./errors";
import { keyedRedirects } from "./redirects";
import { withDeadlines, type RequestTimeouts } from "./timeouts";
import type { ImageInput, MediaDownload } from "./types";

/** What a provider's error body says, read by the backend that knows its shape. */
export interface ProviderErrorInfo {
  readonly message?: string;
  readonly code?: string;
  readonly contentPolicy?: boolean;
  /** the provider says the account is out of credit (OpenAI's 429 `insufficient_quota`) */
  readonly quota?: boolean;
  /** a wait the provider gave in the body (Google's RetryInfo), used when no Retry-After header came */
  readonly retryAfterSeconds?: number;
}

export interface HttpClientOptions {
  readonly fetch: Fetch;
  /** the provider's name as the editor knows it: "fal.ai", "your video gateway" */
  readonly provider: string;
  /** Cutaway's backend id, copied into error details */
  readonly providerId: string;
  /** for Retry-After given as an HTTP date */
  readonly now?: () => number;
  /** strings that must never reach a message (the key) */
  readonly secrets?: readonly string[];
  readonly readError?: (body: unknown) => ProviderErrorInfo;
  /** connect and idle deadlines for every request (timeouts.ts defaults) */
  readonly timeouts?: RequestTimeouts;
}

export interface HttpRequest {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** sent as a JSON body */
  readonly json?: unknown;
  readonly signal?: AbortSignal;
  /** the call can create a billable job: a connection lost after sending leaves its outcome unknown */
  readonly creates?: boolean;
}

export interface DownloadRequest {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** used when the server sends no usable Content-Type */
  readonly defaultExtension?: string;
}

/** Connection errors that prove nothing was sent (the socket never opened). */
const NEVER_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

const MAX_DETAIL = 300;

export class HttpClient {
  private readonly o: HttpClientOptions;
  /** the injected fetch with deadlines (timeouts.ts), and keyed requests' redirects followed hop by hop (redirects.ts) */
  private readonly fetchFn: Fetch;

  constructor(o: HttpClientOptions) {
    this.o = { ...o, fetch: withDeadlines(o.fetch, o.timeouts) };
    this.fetchFn = keyedRedirects(this.o.fetch, { secrets: o.secrets ?? [], provider: o.provider, providerId: o.providerId });
  }

  /** A JSON call whose 2xx body must match `schema`. */
  async json<T>(req: HttpRequest, schema: z.ZodType<T>): Promise<T> {
    const res = await this.send(req);
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw this.networkError(e, req);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw this.unreadable(req, "it was not valid JSON");
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (field "${issue.path.join(".")}")` : "";
      throw this.unreadable(req, `it was not in the expected shape${where}`);
    }
    return parsed.data;
  }

  /** Sends the request; resolves with a 2xx response, throws a mapped GenerationError otherwise. */
  async send(req: HttpRequest): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json", ...req.headers };
    const init: RequestInit = { method: req.method, headers };
    if (req.json !== undefined) {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(req.json);
    }
    if (req.signal) init.signal = req.signal;
    const f = this.fetchFn;
    let res: Response;
    try {
      res = await f(req.url, init);
    } catch (e) {
      if (e instanceof GenerationError) throw e;
      throw this.networkError(e, req);
    }
    if (res.ok) return res;
    throw await this.responseError(res, req.signal);
  }

  /** Streams a finished clip: chunks come from `response.body` when readable, else from `arrayBuffer()`. */
  async download(req: DownloadRequest): Promise<MediaDownload> {
    const f = this.fetchFn;
    const init: RequestInit = { method: "GET", headers: { accept: "*/*", ...req.headers } };
    if (req.signal) init.signal = req.signal;
    let res: Response;
    try {
      res = await f(req.url, init);
    } catch (e) {
      if (e instanceof GenerationError) throw e;
      throw this.networkError(e, { method: "GET", url: req.url });
    }
    if (!res.ok) {
      // a finished clip whose media is gone: the signed link or the provider's copy expired
      if (res.status === 410 || res.status === 404 || (res.status === 403 && !req.headers?.authorization)) {
        await res.text().catch(() => "");
        throw this.error("expired", `The finished clip is no longer available at ${this.o.provider} (its download link expired). Generate the shot again.`, { status: res.status });
      }
      throw await this.responseError(res, req.signal);
    }
    const contentType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const lengthHeader = res.headers.get("content-length");
    const length = lengthHeader !== null && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    const extension = extensionFor(contentType, req.url, req.defaultExtension ?? "mp4");
    return {
      chunks: this.chunks(res, req.signal),
      ...(length !== undefined ? { contentLength: length } : {}),
      contentType: contentType || mimeFor(extension),
      extension,
    };
  }

  private async *chunks(res: Response, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const body = res.body;
    if (body && typeof body.getReader === "function") {
      const reader = body.getReader();
      let done = false;
      try {
        for (;;) {
          let r: ReadableStreamReadResult<Uint8Array>;
          try {
            r = await reader.read();
          } catch (e) {
            done = true;
            throw this.interrupted(e, signal);
          }
          if (r.done) {
            done = true;
            return;
          }
          if (r.value.byteLength > 0) yield r.value;
        }
      } finally {
        // the consumer stopped early (cancel, write error): free the connection
        if (!done) await reader.cancel().catch(() => undefined);
      }
    }
    let buf: ArrayBuffer;
    try {
      buf = await res.arrayBuffer();
    } catch (e) {
      throw this.interrupted(e, signal);
    }
    if (buf.byteLength > 0) yield new Uint8Array(buf);
  }

  private interrupted(e: unknown, signal?: AbortSignal): GenerationError {
    if (signal?.aborted || errorName(e) === "AbortError") return this.error("cancelled", "The download was cancelled.");
    return this.error("transient", `The download from ${this.o.provider} was interrupted; Cutaway will try again.`);
  }

  private networkError(e: unknown, req: Pick<HttpRequest, "creates" | "signal" | "method" | "url">): GenerationError {
    const code = errorCode(e);
    const neverSent = code !== undefined && NEVER_SENT.has(code);
    const outcomeUnknown = req.creates === true && !neverSent;
    const p = this.o.provider;
    if (req.signal?.aborted || errorName(e) === "AbortError") {
      return this.error("cancelled", outcomeUnknown ? `Cancelled while sending this shot to ${p}; ${p} may still have received it.` : "Cancelled.", { outcomeUnknown });
    }
    if (outcomeUnknown) {
      return this.error("transient", `The connection to ${p} dropped after Cutaway sent this shot; Cutaway will check whether ${p} received it before sending it again.`, { outcomeUnknown: true });
    }
    return this.error("transient", `Cutaway could not reach ${p} (${code ?? "network error"}); check the internet connection. Cutaway will try again.`);
  }

  /** What a failed send means, for a call made through another client (the openai SDK) on this client's fetch. */
  sendFailure(e: unknown, req: Pick<HttpRequest, "creates" | "signal" | "method" | "url">): GenerationError {
    return e instanceof GenerationError ? e : this.networkError(e, req);
  }

  /** A 2xx whose body could not be read: on a create the job may exist, so it is outcome-unknown. */
  private unreadable(req: HttpRequest, why: string): GenerationError {
    const p = this.o.provider;
    const tail = req.creates ? ` Cutaway will check whether ${p} started the job before sending it again.` : " Cutaway will ask again.";
    return this.error("transient", `${p} sent a reply Cutaway could not read: ${why}.${tail}`, req.creates ? { outcomeUnknown: true } : {});
  }

  private async responseError(res: Response, signal?: AbortSignal): Promise<GenerationError> {
    let body: unknown;
    try {
      const text = await res.text();
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    } catch (e) {
      if (signal?.aborted) return this.error("cancelled", "Cancelled.");
      body = undefined;
    }
    const info = body === undefined ? {} : (this.o.readError?.(body) ?? {});
    const retryAfter = retryAfterSeconds(res.headers, this.o.now ?? Date.now) ?? info.retryAfterSeconds;
    return this.fromStatus(res.status, info, retryAfter);
  }

  /** Maps an HTTP status and what the provider said onto one typed reason and an actionable sentence. */
  fromStatus(status: number, info: ProviderErrorInfo, retryAfter?: number): GenerationError {
    const p = this.o.provider;
    const said = this.detail(info.message);
    const extra = { status, ...(info.code ? { providerCode: info.code } : {}) };
    if (info.contentPolicy) {
      return this.error("content_policy", `The prompt was blocked by ${p}'s content policy${said ? `: ${said}` : ""}. Reword the prompt or change the reference frame.`, extra);
    }
    if (info.quota || status === 402) {
      return this.error("quota", `Your ${p} account is out of credit or over its spending limit — top it up with ${p}, then retry.`, extra);
    }
    if (status === 401 || status === 403) return this.error("auth", `Your ${p} key was rejected — check it in Settings.`, extra);
    if (status === 429) {
      const wait = retryAfter ?? 30;
      return this.error("rate_limited", `${p} is limiting how fast Cutaway may send requests; Cutaway will retry in ${wait} s.`, { ...extra, retryAfterSeconds: wait });
    }
    if (status === 410) return this.error("expired", `This job is no longer available at ${p} (it expired). Generate the shot again.`, extra);
    if (status === 408 || status >= 500) {
      return this.error("transient", `${p} had a temporary problem (HTTP ${status})${said ? `: ${said}` : ""}; Cutaway will try again.`, { ...extra, ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) });
    }
    return this.error("invalid_request", `${p} refused the request (HTTP ${status})${said ? `: ${said}` : ""}. Check the model, duration and size for this shot.`, extra);
  }

  error(reason: GenerationErrorReason, message: string, details: Omit<ConstructorParameters<typeof GenerationError>[2] & object, "provider"> = {}): GenerationError {
    return new GenerationError(reason, this.redact(message), { provider: this.o.providerId, ...details });
  }

  /** Provider text, shortened and stripped of anything secret. */
  detail(message: string | undefined): string {
    if (!message) return "";
    const one = message.replace(/\s+/g, " ").trim().replace(/[.\s]+$/, "");
    return this.redact(one.length > MAX_DETAIL ? `${one.slice(0, MAX_DETAIL)}…` : one);
  }

  private redact(s: string): string {
    let out = s;
    for (const secret of this.o.secrets ?? []) if (secret.length >= 4) out = out.split(secret).join("[key]");
    return out;
  }
}

/** Retry-After as seconds or an HTTP date; `retry-after-ms` first when a gateway sends it. */
export function retryAfterSeconds(headers: Headers, now: () => number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.max(0, Math.ceil(Number(ms) / 1000));
  const v = headers.get("retry-after");
  if (v === null) return undefined;
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.max(0, Math.ceil(Number(t)));
  const at = Date.parse(t);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now()) / 1000));
}

/** A data URI for providers that take images as `*_url` fields (no upload step, no FormData in UXP). */
export function imageDataUri(image: ImageInput): string {
  return `data:${image.mimeType};base64,${base64(image.bytes)}`;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** base64 without Buffer or btoa (absent or unreliable for binary in UXP). */
export function base64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    line += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]!;
    line += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : "=";
    line += i + 2 < bytes.length ? B64[c & 63]! : "=";
    if (line.length >= 8192) {
      parts.push(line);
      line = "";
    }
  }
  parts.push(line);
  return parts.join("");
}

export { originOf } from "./redirects";

function extensionFor(contentType: string, url: string, fallback: string): string {
  const byType: Record<string, string> = { "video/mp4": "mp4", "video/quicktime": "mov", "video/webm": "webm", "image/png": "png", "image/jpeg": "jpg" };
  const t = byType[contentType];
  if (t) return t;
  const m = /\.(mp4|mov|webm|png)(?:$|[?#])/i.exec(url);
  return m ? m[1]!.toLowerCase() : fallback;
}

function mimeFor(extension: string): string {
  const byExt: Record<string, string> = { mp4: "video/mp4", mov: "video/quicktime", webm: "video/webm", png: "image/png", jpg: "image/jpeg" };
  return byExt[extension] ?? "application/octet-stream";
}

function field(o: unknown, key: string): unknown {
  return typeof o === "object" && o !== null ? (o as Record<string, unknown>)[key] : undefined;
}

/** Node puts the socket error code on `cause` (undici); UXP gives a bare TypeError. */
function errorCode(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur !== undefined && depth < 4; cur = field(cur, "cause"), depth++) {
    const code = field(cur, "code");
    if (typeof code === "string") return code;
  }
  return undefined;
}

function errorName(e: unknown): string | undefined {
  const n = field(e, "name");
  return typeof n === "string" ? n : undefined;
}

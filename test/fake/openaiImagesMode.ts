/**
 * OpenAI's Images API as a gateway serves it: `POST /v1/images/generations` (JSON) and
 * `POST /v1/images/edits` (multipart, the input images as `image[]` files, or one `image`). Strict
 * as OpenAI is (openai SDK 6.49 `ImageGenerateParams` / `ImageEditParams`): unknown parameters are
 * refused, `response_format` is refused for GPT image models (they always answer `b64_json`), sizes
 * are checked per model, at most 16 input images of PNG, JPEG or WebP. Every call that reached the
 * model is recorded with the references it carried. Endpoint names: images.generate, images.edit.
 */
import { encodePng } from "../../src/backends/slate/png";
import { header } from "./falMode";
import { parseMultipart, type FormPart } from "./multipart";
import { apiError } from "./openaiVideosMode";
import type { FakeMode, FakeRequest, FakeResponse, Route } from "./server";

export interface ImageCall {
  readonly endpoint: "generate" | "edit";
  readonly model: string;
  readonly prompt: string;
  readonly size: string | undefined;
  /** the input images, in the order sent, by their file names */
  readonly references: readonly string[];
}

const GPT_IMAGE = new Set(["gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "chatgpt-image-latest"]);
const GPT_IMAGE_2 = new Set(["gpt-image-2", "gpt-image-2-2026-04-21"]);
const FIXED_SIZES = new Set(["1024x1024", "1536x1024", "1024x1536", "auto"]);
const PARAMS = new Set(["model", "prompt", "n", "size", "quality", "background", "moderation", "output_compression", "output_format", "partial_images", "stream", "user", "response_format", "style"]);
const EDIT_PARAMS = new Set(["model", "prompt", "n", "size", "quality", "background", "input_fidelity", "mask", "output_compression", "output_format", "partial_images", "stream", "user", "response_format", "image", "image[]"]);

export class OpenAIImagesMode implements FakeMode {
  readonly name = "openai-images";
  readonly calls: ImageCall[] = [];
  /** refuse a call under the content policy (OpenAI: 400 `moderation_blocked`) */
  moderate: ((call: ImageCall) => boolean) | null = null;
  /** the still every call answers with: a real PNG */
  still: Uint8Array = encodePng(32, 18, new Uint8Array(32 * 18 * 3).fill(90));

  constructor(private readonly prefix = "/v1") {}

  routes(): readonly Route[] {
    return [
      { method: "POST", pattern: `${this.prefix}/images/generations`, name: "images.generate", handler: (req) => this.authed(req, () => this.generate(req)) },
      { method: "POST", pattern: `${this.prefix}/images/edits`, name: "images.edit", handler: (req) => this.authed(req, () => this.edit(req)) },
    ];
  }

  private authed(req: FakeRequest, handle: () => FakeResponse): FakeResponse {
    if (!/^Bearer \S+/.test(header(req, "authorization") ?? "")) return apiError(401, "You didn't provide an API key.", "invalid_request_error", "missing_api_key");
    return handle();
  }

  private generate(req: FakeRequest): FakeResponse {
    if (!String(header(req, "content-type") ?? "").startsWith("application/json")) return apiError(400, "Expected a JSON body.", "invalid_request_error", null);
    const body = (req.json ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(body).find((k) => !PARAMS.has(k));
    if (unknown) return apiError(400, `Unknown parameter: '${unknown}'.`, "invalid_request_error", "unknown_parameter");
    const fields = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
    return this.answer("generate", fields, []);
  }

  private edit(req: FakeRequest): FakeResponse {
    const parts = parseMultipart(header(req, "content-type"), req.body);
    if (!parts) return apiError(400, "Expected a multipart/form-data body.", "invalid_request_error", null);
    const unknown = parts.find((p) => !EDIT_PARAMS.has(p.name));
    if (unknown) return apiError(400, `Unknown parameter: '${unknown.name}'.`, "invalid_request_error", "unknown_parameter");
    const images = parts.filter((p) => p.name === "image" || p.name === "image[]");
    if (images.length === 0) return apiError(400, "Missing required parameter: 'image'.", "invalid_request_error", "missing_required_parameter");
    if (images.length > 16) return apiError(400, "Too many images: at most 16 may be given.", "invalid_request_error", "invalid_value");
    const bad = images.find((p) => p.filename === undefined || !isImage(p));
    if (bad) return apiError(400, `Invalid file '${bad.filename ?? bad.name}': supported formats are 'image/jpeg', 'image/png' and 'image/webp'.`, "invalid_request_error", "invalid_image_format");
    const fields = Object.fromEntries(parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString("utf8")]));
    return this.answer("edit", fields, images.map((p) => p.filename!));
  }

  private answer(endpoint: ImageCall["endpoint"], f: Record<string, string>, references: string[]): FakeResponse {
    const model = f["model"] ?? (endpoint === "edit" ? "gpt-image-1.5" : "dall-e-2");
    if (typeof f["prompt"] !== "string" || f["prompt"].length === 0) return apiError(400, "Missing required parameter: 'prompt'.", "invalid_request_error", "missing_required_parameter");
    const gpt = GPT_IMAGE.has(model) || GPT_IMAGE_2.has(model);
    if (!gpt) return apiError(400, `Invalid value for 'model': '${model}' is not served here.`, "invalid_request_error", "invalid_value");
    if (f["response_format"] !== undefined) return apiError(400, "Unknown parameter: 'response_format'.", "invalid_request_error", "unknown_parameter");
    if (f["prompt"].length > 32_000) return apiError(400, "Invalid 'prompt': string too long.", "invalid_request_error", "string_above_max_length");
    const n = f["n"] === undefined ? 1 : Number(f["n"]);
    if (!Number.isInteger(n) || n < 1 || n > 10) return apiError(400, "Invalid 'n': must be between 1 and 10.", "invalid_request_error", "invalid_value");
    const sizeProblem = f["size"] === undefined ? null : checkSize(model, f["size"]);
    if (sizeProblem) return apiError(400, sizeProblem, "invalid_request_error", "invalid_value");
    const call: ImageCall = { endpoint, model, prompt: f["prompt"], size: f["size"], references };
    this.calls.push(call);
    if (this.moderate?.(call)) return apiError(400, "Your request was rejected by the safety system.", "image_generation_user_error", "moderation_blocked");
    const b64 = Buffer.from(this.still).toString("base64");
    return { status: 200, body: { created: 1_790_000_000, data: Array.from({ length: n }, () => ({ b64_json: b64 })), output_format: "png", size: f["size"] ?? "1024x1024", quality: f["quality"] ?? "auto", usage: { input_tokens: 50, output_tokens: 1000, total_tokens: 1050 } } };
  }
}

/** OpenAI's size rules: the three fixed sizes (and auto) for GPT image 1.x; any WxH for gpt-image-2 within its limits. */
function checkSize(model: string, size: string): string | null {
  if (!GPT_IMAGE_2.has(model)) return FIXED_SIZES.has(size) ? null : `Invalid value: '${size}'. Supported values are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.`;
  if (size === "auto") return null;
  const m = /^(\d+)x(\d+)$/.exec(size);
  if (!m) return `Invalid value: '${size}'. Expected WIDTHxHEIGHT.`;
  const w = Number(m[1]);
  const h = Number(m[2]);
  if (w % 16 !== 0 || h % 16 !== 0) return `Invalid size '${size}': width and height must be divisible by 16.`;
  if (Math.max(w, h) / Math.min(w, h) > 3) return `Invalid size '${size}': the aspect ratio must be between 1:3 and 3:1.`;
  if (Math.max(w, h) > 3840 || w * h > 3840 * 2160) return `Invalid size '${size}': at most 3840x2160.`;
  return null;
}

function isImage(p: FormPart): boolean {
  const d = p.data;
  const png = d[0] === 0x89 && d[1] === 0x50 && d[2] === 0x4e && d[3] === 0x47;
  const jpeg = d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff;
  const webp = d.subarray(0, 4).toString("latin1") === "RIFF" && d.subarray(8, 12).toString("latin1") === "WEBP";
  const typed = p.contentType === undefined || /^image\/(png|jpeg|webp)$/.test(p.contentType);
  return (png || jpeg || webp) && typed;
}

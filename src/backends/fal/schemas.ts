/** fal.ai queue responses and error bodies, as zod schemas (fal's queue OpenAPI and fal-js). */
import { z } from "zod";
import type { ProviderErrorInfo } from "../http";

export const falSubmitSchema = z.object({
  request_id: z.string().min(1),
  status_url: z.string().optional(),
  response_url: z.string().optional(),
  cancel_url: z.string().optional(),
  queue_position: z.number().optional(),
});

export const falStatusSchema = z.object({
  // an open set: IN_QUEUE | IN_PROGRESS | COMPLETED today
  status: z.string(),
  queue_position: z.number().int().nonnegative().optional().nullable(),
  response_url: z.string().optional(),
  error: z.string().nullable().optional(),
  error_type: z.string().nullable().optional(),
});

const falFile = z.object({
  url: z.string().min(1),
  content_type: z.string().nullable().optional(),
  file_name: z.string().nullable().optional(),
  file_size: z.number().nullable().optional(),
});

export const falVideoResultSchema = z.object({
  video: falFile,
  thumbnail: falFile.nullable().optional(),
  seed: z.number().nullable().optional(),
});

/** an image model's result (Nano Banana and the other fal image endpoints) */
export const falImageResultSchema = z.object({
  images: z.array(falFile).min(1),
  seed: z.number().nullable().optional(),
});

/** a video, or (image models) the first image */
export const falResultSchema = z.union([falVideoResultSchema, falImageResultSchema]);

const detailItem = z.object({
  msg: z.string().optional(),
  type: z.string().optional(),
  loc: z.array(z.union([z.string(), z.number()])).optional(),
});
const falErrorSchema = z.object({
  detail: z.union([z.string(), z.array(detailItem)]).optional(),
  error: z.string().optional(),
  error_type: z.string().optional(),
});

const CONTENT_POLICY = new Set(["content_policy_violation", "partner_validation_failed"]);

/** fal's `detail[]` (FastAPI style) or a plain `detail` string; 422 `content_policy_violation` is moderation. */
export function readFalError(body: unknown): ProviderErrorInfo {
  const parsed = falErrorSchema.safeParse(body);
  if (!parsed.success) return typeof body === "string" && body.length > 0 ? { message: body } : {};
  const { detail, error, error_type } = parsed.data;
  if (typeof detail === "string" || detail === undefined) {
    const message = detail ?? error;
    return {
      ...(message ? { message } : {}),
      ...(error_type ? { code: error_type } : {}),
      ...(error_type && CONTENT_POLICY.has(error_type) ? { contentPolicy: true } : {}),
      ...(message && /exhausted balance|insufficient (balance|credit)/i.test(message) ? { quota: true } : {}),
    };
  }
  const first = detail.find((d) => d.type && CONTENT_POLICY.has(d.type)) ?? detail[0];
  const loc = (first?.loc ?? []).filter((l) => l !== "body");
  // "…flagged by a content checker (in the prompt)": say which input, in words
  const where = loc.length > 0 ? ` (in the ${loc.join(" ").replace(/_/g, " ")})` : "";
  return {
    ...(first?.msg ? { message: `${first.msg.replace(/[.\s]+$/, "")}${where}` } : {}),
    ...(first?.type ? { code: first.type } : {}),
    ...(detail.some((d) => d.type !== undefined && CONTENT_POLICY.has(d.type)) ? { contentPolicy: true } : {}),
  };
}

/** One request in the Platform API's list (`GET /v1/models/requests/by-endpoint`); payloads with `expand=payloads`. */
const falListedRequest = z.object({
  request_id: z.string().min(1),
  endpoint_id: z.string().optional(),
  sent_at: z.string().nullable().optional(),
  started_at: z.string().nullable().optional(),
  ended_at: z.string().nullable().optional(),
  status_code: z.number().nullable().optional(),
  json_input: z.unknown().optional(),
});

export const falRequestListSchema = z.object({
  items: z.array(falListedRequest),
  next_cursor: z.string().nullable().optional(),
  has_more: z.boolean().optional(),
});

export type FalListedRequest = z.infer<typeof falListedRequest>;

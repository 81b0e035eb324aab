/**
 * The Gemini API's long-running operation for Veo and Google's error body (`google.rpc.Status`), in zod.
 * Loose on purpose: Google adds fields (metadata, `@type`) and a poll must not break on them.
 */
import { z } from "zod";
import type { ProviderErrorInfo } from "../http";

const rpcStatus = z.object({
  code: z.number().int().optional(),
  message: z.string().optional(),
  status: z.string().optional(),
  details: z.array(z.record(z.string(), z.unknown())).optional(),
});

export type RpcStatus = z.infer<typeof rpcStatus>;

export const veoSubmitSchema = z.object({ name: z.string().min(1), done: z.boolean().optional() });

const sample = z.object({ video: z.object({ uri: z.string().optional(), mimeType: z.string().optional() }).nullable().optional() });

export const veoOperationSchema = z.object({
  name: z.string().min(1),
  done: z.boolean().optional(),
  response: z
    .object({
      generateVideoResponse: z
        .object({
          generatedSamples: z.array(sample).nullable().optional(),
          raiMediaFilteredCount: z.number().nullable().optional(),
          raiMediaFilteredReasons: z.array(z.string()).nullable().optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  error: rpcStatus.nullable().optional(),
});

export type VeoOperation = z.infer<typeof veoOperationSchema>;

/** Google's refusals of a prompt or an image are prose on an INVALID_ARGUMENT, not a code. */
const RAI = /responsible ai|sensitive words|usage guidelines|safety (filter|setting)|content polic|violat(e|es|ed|ing) .*polic/i;

export function isVeoContentPolicy(message: string | undefined): boolean {
  return message !== undefined && RAI.test(message);
}

const errorBody = z.union([z.object({ error: rpcStatus }), z.array(z.object({ error: rpcStatus })).min(1)]);

/** `reason` of a `google.rpc.ErrorInfo` detail (API_KEY_INVALID, …). */
function reasonOf(details: RpcStatus["details"]): string | undefined {
  for (const d of details ?? []) if (typeof d["reason"] === "string") return d["reason"];
  return undefined;
}

function quotaIds(details: RpcStatus["details"]): string[] {
  const ids: string[] = [];
  for (const d of details ?? []) {
    const violations = d["violations"];
    if (!Array.isArray(violations)) continue;
    for (const v of violations) if (v && typeof v === "object" && typeof (v as Record<string, unknown>)["quotaId"] === "string") ids.push((v as Record<string, string>)["quotaId"]!);
  }
  return ids;
}

/**
 * Google's 429 says "exceeded your current quota … billing" for a per-minute limit too, so the words alone
 * cannot tell a pause from an empty account: a per-minute quota id or a RetryInfo means wait; a per-day id,
 * or quota/billing wording without either, means the account needs attention.
 */
function isOutOfQuota(e: RpcStatus): boolean {
  if (e.status !== "RESOURCE_EXHAUSTED" && e.code !== 429) return false;
  const ids = quotaIds(e.details);
  if (ids.some((id) => /PerDay/i.test(id))) return true;
  const retryInfo = (e.details ?? []).some((d) => typeof d["retryDelay"] === "string");
  if (retryInfo || ids.some((id) => /PerMinute/i.test(id))) return false;
  return /quota|billing|credit|prepa/i.test(e.message ?? "");
}

/** google.rpc.RetryInfo's `retryDelay` ("23s", "1.5s") in whole seconds */
function retryDelayOf(details: RpcStatus["details"]): number | undefined {
  for (const d of details ?? []) {
    const m = typeof d["retryDelay"] === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(d["retryDelay"]) : null;
    if (m) return Math.max(1, Math.ceil(Number(m[1])));
  }
  return undefined;
}

export function readRpcStatus(e: RpcStatus): ProviderErrorInfo {
  const code = reasonOf(e.details) ?? e.status;
  const wait = retryDelayOf(e.details);
  return {
    ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
    ...(e.message ? { message: e.message } : {}),
    ...(code ? { code } : {}),
    ...(isVeoContentPolicy(e.message) ? { contentPolicy: true } : {}),
    ...(isOutOfQuota(e) ? { quota: true } : {}),
  };
}

/** `{error:{code,message,status,details}}`, sometimes wrapped in a one-element array by Google's front end. */
export function readVeoError(body: unknown): ProviderErrorInfo {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return typeof body === "string" && body.length > 0 && body.length < 500 ? { message: body } : {};
  const e = Array.isArray(parsed.data) ? parsed.data[0]!.error : parsed.data.error;
  return readRpcStatus(e);
}

/** The HTTP status a gRPC code corresponds to (google.rpc.Code), so a failed operation maps like a failed call. */
export function httpStatusOfRpc(code: number | undefined): number {
  const map: Record<number, number> = { 1: 499, 3: 400, 4: 504, 5: 404, 7: 403, 8: 429, 9: 400, 11: 400, 12: 400, 14: 503, 16: 401 };
  return code !== undefined ? (map[code] ?? 500) : 500;
}

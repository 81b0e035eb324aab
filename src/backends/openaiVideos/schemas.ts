/**
 * The `/videos` resource as gateways return it, in zod. Deliberately loose: LiteLLM passes through
 * whatever the upstream provider says, and OpenRouter's near-copy spells some fields differently
 * (`pending`, a string `error`, `usage.cost`), so unknown states and extra fields must not break a poll.
 */
import { z } from "zod";
import type { ProviderErrorInfo } from "../http";

const unixSeconds = z.number().nonnegative().nullable().optional();

const jobError = z.union([
  z.object({ code: z.union([z.string(), z.number()]).nullable().optional(), message: z.string().nullable().optional() }),
  z.string(),
]);

export const videoSchema = z.object({
  id: z.string().min(1),
  object: z.string().optional(),
  // an open set: queued | in_progress | completed | failed (OpenAI), pending | cancelled | expired (OpenRouter)
  status: z.string().optional(),
  progress: z.number().nullable().optional(),
  model: z.string().nullable().optional(),
  prompt: z.string().nullable().optional(),
  seconds: z.union([z.string(), z.number()]).nullable().optional(),
  size: z.string().nullable().optional(),
  error: jobError.nullable().optional(),
  created_at: unixSeconds,
  completed_at: unixSeconds,
  expires_at: unixSeconds,
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  polling_url: z.string().optional(),
  unsigned_urls: z.array(z.string()).nullable().optional(),
  usage: z.object({ cost: z.number().nonnegative().nullable().optional() }).nullable().optional(),
});

export type Video = z.infer<typeof videoSchema>;

export const videoListSchema = z.object({ data: z.array(videoSchema) });

/** Job error codes that mean the prompt or frame was refused (OpenAI, LiteLLM-mapped Veo, OpenRouter). */
const CONTENT_POLICY_CODES = new Set(["moderation_blocked", "content_policy_violation", "content_filter", "safety_violation", "responsible_ai_policy_violation"]);

export function isContentPolicy(code: string | undefined, message: string | undefined): boolean {
  if (code !== undefined && CONTENT_POLICY_CODES.has(code)) return true;
  // Veo's refusals reach some gateways only as prose
  return message !== undefined && /\b(moderation|content polic|safety filter|blocked by|responsible ai)/i.test(message);
}

/** A job's `error`, either OpenAI's `{code, message}` or OpenRouter's plain string. */
export function jobErrorOf(v: Video): { code?: string; message?: string } {
  const e = v.error;
  if (e === null || e === undefined) return {};
  if (typeof e === "string") return e ? { message: e } : {};
  return { ...(e.code !== null && e.code !== undefined ? { code: String(e.code) } : {}), ...(e.message ? { message: e.message } : {}) };
}

const errorBodySchema = z.object({
  error: z.union([
    z.object({
      message: z.string().nullable().optional(),
      type: z.string().nullable().optional(),
      code: z.union([z.string(), z.number()]).nullable().optional(),
    }),
    z.string(),
  ]),
});

/** OpenAI-style `{error:{message,type,code}}`; `insufficient_quota` (in code or type) is an empty account. */
export function readVideoGatewayError(body: unknown): ProviderErrorInfo {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return typeof body === "string" && body.length > 0 && body.length < 500 ? { message: body } : {};
  const e = parsed.data.error;
  if (typeof e === "string") return { message: e, ...(isContentPolicy(undefined, e) ? { contentPolicy: true } : {}) };
  const code = e.code !== null && e.code !== undefined ? String(e.code) : (e.type ?? undefined);
  const message = e.message ?? undefined;
  return {
    ...(message ? { message } : {}),
    ...(code ? { code } : {}),
    ...(code === "insufficient_quota" || e.type === "insufficient_quota" ? { quota: true } : {}),
    ...(isContentPolicy(code, undefined) ? { contentPolicy: true } : {}),
  };
}

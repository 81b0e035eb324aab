/**
 * Replicate's prediction object and error bodies in zod (HTTP API reference, replicate.com/docs/
 * reference/http, Nov 2026). Errors are RFC 7807 problem details: `{title, detail, status}`.
 */
import { z } from "zod";
import type { ProviderErrorInfo } from "../http";

export const predictionSchema = z.object({
  id: z.string().min(1),
  model: z.string().optional(),
  version: z.string().optional(),
  // an open set: starting | processing | succeeded | failed | canceled (and "aborted" on some deployments)
  status: z.string(),
  input: z.record(z.string(), z.unknown()).optional(),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: z.string().nullable().optional(),
  data_removed: z.boolean().optional(),
  created_at: z.string().optional(),
  completed_at: z.string().nullable().optional(),
  urls: z.object({ get: z.string().optional(), cancel: z.string().optional() }).partial().optional(),
});
export type Prediction = z.infer<typeof predictionSchema>;

/** the list omits `input` and `output`; reconciliation reads candidates one by one */
export const predictionListSchema = z.object({ next: z.string().nullable().optional(), results: z.array(predictionSchema) });

/** Refusals by the model's safety checker arrive as failed predictions with prose like this. */
export function isFlagged(message: string | undefined): boolean {
  return message !== undefined && /\bNSFW\b|flagged|sensitive content|content (policy|moderation)|safety (check|filter)/i.test(message);
}

/** The first video URL in `output` (a URL, or a list of them, or an object holding one). */
export function outputUrl(output: unknown): string | undefined {
  const urls: string[] = [];
  const collect = (x: unknown) => {
    if (typeof x === "string" && /^https?:\/\//.test(x)) urls.push(x);
    else if (Array.isArray(x)) x.forEach(collect);
    else if (typeof x === "object" && x !== null) Object.values(x).forEach(collect);
  };
  collect(output);
  return urls.find((u) => /\.(mp4|mov|webm)(?:$|[?#])/i.test(u)) ?? urls[0];
}

export function errorText(error: unknown): string | undefined {
  if (typeof error === "string") return error || undefined;
  if (typeof error === "object" && error !== null) {
    const m = (error as Record<string, unknown>)["message"] ?? (error as Record<string, unknown>)["detail"];
    if (typeof m === "string") return m;
  }
  return undefined;
}

const problemSchema = z.object({ title: z.string().optional(), detail: z.string().optional(), status: z.number().optional() });

export function readReplicateError(body: unknown): ProviderErrorInfo {
  const parsed = problemSchema.safeParse(body);
  const text = parsed.success ? (parsed.data.detail ?? parsed.data.title) : typeof body === "string" && body.length < 500 ? body : undefined;
  if (!text) return {};
  return {
    message: text,
    ...(parsed.success && parsed.data.title ? { code: parsed.data.title } : {}),
    ...(isFlagged(text) ? { contentPolicy: true } : {}),
    ...(/insufficient credit|billing|spend limit|payment required/i.test(text) ? { quota: true } : {}),
  };
}

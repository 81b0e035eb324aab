/**
 * Runway task responses and error bodies in zod (`@runwayml/sdk` 4.12, docs.dev.runwayml.com/errors/task-failures).
 * Loose where Runway may add fields or states, so a poll never breaks on them.
 */
import { z } from "zod";
import type { GenerationErrorReason } from "../errors";
import type { ProviderErrorInfo } from "../http";

export const runwayCreateSchema = z.object({ id: z.string().min(1) });

export const runwayTaskSchema = z.object({
  id: z.string().min(1),
  // an open set: PENDING | THROTTLED | RUNNING | SUCCEEDED | FAILED | CANCELLED today
  status: z.string(),
  createdAt: z.string().nullable().optional(),
  progress: z.number().nullable().optional(),
  output: z.array(z.string()).nullable().optional(),
  failure: z.string().nullable().optional(),
  failureCode: z.string().nullable().optional(),
});

export type RunwayTask = z.infer<typeof runwayTaskSchema>;

/**
 * A task's `failureCode` onto Cutaway's reasons. SAFETY.* must never be retried; bad inputs will fail the
 * same way again; INTERNAL.* (including BAD_OUTPUT) is Runway's side and worth another take.
 */
export function reasonOfFailureCode(code: string | null | undefined): GenerationErrorReason {
  if (!code) return "transient";
  if (code.startsWith("SAFETY")) return "content_policy";
  if (code === "ASSET.INVALID" || code.startsWith("INPUT_PREPROCESSING")) return "invalid_request";
  return "transient";
}

const errorSchema = z.object({
  error: z.string().optional(),
  message: z.string().optional(),
  issues: z.array(z.object({ message: z.string().optional(), path: z.array(z.union([z.string(), z.number()])).optional() })).optional(),
});

/** `{error, issues?}`: a validation failure names its field; "not enough credits" is an empty account. */
export function readRunwayError(body: unknown): ProviderErrorInfo {
  const parsed = errorSchema.safeParse(body);
  if (!parsed.success) return typeof body === "string" && body.length > 0 && body.length < 500 ? { message: body } : {};
  const { error, message, issues } = parsed.data;
  const first = issues?.[0];
  const where = first?.path && first.path.length > 0 ? ` (${first.path.join(".")})` : "";
  const text = [error ?? message, first?.message ? `${first.message}${where}` : undefined].filter(Boolean).join(": ");
  return {
    ...(text ? { message: text } : {}),
    ...(/\b(enough|insufficient|out of) credits?\b/i.test(text) ? { quota: true } : {}),
    ...(/\b(content moderation|safety|content polic)/i.test(text) ? { contentPolicy: true } : {}),
  };
}

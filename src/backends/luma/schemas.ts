/** Luma's generation object and error bodies in zod (Dream Machine API v1, Nov 2026). */
import { z } from "zod";
import type { ProviderErrorInfo } from "../http";

export const generationSchema = z.object({
  id: z.string().min(1),
  // an open set: queued | dreaming | completed | failed
  state: z.string(),
  failure_reason: z.string().nullable().optional(),
  created_at: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  assets: z.object({ video: z.string().nullable().optional(), image: z.string().nullable().optional() }).partial().nullable().optional(),
  request: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type LumaGeneration = z.infer<typeof generationSchema>;

export const generationListSchema = z.object({ generations: z.array(generationSchema), has_more: z.boolean().optional(), count: z.number().optional() });

/** Luma's moderation: `failure_reason` naming it (content_moderated, "… moderation …", "not allowed"). */
export function isModerated(reason: string | null | undefined): boolean {
  return typeof reason === "string" && /moderat|content polic|not allowed|inappropriate|prohibited/i.test(reason);
}

const errorSchema = z.object({ detail: z.union([z.string(), z.array(z.object({ msg: z.string().optional(), loc: z.array(z.union([z.string(), z.number()])).optional() }))]) });

/** `{detail: "…"}`, or FastAPI's `{detail: [{loc, msg}]}` for a malformed body. */
export function readLumaError(body: unknown): ProviderErrorInfo {
  const parsed = errorSchema.safeParse(body);
  if (!parsed.success) return typeof body === "string" && body.length > 0 && body.length < 500 ? { message: body } : {};
  const d = parsed.data.detail;
  const message = typeof d === "string" ? d : d.map((x) => `${x.msg ?? "invalid"}${x.loc ? ` (${x.loc.filter((l) => l !== "body").join(".")})` : ""}`).join("; ");
  return {
    ...(message ? { message } : {}),
    ...(isModerated(message) ? { contentPolicy: true } : {}),
    ...(/insufficient credits|out of credits|billing/i.test(message) ? { quota: true } : {}),
  };
}

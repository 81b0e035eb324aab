/**
 * ComfyUI server replies in zod (server.py routes as of ComfyUI 0.3.x/0.4, 2026). Loose on purpose:
 * custom nodes add output keys and fields freely, and a poll must not break on them.
 */
import { z } from "zod";
import type { ProviderErrorInfo } from "../http";

export const promptAcceptedSchema = z.object({
  prompt_id: z.string().min(1),
  number: z.number().optional(),
  node_errors: z.unknown().optional(),
});

/** `[number, prompt_id, prompt, extra_data, outputs_to_execute]` per queue item. */
const queueItem = z.array(z.unknown()).min(2);
export const queueSchema = z.object({
  queue_running: z.array(queueItem).default([]),
  queue_pending: z.array(queueItem).default([]),
});
export type ComfyQueue = z.infer<typeof queueSchema>;

export const uploadSchema = z.object({ name: z.string().min(1), subfolder: z.string().optional(), type: z.string().optional() });

const fileRef = z.object({
  filename: z.string().min(1),
  subfolder: z.string().optional().default(""),
  type: z.string().optional().default("output"),
  format: z.string().optional(),
  animated: z.union([z.boolean(), z.array(z.boolean())]).optional(),
});
export type ComfyFile = z.infer<typeof fileRef>;

const nodeOutput = z.looseObject({
  images: z.array(fileRef).optional(),
  gifs: z.array(fileRef).optional(),
  videos: z.array(fileRef).optional(),
  animated: z.array(z.boolean()).optional(),
});

export const historyEntrySchema = z.object({
  outputs: z.record(z.string(), nodeOutput).optional().default({}),
  status: z
    .object({
      status_str: z.string().optional(),
      completed: z.boolean().optional(),
      messages: z.array(z.tuple([z.string(), z.unknown()]).rest(z.unknown())).optional().default([]),
    })
    .optional(),
});
export type ComfyHistoryEntry = z.infer<typeof historyEntrySchema>;

/** `{}` until the prompt finishes, then `{[prompt_id]: entry}`. */
export const historySchema = z.record(z.string(), historyEntrySchema);

const VIDEO_EXT = /\.(mp4|webm|mov|mkv)$/i;

/**
 * The video among a finished prompt's outputs: VHS "Video Combine" lists it under `gifs` with a
 * `format`, core SaveVideo/SaveWEBM under `images` beside `animated: [true]`. MP4 wins over the rest.
 */
export function videoOutput(entry: ComfyHistoryEntry): ComfyFile | undefined {
  const found: ComfyFile[] = [];
  for (const out of Object.values(entry.outputs)) {
    const nodeAnimated = out.animated?.some(Boolean) === true;
    for (const f of [...(out.gifs ?? []), ...(out.videos ?? []), ...(out.images ?? [])]) {
      const animated = f.animated === true || (Array.isArray(f.animated) && f.animated.some(Boolean));
      if (VIDEO_EXT.test(f.filename) || f.format?.startsWith("video/") || animated || nodeAnimated) found.push(f);
    }
  }
  const rank = (f: ComfyFile) => (/\.mp4$/i.test(f.filename) || /mp4/.test(f.format ?? "") ? 0 : VIDEO_EXT.test(f.filename) ? 1 : 2);
  return found.sort((a, b) => rank(a) - rank(b))[0];
}

export interface ExecutionFailure {
  readonly message: string;
  readonly nodeId?: string;
  readonly nodeType?: string;
  readonly exceptionType?: string;
  readonly interrupted: boolean;
}

const execErrorSchema = z.object({
  node_id: z.union([z.string(), z.number()]).optional(),
  node_type: z.string().optional(),
  exception_message: z.string().optional(),
  exception_type: z.string().optional(),
});

/** Why a prompt ended in `status_str: "error"`, from its `execution_error` / `execution_interrupted` message. */
export function executionFailure(entry: ComfyHistoryEntry): ExecutionFailure | undefined {
  const st = entry.status;
  if (!st || st.status_str !== "error") return undefined;
  for (const [type, data] of st.messages) {
    if (type === "execution_interrupted") return { message: "interrupted", interrupted: true };
    if (type === "execution_error") {
      const e = execErrorSchema.safeParse(data);
      const d = e.success ? e.data : {};
      return {
        message: d.exception_message ?? "the workflow failed",
        ...(d.node_id !== undefined ? { nodeId: String(d.node_id) } : {}),
        ...(d.node_type ? { nodeType: d.node_type } : {}),
        ...(d.exception_type ? { exceptionType: d.exception_type } : {}),
        interrupted: false,
      };
    }
  }
  return { message: "the workflow failed", interrupted: false };
}

const nodeErrorSchema = z.object({
  class_type: z.string().optional(),
  errors: z.array(z.object({ message: z.string().optional(), details: z.string().optional() })).optional(),
});
const promptErrorSchema = z.object({
  error: z.union([z.object({ type: z.string().optional(), message: z.string().optional(), details: z.string().optional() }), z.string()]),
  node_errors: z.record(z.string(), nodeErrorSchema).optional(),
});

/** `/prompt`'s 400 `{error:{type,message}, node_errors:{id:{class_type, errors:[…]}}}`, named by the first failing node. */
export function readComfyError(body: unknown): ProviderErrorInfo {
  const parsed = promptErrorSchema.safeParse(body);
  if (!parsed.success) return typeof body === "string" && body.length > 0 && body.length < 500 ? { message: body } : {};
  const { error, node_errors } = parsed.data;
  const top = typeof error === "string" ? { message: error } : error;
  const firstNode = Object.entries(node_errors ?? {})[0];
  let message = top.message ?? "";
  if (firstNode) {
    const [id, ne] = firstNode;
    const first = ne.errors?.[0];
    const what = [first?.message, first?.details].filter(Boolean).join(": ");
    message = `${message ? `${message} — ` : ""}node ${id}${ne.class_type ? ` (${ne.class_type})` : ""}${what ? `: ${what}` : ""}`;
  } else if (top.details) {
    message = `${message}: ${top.details}`;
  }
  return { ...(message ? { message } : {}), ...(typeof error !== "string" && error.type ? { code: error.type } : {}) };
}

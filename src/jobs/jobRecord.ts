/**
 * A generation job as the journal keeps it. JSON-safe (no bytes, no bigint, never a key), validated
 * with zod when read back, so a damaged journal line is skipped instead of crashing the panel.
 */
import { z } from "zod";
import type { JobStatus } from "../backends/types";

export const JOB_STATES = ["planned", "submitting", "submitted", "running", "ready", "downloaded", "placed", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States in which the engine still has work to do after a restart. */
export const UNFINISHED: ReadonlySet<JobState> = new Set(["planned", "submitting", "submitted", "running", "ready"]);

/** the longest negative prompt a job keeps (providers take far less; the journal must read it back) */
export const MAX_NEGATIVE_PROMPT_CHARS = 2_000;

const reasons = ["auth", "quota", "rate_limited", "content_policy", "invalid_request", "transient", "expired", "cancelled"] as const;

export const jobRequestSchema = z.object({
  model: z.string().max(200),
  prompt: z.string().max(20_000),
  negativePrompt: z.string().max(5_000).optional(),
  durationSeconds: z.number().positive().max(600),
  aspect: z.string().max(20),
  size: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  fps: z.object({ num: z.number().int().positive(), den: z.number().int().positive() }).optional(),
  seed: z.number().int().optional(),
  shotNumber: z.number().int().min(0),
  timecode: z.string().max(20).optional(),
  /** continuity stills on disk (the bytes are not journaled) */
  firstFramePath: z.string().max(4000).optional(),
  lastFramePath: z.string().max(4000).optional(),
  /** bible reference images on disk, soft (identity, place, look), never frames */
  references: z.array(z.object({ path: z.string().max(4000), kind: z.enum(["character", "place", "look"]), name: z.string().max(120) })).max(16).optional(),
  /** a still from an image model (a storyboard frame): placed as a draft, like a slate */
  still: z.boolean().optional(),
  /** the editor asked to keep the model's sound */
  audio: z.boolean().optional(),
  /** names of the bible entries the shot used (provenance, Jobs row) */
  bibleEntries: z.array(z.string().max(120)).max(50).optional(),
});

export const jobRecordSchema = z.object({
  id: z.string().min(1).max(200),
  requestId: z.string().max(200),
  shotId: z.string().max(200),
  take: z.number().int().min(1),
  /** base name for the media file ("Cutaway 012 – harbour at dawn") */
  name: z.string().max(300),
  backend: z.string().max(50),
  request: jobRequestSchema,
  idempotencyKey: z.string().max(200),
  state: z.enum(JOB_STATES),
  ref: z.object({ backend: z.string(), model: z.string(), providerJobId: z.string(), urls: z.record(z.string(), z.string()).optional() }).optional(),
  progress: z.number().min(0).max(1).optional(),
  queuePosition: z.number().int().min(0).optional(),
  etaSeconds: z.number().min(0).optional(),
  error: z.object({ reason: z.enum(reasons), message: z.string().max(2_000), outcomeUnknown: z.boolean().optional() }).optional(),
  mediaPath: z.string().max(4000).optional(),
  /** a small preview for the Jobs list: the provider's https URL or an inline PNG (slates) */
  thumbnailUrl: z.string().max(64_000).optional(),
  expiresAt: z.number().optional(),
  estimateUsd: z.number().min(0),
  costUsd: z.number().min(0).optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  submittedAt: z.number().optional(),
  completedAt: z.number().optional(),
  downloadAttempts: z.number().int().min(0).default(0),
  /** the provider cannot be reached right now: the Jobs row says "waiting for <this>" (not an error) */
  waitingFor: z.string().max(100).optional(),
});

export type JobRecord = z.infer<typeof jobRecordSchema>;
export type JobRequestData = z.infer<typeof jobRequestSchema>;

/**
 * A negative prompt cut to what a job keeps: whole comma-separated terms first (the most important
 * come first), never a term cut in half unless one term alone is too long.
 */
export function fitNegativePrompt(text: string, max = MAX_NEGATIVE_PROMPT_CHARS): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const comma = cut.lastIndexOf(",");
  return (comma > max / 2 ? cut.slice(0, comma) : cut).trim();
}

/** Why a record would not read back from the journal (a sentence's worth), or null when it would. */
export function unreadableBecause(j: JobRecord): string | null {
  const r = jobRecordSchema.safeParse(j);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.join(".") || "record"}: ${issue.message}`;
}

/** The number the next shot gets: clip numbering continues across requests and panel reloads. */
export function nextShotNumber(jobs: Iterable<JobRecord>): number {
  let max = 0;
  for (const j of jobs) max = Math.max(max, j.request.shotNumber);
  return max + 1;
}

export function isTerminal(j: JobRecord): boolean {
  return !UNFINISHED.has(j.state);
}

/** A job the provider still has, with what it said of it: progress 0–1, queue position, time left. */
export function stillRunning(job: JobRecord, st: Extract<JobStatus, { state: "queued" | "running" }>): JobRecord {
  return {
    ...job,
    state: "running",
    ...(st.progress !== undefined ? { progress: Math.min(1, Math.max(0, st.progress)) } : {}),
    ...(st.state === "queued" && st.queuePosition !== undefined ? { queuePosition: st.queuePosition } : { queuePosition: undefined }),
    ...(st.state === "running" && st.etaSeconds !== undefined ? { etaSeconds: st.etaSeconds } : {}),
  };
}

/** Only what an <img> can show without credentials: a public https URL or an inline PNG/JPEG. */
export function thumbnailOk(url: string | undefined): url is string {
  return url !== undefined && url.length <= 64_000 && (/^https:\/\//.test(url) || /^data:image\/(png|jpeg);base64,/.test(url));
}

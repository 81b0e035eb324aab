/**
 * The editor's ComfyUI workflow (API format, "Save (API Format)" / "Export (API)") with
 * placeholders Cutaway fills per shot. A workflow is data, like a fal model descriptor: its limits
 * and price are declared beside it, and what it can take is read from its placeholders.
 * Built against ComfyUI server routes as documented at docs.comfy.org (comms_routes, 2026).
 */
import { z } from "zod";
import { GenerationError } from "../errors";
import type { GenerationRequest, ModelCapabilities } from "../types";

/** Placeholders whose whole-string value becomes a JSON number (nodes reject "512" for an INT input). */
const NUMERIC = ["seed", "width", "height", "frames", "fps"] as const;
const TEXT = ["prompt", "negative", "image", "ref1", "ref2", "ref3", "ref4"] as const;
const REF_SLOTS = ["ref1", "ref2", "ref3", "ref4"] as const;
type Placeholder = (typeof NUMERIC)[number] | (typeof TEXT)[number];

export const comfyNodeSchema = z.object({
  class_type: z.string().min(1),
  inputs: z.record(z.string(), z.unknown()),
  _meta: z.unknown().optional(),
});

/** API format: node id → node. The UI format (`nodes`/`links` arrays) fails here, which is the point. */
export const comfyGraphSchema = z.record(z.string(), comfyNodeSchema).refine((g) => Object.keys(g).length > 0, "the workflow has no nodes");
export type ComfyGraph = z.infer<typeof comfyGraphSchema>;

const size = z.object({ width: z.number().int().positive(), height: z.number().int().positive(), aspect: z.string(), label: z.string().optional() });

export const comfyWorkflowSchema = z.object({
  /** Cutaway's model id for this workflow (journaled in JobRefs) */
  id: z.string().min(1),
  label: z.string().min(1),
  /** the API-format JSON text as the editor pasted it */
  workflow: z.string().min(2),
  durationsSeconds: z.array(z.number().positive()).min(1).default([2, 3, 4, 5]),
  aspects: z.array(z.string()).min(1).default(["16:9", "9:16", "1:1"]),
  sizes: z.array(size).min(1).default([
    { width: 832, height: 480, aspect: "16:9" },
    { width: 480, height: 832, aspect: "9:16" },
    { width: 640, height: 640, aspect: "1:1" },
  ]),
  /** the model's native rate; null follows the sequence (`{{fps}}` then carries the sequence rate) */
  fps: z.number().positive().nullable().default(24),
  /** video models want 4n+1 (Wan) or 8n+1 (LTX) frames; 1 means exactly seconds × fps */
  frameMultiple: z.number().int().positive().default(1),
  maxPromptChars: z.number().int().positive().default(4000),
  /** the studio's own GPUs: no per-second charge unless the editor sets one */
  pricePerSecondUsd: z.number().nonnegative().default(0),
});
export type ComfyWorkflow = z.infer<typeof comfyWorkflowSchema>;

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: "comfyui" });
}

/**
 * Bare numeric placeholders (`"seed": {{seed}}`) are what people type, but are not JSON; quote them
 * first so one parse serves both spellings.
 */
function quoteBare(text: string): string {
  return text.replace(/([:[,]\s*)\{\{(seed|width|height|frames|fps)\}\}(?=\s*[,\]}])/g, '$1"{{$2}}"');
}

/** Parses and validates a workflow text; every failure says what to fix in ComfyUI. */
export function parseComfyGraph(text: string): ComfyGraph {
  let raw: unknown;
  try {
    raw = JSON.parse(quoteBare(text));
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\s+/g, " ").slice(0, 120) : "unreadable";
    throw refuse(`The ComfyUI workflow is not valid JSON (${why}). Export it again from ComfyUI with "Export (API)".`);
  }
  const parsed = comfyGraphSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at node "${issue.path.join(".")}"` : "";
    throw refuse(`The ComfyUI workflow is not in API format${where}: each node needs "class_type" and "inputs". Export it with "Export (API)", not "Save".`);
  }
  if (!placeholdersIn(text).has("prompt")) {
    throw refuse('The ComfyUI workflow has no {{prompt}} placeholder: put {{prompt}} in the positive text node\'s "text" input so each shot\'s prompt reaches it.');
  }
  return parsed.data;
}

export function placeholdersIn(text: string): Set<Placeholder> {
  const found = new Set<Placeholder>();
  for (const name of [...NUMERIC, ...TEXT]) if (text.includes(`{{${name}}}`)) found.add(name);
  return found;
}

export interface FillValues {
  readonly prompt: string;
  readonly negative: string;
  readonly seed: number;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly fps: number;
  /** the uploaded reference frame's name on the server */
  readonly image?: string;
  /** uploaded reference images' names, for {{ref1}}…{{ref4}} (fewer than the slots: repeated in order) */
  readonly refs?: readonly string[];
}

/** A copy of the graph with every placeholder filled; exact numeric placeholders become numbers. */
export function fillGraph(graph: ComfyGraph, v: FillValues): ComfyGraph {
  const text: Record<string, string> = {
    prompt: v.prompt,
    negative: v.negative,
    image: v.image ?? "",
    seed: String(v.seed),
    width: String(v.width),
    height: String(v.height),
    frames: String(v.frames),
    fps: String(v.fps),
  };
  const refs = v.refs ?? [];
  REF_SLOTS.forEach((slot, i) => (text[slot] = refs.length ? refs[i % refs.length]! : ""));
  const numbers: Record<string, number> = { seed: v.seed, width: v.width, height: v.height, frames: v.frames, fps: v.fps };
  const walk = (x: unknown): unknown => {
    if (typeof x === "string") {
      const whole = /^\{\{(\w+)\}\}$/.exec(x);
      if (whole && numbers[whole[1]!] !== undefined) return numbers[whole[1]!];
      // replacing inside the parsed value, not the JSON text, is what keeps quotes in a prompt escaped
      return x.replace(/\{\{(\w+)\}\}/g, (m, name: string) => text[name] ?? m);
    }
    if (Array.isArray(x)) return x.map(walk);
    if (typeof x === "object" && x !== null) return Object.fromEntries(Object.entries(x).map(([k, val]) => [k, walk(val)]));
    return x;
  };
  return walk(graph) as ComfyGraph;
}

/** The size the workflow offers for the sequence's aspect: exact, else the smallest covering it, else the largest. */
export function pickComfySize(w: ComfyWorkflow, req: GenerationRequest): { width: number; height: number } {
  const sizes = w.sizes.filter((s) => s.aspect === req.aspect).sort((a, b) => a.width * a.height - b.width * b.height);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  const area = req.size.width * req.size.height;
  const s = exact ?? sizes.find((x) => x.width * x.height >= area) ?? sizes[sizes.length - 1];
  if (!s) throw refuse(`The ComfyUI workflow "${w.label}" is not set up for ${req.aspect} video (it offers ${w.aspects.join(", ")}).`);
  return { width: s.width, height: s.height };
}

export function frameRate(w: ComfyWorkflow, req: GenerationRequest): number {
  if (w.fps !== null) return w.fps;
  const f = req.fps;
  return f ? Math.round((f.num / f.den) * 1000) / 1000 : 24;
}

export function frameCount(w: ComfyWorkflow, seconds: number, fps: number): number {
  const n = Math.max(1, Math.round(seconds * fps));
  if (w.frameMultiple <= 1) return n;
  return Math.max(1, Math.round((n - 1) / w.frameMultiple)) * w.frameMultiple + 1;
}

export function comfyModelCapabilities(w: ComfyWorkflow): ModelCapabilities {
  const has = placeholdersIn(w.workflow);
  return {
    id: w.id,
    label: w.label,
    durationsSeconds: [...w.durationsSeconds].sort((a, b) => a - b),
    aspects: w.aspects,
    sizes: w.sizes,
    fps: w.fps,
    imageToVideo: has.has("image"),
    lastFrame: false,
    negativePrompt: has.has("negative"),
    seed: has.has("seed"),
    maxPromptChars: w.maxPromptChars,
    pricePerSecondUsd: w.pricePerSecondUsd,
    ...(referenceSlots(w.workflow) ? { references: { max: referenceSlots(w.workflow), kinds: ["character", "place", "look"], withFrames: true } } : {}),
  };
}

/** how many {{ref1}}…{{ref4}} placeholders the workflow has, counted from ref1 without a hole */
export function referenceSlots(text: string): number {
  const has = placeholdersIn(text);
  let n = 0;
  while (n < REF_SLOTS.length && has.has(REF_SLOTS[n]!)) n++;
  return n;
}

/** A workflow descriptor from the editor's pasted JSON and optional limits; validates the JSON at once. */
export function comfyWorkflow(input: z.input<typeof comfyWorkflowSchema>): ComfyWorkflow {
  const w = comfyWorkflowSchema.parse(input);
  parseComfyGraph(w.workflow);
  return w;
}

/** The editor's pasted workflow, checked as Settings saves it: null when usable, else what is wrong. */
export function workflowProblem(json: string): string | null {
  try {
    parseComfyGraph(json);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : "The ComfyUI workflow could not be read.";
  }
}

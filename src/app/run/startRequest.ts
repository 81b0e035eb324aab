/**
 * Starting a request: (a new sequence for a rough cut), continuity stills where the model takes
 * them, the request record, then one journaled job per shot and take. Extend, bridge and conform
 * enqueue their plans through the same `enqueueShots`.
 */
import { CutawayError } from "../../core/errors";
import type { Placement } from "../../core/plan";
import type { SequenceSnapshot } from "../../core/timeline";
import { framesToTicks, type Ticks } from "../../core/time";
import type { JobEngine, JobSpec } from "../../jobs/engine";
import { fitNegativePrompt } from "../../jobs/jobRecord";
import type { ModelCapabilities } from "../../backends/types";
import type { GenerateRequest, RequestKind, RunMode } from "../api";
import { messageOf } from "../notices";
import { shotCostUsd } from "../estimate";
import type { Clock, EditorHost, FileStore } from "../ports";
import type { RequestLog } from "../requestLog";
import type { PlannedRequest } from "./planRequest";

export interface StartContext {
  readonly host: EditorHost;
  readonly engine: JobEngine;
  readonly log: RequestLog;
  readonly files: FileStore;
  readonly clock: Clock;
  readonly mediaFolder: () => Promise<string>;
  readonly refreshSnapshot: () => Promise<SequenceSnapshot>;
  readonly plan: (s: SequenceSnapshot) => PlannedRequest;
  readonly say?: (level: "info" | "warning" | "error", message: string) => void;
}

let counter = 0;

/** what the shot takes from the bible, as the journal keeps it (paths, not bytes) */
function bibleOf(p: PlannedRequest, placementId: string): { references?: { path: string; kind: "character" | "place" | "look"; name: string }[]; bibleEntries?: string[] } {
  const b = p.bible.get(placementId);
  if (!b) return {};
  return {
    ...(b.references.length ? { references: b.references.map((x) => ({ path: x.path, kind: x.kind, name: x.name })) } : {}),
    ...(b.entries.length ? { bibleEntries: [...b.entries] } : {}),
  };
}

function label(r: GenerateRequest, n: number, still: boolean): string {
  const shots = `${n} shot${n === 1 ? "" : "s"}`;
  switch (r.kind) {
    case "fill-gaps":
      return `Fill ${n} gap${n === 1 ? "" : "s"}`;
    case "broll":
      return `B-roll, ${shots}`;
    case "replace-placeholders":
      // the Jobs list names a storyboard step as the editor asked for it
      if (r.scope === "drafts" && r.animate) return `Animate ${n} still${n === 1 ? "" : "s"}`;
      if (r.scope === "drafts" && still) return `Regenerate ${n} still${n === 1 ? "" : "s"}`;
      return `Replace ${n} placeholder${n === 1 ? "" : "s"}`;
    case "script-to-cut":
      return `Rough cut, ${shots}`;
  }
}

/** Exports the sequence frame at `at` as a still beside the media, for a shot that starts or ends on it. */
export async function exportStill(ctx: Pick<StartContext, "host" | "files" | "mediaFolder">, at: Ticks, requestId: string, p: Placement, which: "first" | "last"): Promise<string> {
  const dir = ctx.files.join(await ctx.mediaFolder(), ".frames");
  await ctx.files.mkdirp(dir);
  return ctx.host.exportFrame(at, ctx.files.join(dir, `${requestId}-${p.id.replace(/[^\w-]/g, "_")}-${which}.png`), p.size);
}

async function continuityFrames(ctx: StartContext, s: SequenceSnapshot, p: Placement, requestId: string, lastFrame: boolean): Promise<ShotFrames> {
  const frame = framesToTicks(1, s.rate);
  const out: ShotFrames = {};
  if (p.range.start >= frame) out.firstFramePath = await exportStill(ctx, p.range.start - frame, requestId, p, "first");
  if (lastFrame && p.range.end < s.end) out.lastFramePath = await exportStill(ctx, p.range.end, requestId, p, "last");
  return out;
}

export async function startRequest(ctx: StartContext, r: GenerateRequest, snapshot: SequenceSnapshot, planned: PlannedRequest, placementMode: "as-they-arrive" | "all-at-once"): Promise<string> {
  let s = snapshot;
  let p = planned;
  if (r.kind === "script-to-cut" && r.destination === "new-sequence") {
    const name = r.sequenceName?.trim() || "Cutaway rough cut";
    const id = await ctx.host.createSequence(name);
    s = await ctx.refreshSnapshot();
    // never plan a rough cut onto the editor's own sequence: the new one must be the active one now
    if (s.sequenceId !== id) throw new CutawayError("sequence_not_active", `The new sequence "${name}" is not the active one, so nothing was planned. Open it in the Timeline panel and run again.`);
    p = ctx.plan(s);
  }
  const takes = r.mode === "draft" ? 1 : Math.max(1, Math.min(8, Math.floor(r.takes) || 1));
  const requestId = newRequestId(ctx.clock);
  const framed = r.continuity && p.model.imageToVideo && r.mode === "generate";
  const animate = r.animate && p.model.imageToVideo && r.mode === "generate";
  return enqueueShots(ctx, {
    requestId,
    kind: r.kind,
    label: label(r, p.plan.placements.length, p.model.still === true),
    mode: r.mode,
    placementMode,
    snapshot: s,
    planned: p,
    takes: Array.from({ length: takes }, () => ({ backend: r.backend, model: p.model })),
    ...(r.audio ? { audio: true } : {}),
    framesFor: animate
      ? // Animate: the approved still this shot replaces is its first frame, pinned
        async (placement) => {
          const still = stillOf(s, placement);
          return still ? { firstFramePath: still } : {};
        }
      : framed
      ? (placement) =>
          continuityFrames(ctx, s, placement, requestId, p.model.lastFrame).catch((e: unknown) => {
            ctx.say?.("warning", `${messageOf(e)}`);
            return {};
          })
      : async () => ({}),
  });
}

export function newRequestId(clock: Clock): string {
  return `r${clock.now().toString(36)}${(++counter).toString(36)}`;
}

/** One take of every shot: which backend and model make it (takes may come from different models). */
export interface TakeSource {
  readonly backend: string;
  readonly model: ModelCapabilities;
}

export interface ShotFrames {
  firstFramePath?: string;
  lastFramePath?: string;
}

export interface EnqueueInput {
  readonly requestId: string;
  readonly kind: RequestKind;
  readonly label: string;
  readonly mode: RunMode;
  readonly placementMode: "as-they-arrive" | "all-at-once";
  readonly snapshot: SequenceSnapshot;
  readonly planned: PlannedRequest;
  readonly takes: readonly TakeSource[];
  readonly framesFor: (p: Placement) => Promise<ShotFrames>;
  /** a seed carried over from a draft; otherwise one is derived per shot and take */
  readonly seedFor?: (p: Placement) => number | undefined;
  /** the generation length for a take whose model is not the plan's; null skips that take */
  readonly secondsFor?: (p: Placement, model: ModelCapabilities) => number | null;
  /** keep the sound of models that make it (the editor's per-run switch) */
  readonly audio?: boolean;
}

/** The request record, then one journaled job per shot and take. */
export async function enqueueShots(ctx: StartContext, input: EnqueueInput): Promise<string> {
  const { requestId, snapshot: s, planned: p } = input;
  const specs: JobSpec[] = [];
  const jobs: { placementId: string; take: number; jobId: string }[] = [];
  const mixed = new Set(input.takes.map((t) => `${t.backend}/${t.model.id}`)).size > 1;
  for (const placement of p.plan.placements) {
    const frames = await input.framesFor(placement);
    for (let take = 1; take <= input.takes.length; take++) {
      const source = input.takes[take - 1]!;
      const m = source.model;
      const seconds = m.id === p.model.id && source.backend === input.takes[0]!.backend ? placement.generationSeconds : (input.secondsFor?.(placement, m) ?? null);
      if (seconds === null) continue;
      const id = `${requestId}-${placement.id.replace(/[^\w-]/g, "_")}-t${take}`;
      const derived = 1000 + placement.shotNumber * 17 + take;
      // a carried-over seed makes take 1 the draft's shot again; other takes must differ
      const seed = take === 1 ? (input.seedFor?.(placement) ?? derived) : derived;
      jobs.push({ placementId: placement.id, take, jobId: id });
      specs.push({
        id,
        requestId,
        shotId: placement.id,
        take,
        // takes from several models are told apart in the bin by the model's name
        name: mixed ? `${placement.name} [${m.label}]` : placement.name,
        backend: source.backend,
        request: {
          model: m.id,
          prompt: placement.prompt,
          ...(placement.negativePrompt ? { negativePrompt: fitNegativePrompt(placement.negativePrompt) } : {}),
          durationSeconds: seconds,
          aspect: placement.aspect,
          size: placement.size,
          fps: { num: s.rate.num, den: s.rate.den },
          ...(m.seed ? { seed } : {}),
          shotNumber: placement.shotNumber,
          timecode: p.preview.items.find((i) => i.shotNumber === placement.shotNumber)?.startTimecode ?? "",
          ...(m.imageToVideo ? { ...(frames.firstFramePath ? { firstFramePath: frames.firstFramePath } : {}), ...(frames.lastFramePath && m.lastFrame ? { lastFramePath: frames.lastFramePath } : {}) } : {}),
          ...bibleOf(p, placement.id),
          ...(input.audio && m.audio ? { audio: true } : {}),
          ...(m.still ? { still: true } : {}),
        },
        estimateUsd: Math.round(shotCostUsd(m, seconds) * 100) / 100,
      });
    }
  }
  await ctx.log.put({
    id: requestId,
    label: input.label,
    kind: input.kind,
    mode: input.mode,
    createdAt: new Date(ctx.clock.now()).toISOString(),
    sequenceId: s.sequenceId,
    backend: input.takes[0]!.backend,
    model: p.model.id,
    takes: input.takes.length,
    placementMode: input.placementMode,
    placements: [...p.plan.placements],
    jobs,
    placed: {},
    activeTake: {},
    refused: {},
  });
  await ctx.engine.enqueue(specs);
  return requestId;
}

/** the media of the Cutaway still (a storyboard frame) a placement replaces, if it is one */
function stillOf(s: SequenceSnapshot, p: Placement): string | null {
  if (!p.replacesClipId) return null;
  const clip = s.videoTracks.flatMap((t) => t.clips).find((c) => c.id === p.replacesClipId);
  return clip?.provenance && clip.mediaPath && /\.(png|jpe?g)$/i.test(clip.mediaPath) ? clip.mediaPath : null;
}
